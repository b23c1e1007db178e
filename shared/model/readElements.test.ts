import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from './ChainMap';
import { layoutOf } from './layout';
import type { ElementCollection } from './types';

afterEach(() => {
  vi.restoreAllMocks();
});

/** How often each collection's root was iterated during `fn`. */
function scansDuring(map: ChainMap, fn: () => void): Record<ElementCollection, number> {
  const layout = layoutOf(map.doc);
  const entries = vi.spyOn(Y.Map.prototype, 'entries');
  fn();
  const count = (root: unknown) => entries.mock.contexts.filter((self) => self === root).length;
  return {
    actors: count(layout.actors),
    links: count(layout.links),
    notes: count(layout.notes),
    phases: count(layout.phases),
  };
}

describe('reading the whole map', () => {
  it('scans each collection exactly once per read()', () => {
    const map = ChainMap.create(new Y.Doc(), { title: 't' });
    const lane = map.addPhase('Onthaal');
    const a = map.addActor({ kind: 'service', label: 'A', phaseId: lane });
    const b = map.addActor({ kind: 'partner', label: 'B' });
    const link = map.addLink({ kind: 'handover', source: a, target: b });
    map.addNote({ kind: 'gap', text: 'op de link', anchor: { type: 'link', id: link } });
    map.addNote({ kind: 'quickWin', text: 'op de actor', anchor: { type: 'actor', id: a } });
    let state: ReturnType<ChainMap['read']> | undefined;
    expect(scansDuring(map, () => (state = map.read()))).toEqual({
      actors: 1,
      links: 1,
      notes: 1,
      phases: 1,
    });
    expect(state?.notes.map((n) => n.anchor?.type).sort()).toEqual(['actor', 'link']);
    expect(state?.links.map((l) => l.id)).toEqual([link]);
  });
});
