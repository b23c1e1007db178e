import { ViewportPortal } from '@xyflow/react';
import { useSyncExternalStore } from 'react';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { useT } from '../../../i18n/i18n';
import { voteCountPlacement } from '../../../voting/voteCountPlacement';
import { useVotingContext } from './useVoting';

/**
 * The vote's counts on the canvas: a dot counter beside each item with votes (the totals, once
 * visible) and, for the participant, how many of their own dots sit there.
 */
export function VoteCountsLayer({ store }: { store: CanvasStore }) {
  const t = useT();
  const { snapshot } = useVotingContext();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const vote = snapshot?.vote;
  if (!vote) return null;
  const counts = voteCountPlacement(vote, snapshot.mine, state);
  return (
    <ViewportPortal>
      {counts.map((count) => (
        <span
          key={count.id}
          className={`kk-vote-count${count.total === null ? ' is-own' : ''}`}
          data-note-id={count.id}
          style={{ transform: `translate(${count.at.x}px, ${count.at.y}px) translate(-50%, -50%)` }}
          role="img"
          aria-label={
            count.total === null
              ? t('voting.yourDots', { count: count.mine })
              : t('voting.canvasCount', { count: count.total })
          }
        >
          <span aria-hidden="true" className="kk-vote-count__dot" />
          {count.total ?? count.mine}
        </span>
      ))}
    </ViewportPortal>
  );
}
