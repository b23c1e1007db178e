import type { ChainGraph } from './chainGraph';

/**
 * Multi-source breadth-first reach over the traversable links (see LINK_TRAVERSAL). Written here
 * rather than taken from graphology-traversal because that package walks from one node at a time,
 * cannot skip a removed node, and does not report edges; the neighbourhood itself still comes from
 * graphology ("outbound" = out-edges + undirected edges), flattened in ChainGraph.steps.
 *
 * Invariants:
 * - target-group actors are never entered: a target group is a kind of newcomer, not a place that
 *   passes people on, so one group's contacts must not leak into another group's route;
 * - `blocked` is treated as absent (used to test single points of failure);
 * - `parent` holds, for every reached actor, the actor it was first reached from (null for starts),
 *   which gives one shortest route back to a start.
 */
export interface Reach {
  readonly reached: ReadonlySet<string>;
  readonly parent: ReadonlyMap<string, string | null>;
}

export function reach(cg: ChainGraph, startIds: readonly string[], blocked: string | null = null): Reach {
  const { steps, actorsById } = cg;
  const parent = new Map<string, string | null>();
  const queue: string[] = [];
  for (const id of startIds) {
    if (id === blocked || parent.has(id) || !steps.has(id)) continue;
    if (actorsById.get(id)?.kind === 'targetGroup') continue;
    parent.set(id, null);
    queue.push(id);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const { to } of steps.get(node)!) {
      if (to === blocked || parent.has(to) || actorsById.get(to)!.kind === 'targetGroup') continue;
      parent.set(to, node);
      queue.push(to);
    }
  }
  return { reached: new Set(parent.keys()), parent };
}

/**
 * Whether any actor accepted by `isGoal` is reachable; stops at the first one found. Same walk and
 * invariants as `reach`, used to test "without this actor, is any service still reached?".
 */
export function reachesAny(
  cg: ChainGraph,
  startIds: readonly string[],
  blocked: string | null,
  isGoal: (id: string) => boolean,
): boolean {
  const { steps, actorsById } = cg;
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const id of startIds) {
    if (id === blocked || seen.has(id) || !steps.has(id)) continue;
    if (actorsById.get(id)?.kind === 'targetGroup') continue;
    if (isGoal(id)) return true;
    seen.add(id);
    queue.push(id);
  }
  for (let head = 0; head < queue.length; head++) {
    for (const { to } of steps.get(queue[head]!)!) {
      if (to === blocked || seen.has(to) || actorsById.get(to)!.kind === 'targetGroup') continue;
      if (isGoal(to)) return true;
      seen.add(to);
      queue.push(to);
    }
  }
  return false;
}
