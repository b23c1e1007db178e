import * as Y from 'yjs';
import { elementMapOf, type RootName } from './layout';
import type { Fields, Parsed } from './records/fieldValues';
import { plainFields } from './textFields';

/**
 * Parsed elements, per element Y.Map. Validation dominates a full read of a big map, and most reads
 * follow a transaction that touched a handful of elements, so each element is parsed once and again
 * only after it changed.
 *
 * Invariants: the cache is neither read nor written while a transaction is open (Yjs does not
 * report changes to types created in the same transaction); entries of maps a transaction changed
 * are dropped in 'beforeObserverCalls', before any observer or afterTransaction listener can read
 * the model; typing in a text field changes the field's Y.Text, not the map, so it drops the map
 * that holds it. A parse depends only on the element's own fields and id (the id is its key in the
 * root, which never changes for a given Y.Map), so the cache is valid across model instances of
 * one doc.
 */
const parseCache = new WeakMap<Y.Map<unknown>, Parsed<unknown>>();
const docsWithEviction = new WeakSet<Y.Doc>();

/** Drops cached parses of the elements each transaction of `doc` changed; idempotent per doc. */
export function evictChangedElements(doc: Y.Doc): void {
  if (docsWithEviction.has(doc)) return;
  docsWithEviction.add(doc);
  doc.on('beforeObserverCalls', (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) {
      const element = elementMapOf(type as Y.AbstractType<unknown>);
      if (element) parseCache.delete(element);
    }
  });
}

/** The element stored under `id` in `root`, parsed (from the cache when it did not change since). */
export function parseStored<T>(
  root: RootName,
  id: string,
  element: unknown,
  parse: (id: string, fields: Fields) => Parsed<T>,
): Parsed<T> {
  if (!(element instanceof Y.Map)) return { ok: false, reason: 'element is not a map of fields' };
  const doc = element.doc;
  const cacheable = doc !== null && doc._transaction === null;
  if (cacheable) {
    const cached = parseCache.get(element);
    if (cached !== undefined) return cached as Parsed<T>;
  }
  const parsed = parse(id, plainFields(root, element));
  if (cacheable) {
    evictChangedElements(doc);
    parseCache.set(element, parsed);
  }
  return parsed;
}
