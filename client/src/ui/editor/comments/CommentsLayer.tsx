import { useReactFlow, useStoreApi, ViewportPortal } from '@xyflow/react';
import { useEffect } from 'react';
import { ACTOR_WIDTH } from '../../../../../shared/model/laneGeometry';
import { useT } from '../../../i18n/i18n';
import { CommentComposer } from './CommentComposer';
import { ThreadCard } from './ThreadCard';
import { useCommentsContext } from './useComments';
import './comments.css';

/** Half the thread card's width with its margin: the free part of the canvas is centred this far left. */
const CARD_OFFSET_PX = 180;

/**
 * The comments on the canvas, inside React Flow: a pin per open thread at its element (or where
 * its element last stood), the card of the open thread or of a new one, and the click that places
 * a thread on a free point.
 */
export function CommentsLayer({ presenting }: { presenting: boolean }) {
  const t = useT();
  const comments = useCommentsContext();
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  const flow = useStoreApi();
  const { placing, setPlacing, draft, setDraft, openId, open, me, store } = comments;
  const opened = comments.placed.find((p) => p.thread.id === openId);
  // The card covers the canvas's right side: bring the thread's point into the free left part.
  const focusAt = opened?.at ?? draft?.at;
  // An actor's pin is on its right edge: centre the card, not its corner, in the free part.
  const focusKind = (opened?.thread.anchor.kind ?? draft?.kind) === 'actor' ? 'actor' : 'point';
  const focusKey = openId ?? (draft ? `${draft.kind}:${draft.id}:${draft.at.x}:${draft.at.y}` : null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opened thread, not on every move of it
  useEffect(() => {
    if (!focusAt || presenting) return;
    const { width, height, transform } = flow.getState();
    const [tx, ty, current] = transform;
    const screen = { x: focusAt.x * current + tx, y: focusAt.y * current + ty };
    // Already in view and clear of the card: leave the view as the user set it.
    const margin = 24;
    if (
      screen.x > margin &&
      screen.x < width - CARD_OFFSET_PX * 2 - margin &&
      screen.y > margin &&
      screen.y < height - margin
    )
      return;
    const zoom = Math.max(getZoom(), 0.7);
    const offset = (CARD_OFFSET_PX - (focusKind === 'actor' ? (ACTOR_WIDTH / 2) * zoom : 0)) / zoom;
    void setCenter(focusAt.x + offset, focusAt.y + 40 / zoom, { zoom, duration: 250 });
  }, [focusKey]);
  useEffect(() => {
    if (!placing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPlacing(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [placing, setPlacing]);
  const pins = comments.placed.filter((p) => !p.thread.resolved || p.thread.id === openId);
  return (
    <>
      <ViewportPortal>
        {pins.map((placed) => (
          <button
            key={placed.thread.id}
            type="button"
            className={`kk-comment-pin nodrag nopan${placed.attached ? '' : ' is-detached'}${
              placed.thread.id === openId ? ' is-open' : ''
            }`}
            style={{ transform: `translate(${placed.at.x}px, ${placed.at.y}px) translate(-50%, -50%)` }}
            aria-label={t('comments.pin', { count: placed.thread.comments.length })}
            title={placed.thread.comments[0]?.text}
            onClick={(e) => {
              e.stopPropagation();
              open(placed.thread.id === openId ? null : placed.thread.id);
            }}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M2 3h12v8H7l-3 3v-3H2z" fill="currentColor" />
            </svg>
            <span className="kk-comment-pin__count">{placed.thread.comments.length}</span>
          </button>
        ))}
      </ViewportPortal>
      {placing && (
        // biome-ignore lint/a11y/noStaticElementInteractions: a pointer target for choosing a point; Esc cancels, and the keyboard path is the panel's anchors (selection, lanes)
        <div
          className="kk-comment-placing"
          role="presentation"
          onClick={(e) => {
            const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
            setPlacing(false);
            setDraft({ kind: 'free', id: '', at });
          }}
        >
          <p className="kk-comment-placing__hint">{t('comments.addFreeHint')}</p>
        </div>
      )}
      {!presenting && (opened || draft) && (
        <div className="kk-thread-overlay">
          {opened ? (
            <ThreadCard placed={opened} onClose={() => open(null)} />
          ) : (
            draft && (
              <section className="kk-thread" aria-label={t('comments.thread')}>
                <CommentComposer
                  placeholder={t('comments.placeholder')}
                  submitLabel={t('comments.post')}
                  autoFocus
                  onSubmit={(text) => {
                    const id = store.conversation.startThread(draft, me, text, Date.now());
                    open(id);
                  }}
                  onCancel={() => setDraft(null)}
                />
              </section>
            )
          )}
        </div>
      )}
    </>
  );
}
