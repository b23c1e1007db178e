import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from './ChainMap';
import { DOC_ROOTS, docRoots, ELEMENT_COLLECTIONS, elementsOf, layoutOf, locate } from './layout';

describe('the doc layout', () => {
  it('keeps the roots’ wire names: a doc written under these names opens unchanged', () => {
    // Root names are a wire format; this is the one test outside layout.ts that spells them.
    const doc = new Y.Doc();
    const actor = new Y.Map<unknown>();
    actor.set('kind', 'service');
    actor.set('position', { x: 1, y: 2 });
    doc.getMap('actors').set('a', actor);
    doc.getMap('meta').set('schemaVersion', 1);
    doc
      .getMap('activityLog')
      .set('0:Ann', { at: 1, by: 'Ann', op: 'add', collection: 'actors', id: 'a', label: '' });
    const map = new ChainMap(doc);
    expect(map.getActor('a')?.position).toEqual({ x: 1, y: 2 });
    expect(map.activity().map((e) => e.by)).toEqual(['Ann']);
    expect(Object.keys(DOC_ROOTS)).toEqual([
      'meta',
      'actors',
      'links',
      'notes',
      'phases',
      'dismissals',
      'versions',
      'activityLog',
    ]);
    const layout = layoutOf(doc);
    for (const name of Object.keys(DOC_ROOTS) as (keyof typeof DOC_ROOTS)[])
      expect(layout[name]).toBe(doc.getMap(name));
  });

  it('gives one handle per doc, with the same roots as docRoots', () => {
    const doc = new Y.Doc();
    expect(layoutOf(doc)).toBe(layoutOf(doc));
    expect(layoutOf(doc).phases).toBe(docRoots(doc).phases);
  });

  it('skips values that are not maps of fields, and locates changed types', () => {
    const map = ChainMap.create(new Y.Doc(), { title: 't' });
    const id = map.addActor({ kind: 'service', label: 'A' });
    const layout = layoutOf(map.doc);
    layout.actors.set('junk', 42);
    expect([...elementsOf(layout.actors)].map(([key]) => key)).toEqual([id]);
    const element = layout.actors.get(id) as Y.Map<unknown>;
    expect(locate(layout, element)).toEqual({ root: 'actors', element: id });
    expect(locate(layout, layout.meta)).toEqual({ root: 'meta', element: null });
    expect(locate(layout, new Y.Map())).toBeNull();
    expect(ELEMENT_COLLECTIONS.map((c) => locate(layout, layout[c])?.root)).toEqual(ELEMENT_COLLECTIONS);
  });
});
