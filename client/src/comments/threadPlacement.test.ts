import { describe, expect, it } from 'vitest';
import type { ThreadView } from '../../../shared/model/conversation/conversationTypes';
import { inMemoryMap } from '../../../shared/model/replicas';
import { placeThreads, samePlacementOr } from './threadPlacement';

function threadOn(id: string): ThreadView {
  return {
    anchor: { kind: 'actor', id, at: { x: 0, y: 0 } },
    comments: [],
    latestAt: 0,
  } as unknown as ThreadView;
}

describe('placing comment threads across model changes', () => {
  it('an edit that touches no thread’s element keeps the placement object, so the comment views do not re-render', () => {
    const model = inMemoryMap({ title: 'T' });
    const a = model.addActor({ kind: 'service', label: 'A', position: { x: 10, y: 10 } });
    const b = model.addActor({ kind: 'service', label: 'B', position: { x: 400, y: 10 } });
    const threads = [threadOn(a)];
    const first = placeThreads(threads, model.read());
    model.updateActor(b, { label: 'B hernoemd' });
    expect(samePlacementOr(first, placeThreads(threads, model.read()))).toBe(first);
    expect(samePlacementOr([], placeThreads([], model.read()))).toEqual([]);
  });

  it('a renamed or moved anchor gives the new placement', () => {
    const model = inMemoryMap({ title: 'T' });
    const a = model.addActor({ kind: 'service', label: 'A', position: { x: 10, y: 10 } });
    const threads = [threadOn(a)];
    const first = placeThreads(threads, model.read());
    model.updateActor(a, { label: 'A hernoemd' });
    const renamed = samePlacementOr(first, placeThreads(threads, model.read()));
    expect(renamed).not.toBe(first);
    expect(renamed[0]?.name).toBe('A hernoemd');
    model.moveActors([{ id: a, position: { x: 300, y: 10 } }]);
    const moved = samePlacementOr(renamed, placeThreads(threads, model.read()));
    expect(moved).not.toBe(renamed);
    expect(moved[0]?.at.x).toBeGreaterThan(renamed[0]!.at.x);
  });
});
