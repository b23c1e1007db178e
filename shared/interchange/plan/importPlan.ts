import type { Actor, Link, MapMeta, Note, Phase } from '../../model/types';
import type { RecordSource, VersionRecord } from '../mapping/records';
import type { ImportProblem } from '../problems';

/**
 * What an import will do, decided before anything is written: per element whether it is new, an
 * update of an existing one, or unchanged ("nieuw", "bijwerken", "ongewijzigd" in the preview),
 * with the problems that stop it. A plan is applied as one transaction (`applyPlan`).
 */

export type RowStatus = 'new' | 'update' | 'unchanged';

export interface PlannedElement<T extends { id: string }> {
  readonly source: RecordSource;
  readonly status: RowStatus;
  readonly id: string;
  /** The element as the import leaves it. */
  readonly value: T;
  /** What the import writes: the whole element when new; the changed fields of an update. */
  readonly patch: Partial<T>;
}

export interface PlannedActor extends PlannedElement<Actor> {
  /** A new actor the file gave no position: `placeNewActors` puts it in its lane. */
  readonly needsPlacement: boolean;
}

export interface CollectionCounts {
  readonly phases: number;
  readonly actors: number;
  readonly links: number;
  readonly notes: number;
  readonly versions: number;
}

/** The answer of the import API: counts per collection, and the number of unchanged rows. */
export interface ImportSummary {
  readonly added: CollectionCounts;
  readonly updated: CollectionCounts;
  readonly unchanged: number;
}

export interface ImportPlan {
  readonly problems: readonly ImportProblem[];
  /** Title and municipality to set, when the import was asked to bring them along and they differ. */
  readonly meta: Pick<MapMeta, 'title' | 'municipality'> | null;
  readonly phases: readonly PlannedElement<Phase>[];
  readonly actors: readonly PlannedActor[];
  readonly links: readonly PlannedElement<Link>[];
  readonly notes: readonly PlannedElement<Note>[];
  readonly versions: readonly VersionRecord[];
  readonly summary: ImportSummary;
}

export function summarise(plan: Omit<ImportPlan, 'summary' | 'problems'>): ImportSummary {
  const count = (status: RowStatus) => ({
    phases: plan.phases.filter((p) => p.status === status).length,
    actors: plan.actors.filter((p) => p.status === status).length,
    links: plan.links.filter((p) => p.status === status).length,
    notes: plan.notes.filter((p) => p.status === status).length,
    versions: status === 'new' ? plan.versions.length : 0,
  });
  const unchanged = count('unchanged');
  return {
    added: count('new'),
    updated: count('update'),
    unchanged: unchanged.phases + unchanged.actors + unchanged.links + unchanged.notes,
  };
}

/** Fields of `next` that differ from `current` (plain JSON values compared by content). */
export function changedFields<T extends object>(current: T, next: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    const value = next[key];
    if (value !== undefined && JSON.stringify(current[key]) !== JSON.stringify(value)) out[key] = value;
  }
  return out;
}
