import type { ChainMap } from '../../model/ChainMap';
import type { Actor, Link, Note, Phase } from '../../model/types';
import { encodeVersionSnapshot } from '../../versions/versionSnapshot';
import { locate } from '../mapping/records';
import { type ImportProblem, ImportRejectedError, problem } from '../problems';
import type { ImportPlan, ImportSummary, PlannedElement } from './importPlan';

/**
 * Writes a plan into the map as ONE transaction: one undo step in the browser, one update that the
 * server stores and relays. A plan with problems is refused (nothing written). Between the preview
 * and the confirmation peers may have edited the map; an update therefore writes only the fields
 * the import changes onto the element as it is now (a peer's edit of another field survives), and
 * an element deleted meanwhile is written whole again. A connection whose end a peer deleted
 * meanwhile refuses the whole plan with `mapChanged`: the user previews again.
 */
export function applyPlan(map: ChainMap, plan: ImportPlan): ImportSummary {
  if (plan.problems.length > 0) throw new ImportRejectedError(plan.problems);
  const stale = staleLinks(map, plan);
  if (stale.length > 0) throw new ImportRejectedError(stale);
  map.transact(() => {
    if (plan.meta) map.setMeta(plan.meta);
    for (const p of plan.phases)
      write(
        p,
        (id) => phaseOf(map, id),
        (v) => map.putPhase(v),
      );
    for (const a of plan.actors) {
      write(
        a,
        (id) => map.getActor(id),
        (v) => map.putActor(v),
      );
    }
    for (const l of plan.links)
      write(
        l,
        (id) => map.getLink(id),
        (v) => map.putLink(v),
      );
    for (const n of plan.notes)
      write(
        n,
        (id) => map.getNote(id),
        (v) => map.putNote(v),
      );
    for (const v of plan.versions) {
      map.addVersion({
        id: v.info.id,
        name: v.info.name,
        author: v.info.author,
        createdAt: v.info.createdAt,
        auto: v.info.auto,
        snapshot: encodeVersionSnapshot(v.content),
      });
    }
  });
  return plan.summary;
}

function write<T extends Actor | Link | Note | Phase>(
  planned: PlannedElement<T>,
  current: (id: string) => T | undefined,
  put: (value: T) => void,
): void {
  if (planned.status === 'unchanged') return;
  if (planned.status === 'new') {
    put(planned.value);
    return;
  }
  const now = current(planned.id);
  put(now ? { ...now, ...planned.patch } : planned.value);
}

function phaseOf(map: ChainMap, id: string): Phase | undefined {
  return map.phases().find((p) => p.id === id);
}

function staleLinks(map: ChainMap, plan: ImportPlan): ImportProblem[] {
  const written = new Set(plan.actors.filter((a) => a.status !== 'unchanged').map((a) => a.id));
  const out: ImportProblem[] = [];
  for (const l of plan.links) {
    if (l.status === 'unchanged') continue;
    for (const end of [l.value.source, l.value.target]) {
      if (!written.has(end) && map.getActor(end) === undefined) {
        out.push(problem('mapChanged', locate(l.source)));
        break;
      }
    }
  }
  return out;
}
