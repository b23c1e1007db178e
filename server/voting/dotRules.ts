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
  dots: number;
  now: number;
  voters: number;
  maxVoters: number;
}): DotRefusal | null {
  const { vote, ballot, itemId, dots } = input;
  if (!vote || vote.voteId !== input.voteId) return vote ? 'closed' : 'no_vote';
  if (vote.closedAt !== null || (vote.endsAt !== null && input.now >= vote.endsAt)) return 'closed';
  if (!vote.items.includes(itemId)) return 'unknown_item';
  const onItem = ballot[itemId] ?? 0;
  // Setting what is already there changes nothing: a repeated (retried) request is harmless.
  if (dots <= onItem) return null;
  let used = 0;
  for (const n of Object.values(ballot)) used += n;
  if (vote.maxOnePerItem && dots > 1) return 'one_per_item';
  if (used - onItem + dots > vote.dotsPerPerson) return 'over_budget';
  if (used === 0 && input.voters >= input.maxVoters) return 'too_many_voters';
  return null;
}
