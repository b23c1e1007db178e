import type { OwnBallot } from '../../shared/voting/voteTypes';
import type { DotRefusal, StoredVote } from './VoteStore';

/**
 * The rules of one dot change, the same for every store: run inside the store's transaction, on the
 * vote and the voter's ballot as they are in that transaction.
 */
export function checkDot(input: {
  vote: StoredVote | null;
  voteId: string;
  ballot: OwnBallot;
  itemId: string;
  change: 1 | -1;
  now: number;
  voters: number;
  maxVoters: number;
}): DotRefusal | null {
  const { vote, ballot, itemId, change } = input;
  if (!vote || vote.voteId !== input.voteId) return vote ? 'closed' : 'no_vote';
  if (vote.closedAt !== null || (vote.endsAt !== null && input.now >= vote.endsAt)) return 'closed';
  if (!vote.items.includes(itemId)) return 'unknown_item';
  const onItem = ballot[itemId] ?? 0;
  if (change === -1) return onItem > 0 ? null : 'no_dot';
  let used = 0;
  for (const n of Object.values(ballot)) used += n;
  if (used >= vote.dotsPerPerson) return 'over_budget';
  if (vote.maxOnePerItem && onItem >= 1) return 'one_per_item';
  if (used === 0 && input.voters >= input.maxVoters) return 'too_many_voters';
  return null;
}
