import type { ChainMap } from '../../model/ChainMap';
import type { ActorKind, ChainMapState } from '../../model/types';
import type { ImportRecords } from '../mapping/records';
import type { ImportProblem } from '../problems';
import type { ProgressListener } from '../progress';
import { type ImportPlan, summarise } from './importPlan';
import { ActorPlanner } from './planActors';
import { LinkPlanner } from './planLinks';
import { NotePlanner } from './planNotes';
import { PhasePlanner } from './planPhases';

/** What a plan is made against: the map's content, and the ids of its versions. */
export interface PlanTarget {
  readonly state: ChainMapState;
  readonly versionIds: ReadonlySet<string>;
}

export function planTarget(map: ChainMap): PlanTarget {
  return { state: map.read(), versionIds: new Set(map.versions().map((v) => v.id)) };
}

export interface PlanOptions {
  /** The kind of a new actor whose row gives none (a plain list without a kind column). */
  readonly defaultKind?: ActorKind;
  /** Take the file's title and municipality (KetenKaart JSON), e.g. when importing into a new map. */
  readonly importMeta?: boolean;
  readonly onProgress?: ProgressListener;
}

export const DEFAULT_KIND: ActorKind = 'partner';

/**
 * Matches the records against the map and decides, per element, what the import does. Pure: the
 * map is not touched. Lanes first (actors and notes name them), then actors, links, notes; every
 * problem is collected, so the preview lists them all at once.
 */
export function buildPlan(
  target: PlanTarget,
  records: ImportRecords,
  options: PlanOptions = {},
  inherited: readonly ImportProblem[] = [],
): ImportPlan {
  const problems: ImportProblem[] = [...inherited];
  const { state } = target;
  const report = (fraction: number) => options.onProgress?.({ stage: 'match', fraction });
  report(0);
  const phases = new PhasePlanner(state.phases, problems);
  phases.planRecords(records.phases);
  const actors = new ActorPlanner(state.actors, phases, problems, options.defaultKind ?? DEFAULT_KIND);
  actors.plan(records.actors);
  report(0.5);
  const links = new LinkPlanner(state.links, actors, problems);
  links.plan(records.links);
  report(0.8);
  const notes = new NotePlanner(state.notes, phases, actors, links, problems);
  notes.plan(records.notes);
  const meta =
    options.importMeta &&
    records.meta !== null &&
    (records.meta.title !== state.meta.title || records.meta.municipality !== state.meta.municipality)
      ? records.meta
      : null;
  const body = {
    meta,
    phases: phases.result(),
    actors: actors.planned,
    links: links.planned,
    notes: notes.planned,
    versions: records.versions.filter((v) => !target.versionIds.has(v.info.id)),
  };
  report(1);
  return { ...body, problems, summary: summarise(body) };
}
