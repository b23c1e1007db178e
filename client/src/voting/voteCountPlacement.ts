import type { ChainMapState, Position } from '../../../shared/model/types';
import type { OwnBallot, PublicVote } from '../../../shared/voting/voteTypes';
import { anchorPoint } from '../comments/threadPlacement';

export interface PlacedVoteCount {
  readonly id: string;
  readonly at: Position;
  /** The item's total; null while the totals are hidden (then `mine` is shown). */
  readonly total: number | null;
  readonly mine: number;
}

/** Left of where an element's comment pin sits, so the two never cover each other. */
const SHIFT_LEFT = 44;

/**
 * Where each vote item's count is drawn: beside its note (a free card, or the badge of its actor or
 * link). Items with nothing to show (no votes, or hidden totals and no own dots) and deleted items
 * get no count.
 */
export function voteCountPlacement(
  vote: PublicVote,
  mine: OwnBallot,
  state: ChainMapState,
): PlacedVoteCount[] {
  const placed: PlacedVoteCount[] = [];
  for (const id of vote.items) {
    const total = vote.totals ? (vote.totals[id] ?? 0) : null;
    const own = mine[id] ?? 0;
    if ((total ?? own) === 0) continue;
    const point = anchorPoint('note', id, state);
    if (!point) continue;
    placed.push({ id, at: { x: point.at.x - SHIFT_LEFT, y: point.at.y }, total, mine: own });
  }
  return placed;
}
