import type { ChainMap } from '../model/ChainMap';
import type { ChainMapState } from '../model/types';

/**
 * What a version keeps: the model content of the map, i.e. a validated read without its problems.
 * Dismissals, versions and activity are deliberately left out — they are about the map, not in it,
 * so restoring a version never brings back an old version list or an old feed.
 */
export type VersionContent = Omit<ChainMapState, 'problems'>;

/** The current content of a map, in the canonical order `map.read()` gives (ids; phases by order). */
export function contentOf(source: ChainMap | ChainMapState): VersionContent {
  const state = 'read' in source ? source.read() : source;
  return {
    meta: state.meta,
    phases: state.phases,
    actors: state.actors,
    links: state.links,
    notes: state.notes,
  };
}

/**
 * Whether two contents hold the same map. Elements are compared as sets keyed by id, so the order
 * in which they are listed does not matter; field values are plain JSON and compared as such.
 */
export function sameContent(a: VersionContent, b: VersionContent): boolean {
  return (
    a.meta.title === b.meta.title &&
    a.meta.municipality === b.meta.municipality &&
    sameElements(a.phases, b.phases) &&
    sameElements(a.actors, b.actors) &&
    sameElements(a.links, b.links) &&
    sameElements(a.notes, b.notes)
  );
}

function sameElements(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(a.map((e) => [e.id, e]));
  return b.every((e) => {
    const other = byId.get(e.id);
    return other !== undefined && sameValue(other, e);
  });
}

/** Deep equality for plain JSON values (objects compared key by key, independent of key order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => k in rb && sameValue(ra[k], rb[k]));
}
