import type { PublicVote, VoteState } from '../../shared/voting/voteTypes';
import type { VoteWithTotals } from './VoteStore';

/**
 * The one place that decides what of a vote leaves the server: its settings and, when the results
 * are live or revealed, the totals per item. Hidden totals are left out entirely, so no frame a
 * browser receives before "Onthullen" carries them. Ballots are never read here.
 */
export function publicVote(stored: VoteWithTotals | null): PublicVote | null {
  if (!stored) return null;
  const { vote, totals } = stored;
  const visible = !vote.hidden || vote.revealed;
  return {
    voteId: vote.voteId,
    kinds: vote.kinds,
    items: vote.items,
    dotsPerPerson: vote.dotsPerPerson,
    maxOnePerItem: vote.maxOnePerItem,
    hidden: vote.hidden,
    startedAt: vote.startedAt,
    endsAt: vote.endsAt,
    closedAt: vote.closedAt,
    revealed: vote.revealed,
    totals: visible ? { ...totals } : null,
  };
}

export function voteState(stored: VoteWithTotals | null, now: number): VoteState {
  return { vote: publicVote(stored), serverNow: now };
}
