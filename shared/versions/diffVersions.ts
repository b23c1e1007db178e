import type { Actor, Link, MapMeta, Note, Phase } from '../model/types';
import type { VersionContent } from './versionContent';
import { sameValue } from './versionContent';

/** One field of one element that differs, with both values (for the inspector's before → after). */
export type FieldChange<T> = {
  [K in Exclude<keyof T, 'id'>]: { readonly field: K; readonly before: T[K]; readonly after: T[K] };
}[Exclude<keyof T, 'id'>];

export interface ElementChange<T extends { id: string }> {
  readonly id: string;
  readonly before: T;
  readonly after: T;
  /** Every differing field, in the element type's field order. */
  readonly fields: readonly FieldChange<T>[];
  /** Its canvas position changed. */
  readonly moved: boolean;
  /** Something other than its position changed; a change with `moved && !edited` is a pure move. */
  readonly edited: boolean;
}

export interface CollectionDiff<T extends { id: string }> {
  readonly added: readonly T[];
  /** With their old data, so the canvas can draw red ghosts at their old place. */
  readonly removed: readonly T[];
  readonly changed: readonly ElementChange<T>[];
}

export interface ContentDiff {
  readonly meta: readonly FieldChange<Pick<MapMeta, 'title' | 'municipality'>>[];
  readonly phases: CollectionDiff<Phase>;
  readonly actors: CollectionDiff<Actor>;
  readonly links: CollectionDiff<Link>;
  readonly notes: CollectionDiff<Note>;
  /** Phases whose place in the lane order changed (a subset of the phases in both contents). */
  readonly reorderedPhaseIds: readonly string[];
}

export type ChangeStatus = 'added' | 'removed' | 'changed';

/**
 * What changed from `before` (an older version) to `after` (usually the current map). Elements are
 * matched by id; both contents come from validated reads, so field values are plain JSON.
 *
 * Phases: the stored `order` is a fractional key that can be re-keyed without any visible change
 * (after concurrent inserts), so an `order` field change is reported only for phases whose place
 * relative to the other common phases changed — the fewest lanes that explain the new order.
 */
export function diffContent(before: VersionContent, after: VersionContent): ContentDiff {
  const reordered = reorderedPhases(before.phases, after.phases);
  return {
    meta: (['title', 'municipality'] as const)
      .filter((field) => before.meta[field] !== after.meta[field])
      .map((field) => ({ field, before: before.meta[field], after: after.meta[field] })),
    phases: diffCollection(
      before.phases,
      after.phases,
      (field, id) => field !== 'order' || reordered.has(id),
    ),
    actors: diffCollection(before.actors, after.actors),
    links: diffCollection(before.links, after.links),
    notes: diffCollection(before.notes, after.notes),
    reorderedPhaseIds: [...reordered],
  };
}

/** Whether a diff holds no change at all. */
export function isEmptyDiff(diff: ContentDiff): boolean {
  return (
    diff.meta.length === 0 &&
    size(diff.phases) + size(diff.actors) + size(diff.links) + size(diff.notes) === 0
  );
}

/** Per collection, the status of every element that differs: what the canvas colours by id. */
export function changeStatusById(diff: ContentDiff): {
  readonly phases: ReadonlyMap<string, ChangeStatus>;
  readonly actors: ReadonlyMap<string, ChangeStatus>;
  readonly links: ReadonlyMap<string, ChangeStatus>;
  readonly notes: ReadonlyMap<string, ChangeStatus>;
} {
  const index = <T extends { id: string }>(c: CollectionDiff<T>) => {
    const out = new Map<string, ChangeStatus>();
    for (const e of c.added) out.set(e.id, 'added');
    for (const e of c.removed) out.set(e.id, 'removed');
    for (const e of c.changed) out.set(e.id, 'changed');
    return out;
  };
  return {
    phases: index(diff.phases),
    actors: index(diff.actors),
    links: index(diff.links),
    notes: index(diff.notes),
  };
}

function size<T extends { id: string }>(c: CollectionDiff<T>): number {
  return c.added.length + c.removed.length + c.changed.length;
}

function diffCollection<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  include: (field: string, id: string) => boolean = () => true,
): CollectionDiff<T> {
  const old = new Map(before.map((e) => [e.id, e]));
  const current = new Set(after.map((e) => e.id));
  const added: T[] = [];
  const changed: ElementChange<T>[] = [];
  for (const next of after) {
    const prev = old.get(next.id);
    if (!prev) {
      added.push(next);
      continue;
    }
    const fields: FieldChange<T>[] = [];
    const keys = new Set([...Object.keys(prev), ...Object.keys(next)]);
    for (const field of keys) {
      if (field === 'id' || !include(field, next.id)) continue;
      const b = (prev as Record<string, unknown>)[field];
      const a = (next as Record<string, unknown>)[field];
      if (!sameValue(b, a)) fields.push({ field, before: b, after: a } as FieldChange<T>);
    }
    if (fields.length === 0) continue;
    const moved = fields.some((f) => f.field === 'position');
    changed.push({
      id: next.id,
      before: prev,
      after: next,
      fields,
      moved,
      edited: fields.length > (moved ? 1 : 0),
    });
  }
  const removed = before.filter((e) => !current.has(e.id));
  return { added, removed, changed };
}

/**
 * The phases, among those in both contents, that changed place: all common phases minus a longest
 * subsequence that kept its relative order. Lane counts are small, so the O(n²) LIS is fine.
 */
function reorderedPhases(before: readonly Phase[], after: readonly Phase[]): Set<string> {
  const oldRank = new Map(before.map((p, i) => [p.id, i]));
  const common = after.filter((p) => oldRank.has(p.id));
  const ranks = common.map((p) => oldRank.get(p.id)!);
  const best = ranks.map(() => 1);
  const prev = ranks.map(() => -1);
  for (let i = 0; i < ranks.length; i++) {
    for (let j = 0; j < i; j++) {
      if (ranks[j]! < ranks[i]! && best[j]! + 1 > best[i]!) {
        best[i] = best[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < ranks.length; i++) if (end < 0 || best[i]! > best[end]!) end = i;
  const kept = new Set<string>();
  for (let i = end; i >= 0; i = prev[i]!) kept.add(common[i]!.id);
  return new Set(common.filter((p) => !kept.has(p.id)).map((p) => p.id));
}
