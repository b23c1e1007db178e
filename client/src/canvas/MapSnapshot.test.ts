import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { MapSnapshot } from './MapSnapshot';

describe('the map snapshot', () => {
  it('finds each element by id, the edited one as it is now, across patches and full reads', () => {
    const model = inMemoryMap({ title: 'T' });
    const a = model.addActor({ kind: 'service', label: 'A', position: { x: 0, y: 0 } });
    const b = model.addActor({ kind: 'service', label: 'B', position: { x: 300, y: 0 } });
    const l = model.addLink({ kind: 'information', source: a, target: b });
    const snapshot = new MapSnapshot(model);
    model.onChange((changes) => snapshot.apply(changes));
    const untouched = snapshot.actor(b);
    model.updateActor(a, { label: 'A2' });
    expect(snapshot.fullReads).toBe(0);
    expect(snapshot.actor(a)?.label).toBe('A2');
    expect(snapshot.actor(a)).toBe(snapshot.get().actors.find((x) => x.id === a));
    expect(snapshot.actor(b)).toBe(untouched);
    model.updateLink(l, { label: 'gegevens' });
    expect(snapshot.link(l)?.label).toBe('gegevens');
    const c = model.addActor({ kind: 'role', label: 'C', position: { x: 600, y: 0 } });
    expect(snapshot.fullReads).toBe(1);
    expect(snapshot.actor(c)?.label).toBe('C');
    model.deleteElements({ actors: [b], links: [], notes: [] });
    expect(snapshot.actor(b)).toBeUndefined();
    expect(snapshot.link(l)).toBeUndefined();
    expect(snapshot.actor('geen')).toBeUndefined();
  });
});
