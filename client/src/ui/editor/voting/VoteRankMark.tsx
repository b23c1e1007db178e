import { useMemo } from 'react';
import { rankItems } from '../../../../../shared/voting/voteRanking';
import { useT } from '../../../i18n/i18n';
import { useVotingContext } from './useVoting';

/** The vote's result for one note in the Actieplan ("1e · 5 stemmen"), once the totals are visible. */
export function VoteRankMark({ noteId }: { noteId: string }) {
  const t = useT();
  const vote = useVotingContext().snapshot?.vote;
  const ranked = useMemo(() => (vote?.totals ? rankItems(vote.items, vote.totals) : null), [vote]);
  const item = ranked?.find((r) => r.id === noteId);
  if (!item) return null;
  return (
    <span className="kk-plan-row__meta kk-plan-row__votes" data-vote-rank={item.rank}>
      {t('voting.planRank', { rank: item.rank, votes: t('voting.votes', { count: item.votes }) })}
    </span>
  );
}
