import type * as Y from 'yjs';
import { type DocLayout, ELEMENT_COLLECTIONS, locate } from './layout';
import { sourceOf } from './origins';
import type { ChainMapChange, ChainMapElementChange, ChangeSource, ElementCollection } from './types';

/**
 * The change feed: what each transaction did to the map, as a list of `ChainMapChange`s, so views
 * update incrementally instead of re-reading everything.
 *
 * Invariants: one call per transaction that touched the map, none for a transaction that touched
 * nothing the model knows; an element appears at most once per call (a root-level set or delete
 * wins over field edits of the same element); the order is stable (collections in layout order,
 * then the order Yjs reports the types).
 */
export type ChangeListener = (changes: readonly ChainMapChange[], source: ChangeSource) => void;

export function observeChanges(layout: DocLayout, listener: ChangeListener): () => void {
  const handler = (tr: Y.Transaction) => {
    const changes = changesOf(layout, tr);
    if (changes.length > 0) listener(changes, sourceOf(tr));
  };
  layout.doc.on('afterTransaction', handler);
  return () => layout.doc.off('afterTransaction', handler);
}

type Flag = 'meta' | 'dismissals' | 'versions' | 'activity';
const FLAG_OF_ROOT: Partial<Record<string, Flag>> = {
  meta: 'meta',
  dismissals: 'dismissals',
  versions: 'versions',
  activityLog: 'activity',
};

/** The changes one transaction made, read from the types it changed. */
export function changesOf(layout: DocLayout, tr: Y.Transaction): ChainMapChange[] {
  const flags = new Set<Flag>();
  const elements: Record<ElementCollection, Map<string, ChainMapElementChange['type']>> = {
    actors: new Map(),
    links: new Map(),
    notes: new Map(),
    phases: new Map(),
  };
  for (const [type, keys] of tr.changed) {
    const at = locate(layout, type as Y.AbstractType<unknown>);
    if (!at) continue;
    const flag = FLAG_OF_ROOT[at.root];
    if (flag) {
      flags.add(flag);
      continue;
    }
    const touched = elements[at.root as ElementCollection];
    if (at.element !== null) {
      if (!touched.has(at.element)) touched.set(at.element, 'update');
      continue;
    }
    const root = layout[at.root];
    for (const key of keys) if (key !== null) touched.set(key, root.has(key) ? 'add' : 'remove');
  }
  const out: ChainMapChange[] = [];
  if (flags.has('meta')) out.push({ type: 'meta' });
  for (const collection of ELEMENT_COLLECTIONS) {
    for (const [id, type] of elements[collection]) out.push({ type, collection, id });
  }
  for (const flag of ['dismissals', 'versions', 'activity'] as const)
    if (flags.has(flag)) out.push({ type: flag });
  return out;
}

/** The ids of `collection`'s elements that a transaction added, changed or removed. */
export function changedIds(changes: readonly ChainMapChange[], collection: ElementCollection): Set<string> {
  const ids = new Set<string>();
  for (const c of changes) if ('collection' in c && c.collection === collection) ids.add(c.id);
  return ids;
}

/** Whether a transaction made a change of this type (an element type or a root flag). */
export function hasChange(changes: readonly ChainMapChange[], type: ChainMapChange['type']): boolean {
  return changes.some((c) => c.type === type);
}

/** Whether a transaction changed what the map shows: meta or any element. */
export function changesContent(changes: readonly ChainMapChange[]): boolean {
  return changes.some((c) => c.type === 'meta' || 'collection' in c);
}
