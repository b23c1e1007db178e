import ELK from 'elkjs/lib/elk.bundled.js';
import { ACTOR_HEIGHT, ACTOR_WIDTH, LANE_WIDTH, laneX } from '../model/laneGeometry';
import type { Actor, ChainMapState, Link, Position } from '../model/types';
import { orderInLanes } from './laneOrder';

/**
 * "Automatisch schikken": arrange actors left to right by phase with a layered layout.
 *
 * ELK's layered algorithm (the bundled build: no web worker, same code in browser and node) gets
 * one layer per lane: each actor is given its lane's x, and interactive layering and cycle breaking
 * keep layers exactly as given (an edge pointing to an earlier lane is reversed, not used to add
 * layers). Links inside one lane are left out, since a layer cannot hold its own edges. ELK then
 * orders each layer to cut crossings and places nodes so linked actors line up; that vertical
 * order and alignment is what is used. Its x is not: a lane (LANE_WIDTH) fits one column of actors
 * (ACTOR_WIDTH), so each actor is centred in its lane and pushed down just enough not to overlap
 * the one above it. (Partitioning instead of interactive layering also works, but lets ELK add
 * layers inside a lane and long dummy chains: 10× slower on large maps for a result we discard.)
 *
 * Invariants (pinned by tests): every actor with a phase ends inside its lane (its whole box, so its
 * centre decides the same lane); phase-less actors end right of the last lane, in a grid; no two
 * boxes overlap; the same state gives the same moves. The caller applies the moves with
 * `map.moveActors(moves)`: one transaction, one undo step, synced to everyone.
 */

export interface LayoutMove {
  readonly id: string;
  readonly position: Position;
  /** Unchanged: the layout never moves an actor to another lane. */
  readonly phaseId: string | null;
}

/** Top of the first row, clear of the lane headers. */
export const LAYOUT_TOP = 120;
/** Vertical gap between two actors in one column. */
export const LAYOUT_ROW_GAP = 40;
/** Phase-less actors: columns this far apart, at most this many per column. */
const LOOSE_COLUMN_PITCH = ACTOR_WIDTH + 60;
const LOOSE_ROWS = 12;

export interface AutoLayoutOptions {
  /**
   * 'fast' for very large inputs (an import of thousands of rows): no ELK; each lane is ordered by
   * the barycentre heuristic (`laneOrder.ts`) and stacked without ELK's alignment gaps. Every
   * invariant holds; linked actors are ordered to cut crossings but not levelled with each other.
   * Measured on 2,000 actors and 2,600 links (bench/interchange.bench.ts): seconds → milliseconds.
   */
  readonly effort?: 'full' | 'fast';
}

let elk: InstanceType<typeof ELK> | null = null;

export async function autoLayout(
  state: ChainMapState,
  options: AutoLayoutOptions = {},
): Promise<LayoutMove[]> {
  const laneOf = new Map(state.phases.map((p, i) => [p.id, i]));
  const laneCount = state.phases.length;
  const lane = (phaseId: string | null) =>
    phaseId === null ? laneCount : (laneOf.get(phaseId) ?? laneCount);
  // Sorted input: ELK's result depends on input order, and peers must agree.
  const actors = [...state.actors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const laneOfActor = new Map(actors.map((a) => [a.id, lane(a.phaseId)]));
  const links = [...state.links]
    .filter((l) => {
      const from = laneOfActor.get(l.source);
      const to = laneOfActor.get(l.target);
      return from !== undefined && to !== undefined && from !== to;
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const elkPos =
    options.effort === 'fast'
      ? laneOrderPositions(actors, links, laneOfActor, laneCount)
      : await elkPositions(actors, links, laneOfActor);

  const columns = new Map<number, typeof actors>();
  for (const a of actors) {
    const l = lane(a.phaseId);
    columns.set(l, [...(columns.get(l) ?? []), a]);
  }
  const moves: LayoutMove[] = [];
  for (const [l, members] of [...columns].sort((a, b) => a[0] - b[0])) {
    const ordered = [...members].sort((a, b) => {
      const pa = elkPos.get(a.id)!;
      const pb = elkPos.get(b.id)!;
      return pa.y - pb.y || pa.x - pb.x || (a.id < b.id ? -1 : 1);
    });
    if (l < laneCount) {
      const x = laneX(l) + (LANE_WIDTH - ACTOR_WIDTH) / 2;
      let nextFree = LAYOUT_TOP;
      for (const a of ordered) {
        const y = Math.max(LAYOUT_TOP + Math.round(elkPos.get(a.id)!.y), nextFree);
        moves.push({ id: a.id, position: { x, y }, phaseId: a.phaseId });
        nextFree = y + ACTOR_HEIGHT + LAYOUT_ROW_GAP;
      }
    } else {
      // Right of the last lane; the gap keeps each box's centre out of every lane.
      const left = laneX(laneCount) + (LANE_WIDTH - ACTOR_WIDTH) / 2;
      ordered.forEach((a, i) => {
        const position = {
          x: left + Math.floor(i / LOOSE_ROWS) * LOOSE_COLUMN_PITCH,
          y: LAYOUT_TOP + (i % LOOSE_ROWS) * (ACTOR_HEIGHT + LAYOUT_ROW_GAP),
        };
        // A stale phaseId (lane deleted) reads as null already; keep what the state says.
        moves.push({ id: a.id, position, phaseId: a.phaseId });
      });
    }
  }
  return moves;
}

/** Where ELK's layered layout puts each actor: its order and alignment are what the caller uses. */
async function elkPositions(
  actors: readonly Actor[],
  links: readonly Link[],
  laneOfActor: ReadonlyMap<string, number>,
): Promise<Map<string, Position>> {
  elk ??= new ELK();
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.layering.strategy': 'INTERACTIVE',
      'elk.layered.cycleBreaking.strategy': 'INTERACTIVE',
      // One pass of crossing minimisation: several passes cost seconds on large maps for little gain.
      'elk.layered.thoroughness': '1',
      // One drawing for all components, so y is comparable across the whole map.
      'elk.separateConnectedComponents': 'false',
      'elk.spacing.nodeNode': String(LAYOUT_ROW_GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.randomSeed': '1',
    },
    children: actors.map((a) => ({
      id: a.id,
      x: laneOfActor.get(a.id)! * LANE_WIDTH,
      y: a.position.y,
      width: ACTOR_WIDTH,
      height: ACTOR_HEIGHT,
    })),
    edges: links.map((l) => ({ id: l.id, sources: [l.source], targets: [l.target] })),
  });
  return new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}

/** The fast mode: each lane in barycentre order, stacked from the top (the caller spaces them). */
function laneOrderPositions(
  actors: readonly Actor[],
  links: readonly Link[],
  laneOfActor: ReadonlyMap<string, number>,
  laneCount: number,
): Map<string, Position> {
  const lanes: string[][] = Array.from({ length: laneCount + 1 }, () => []);
  for (const a of actors) lanes[laneOfActor.get(a.id)!]!.push(a.id);
  const out = new Map<string, Position>();
  orderInLanes(lanes, links).forEach((ids, lane) => {
    ids.forEach((id, i) => {
      out.set(id, { x: lane * LANE_WIDTH, y: i });
    });
  });
  return out;
}
