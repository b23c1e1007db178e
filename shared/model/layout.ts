import type * as Y from 'yjs';

/**
 * The layout of a KetenKaart Y.Doc: the one place that names its root types and says what they hold.
 * The model reads and writes through these roots; the server and the client's network boundary use
 * the same declaration to refuse updates that no KetenKaart client produces.
 *
 * Every root is a top-level Y.Map created by name, never nested lazily per client, so two peers that
 * start at once share one type instead of overwriting each other (yjs#483).
 *
 * - `value` roots map a key to a plain JSON value (meta fields, dismissals, activity entries).
 * - `record` roots map an element id to its own Y.Map of fields, so concurrent edits to different
 *   fields merge and a move writes only `position`. Field values are JSON primitives, arrays, small
 *   plain objects, or binary (a version's snapshot).
 */
export type RootEntries = 'value' | 'record';

export interface RootSpec {
  readonly entries: RootEntries;
}

export const DOC_ROOTS = {
  meta: { entries: 'value' },
  actors: { entries: 'record' },
  links: { entries: 'record' },
  notes: { entries: 'record' },
  phases: { entries: 'record' },
  dismissals: { entries: 'value' },
  versions: { entries: 'record' },
  activityLog: { entries: 'value' },
} as const satisfies Readonly<Record<string, RootSpec>>;

export type RootName = keyof typeof DOC_ROOTS;

export const ROOT_NAMES = Object.keys(DOC_ROOTS) as readonly RootName[];

/** The root types of one doc, created by name (idempotent: Yjs returns the same type each time). */
export function docRoots(doc: Y.Doc): Readonly<Record<RootName, Y.Map<unknown>>> {
  return Object.fromEntries(ROOT_NAMES.map((name) => [name, doc.getMap(name)])) as Record<
    RootName,
    Y.Map<unknown>
  >;
}
