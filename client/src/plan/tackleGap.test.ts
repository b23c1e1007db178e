import { expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { tackleGap } from './tackleGap';

it('tackling a gap makes an open action that links back to it and keeps the gap', () => {
  const map = inMemoryMap({ title: 'x' });
  map.addActor({ id: 'a', kind: 'service', label: 'A' });
  map.addNote({
    id: 'g',
    kind: 'gap',
    text: 'Geen tolk',
    owner: 'a',
    regie: 'zelf',
    priority: 'high',
    anchor: { type: 'actor', id: 'a' },
    status: 'inProgress',
  });
  const id = tackleGap(map, map.getNote('g')!);
  const action = map.getNote(id)!;
  expect(action).toMatchObject({
    kind: 'action',
    text: 'Geen tolk',
    status: 'open',
    owner: 'a',
    regie: 'zelf',
    priority: 'high',
    sourceNoteId: 'g',
    anchor: { type: 'actor', id: 'a' },
  });
  expect(map.getNote('g')!.kind).toBe('gap');
});
