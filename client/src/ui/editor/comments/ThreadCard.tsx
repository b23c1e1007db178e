import { useState } from 'react';
import { formatRelativeTime } from '../../../../../shared/i18n';
import type { Comment } from '../../../../../shared/model/conversation/conversationTypes';
import type { PlacedThread } from '../../../comments/threadPlacement';
import { useLocale, useT } from '../../../i18n/i18n';
import { useNow } from '../versions/useVersionsModel';
import { CommentComposer } from './CommentComposer';
import { threadLabel } from './threadLabel';
import { useCommentsContext } from './useComments';

/** One thread: its anchor, its comments (own ones editable), a reply box, resolve or reopen. */
export function ThreadCard({ placed, onClose }: { placed: PlacedThread; onClose?: () => void }) {
  const t = useT();
  const { store, me, canComment } = useCommentsContext();
  const { thread } = placed;
  const conversation = store.conversation;
  return (
    <section className="kk-thread" aria-label={t('comments.thread')}>
      <header className="kk-thread__head">
        <span className="kk-thread__anchor">{threadLabel(t, placed)}</span>
        {!placed.attached && <span className="kk-thread__gone">{t('comments.elementDeleted')}</span>}
        {onClose && (
          <button
            type="button"
            className="kk-button kk-button--ghost kk-button--small kk-thread__close"
            aria-label={t('comments.close')}
            onClick={onClose}
          >
            ×
          </button>
        )}
      </header>
      <ol className="kk-thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} mine={canComment && comment.author.id === me.id} />
        ))}
      </ol>
      {thread.resolved && (
        <p className="kk-thread__resolved">
          {t('comments.resolvedBy', {
            name: thread.resolved.by || t('comments.anonymous'),
            at: thread.resolved.at,
          })}
        </p>
      )}
      {canComment && !thread.resolved && (
        <CommentComposer
          placeholder={t('comments.replyPlaceholder')}
          submitLabel={t('comments.reply')}
          onSubmit={(text) => conversation.reply(thread.id, me, text, Date.now())}
        />
      )}
      {canComment && (
        <div className="kk-thread__actions">
          {thread.resolved ? (
            <button
              type="button"
              className="kk-button kk-button--small"
              onClick={() => conversation.reopen(thread.id)}
            >
              {t('comments.reopen')}
            </button>
          ) : (
            <button
              type="button"
              className="kk-button kk-button--small"
              onClick={() => conversation.resolve(thread.id, me.name, Date.now())}
            >
              {t('comments.resolve')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function CommentItem({ comment, mine }: { comment: Comment; mine: boolean }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  const { store } = useCommentsContext();
  const [editing, setEditing] = useState(false);
  return (
    <li className="kk-comment">
      <div className="kk-comment__meta">
        <span
          className="kk-comment__dot"
          style={{ background: comment.author.colour || 'var(--kk-muted)' }}
          aria-hidden
        />
        <strong>{comment.author.name || t('comments.anonymous')}</strong>
        <time className="kk-muted" dateTime={new Date(comment.createdAt).toISOString()}>
          {formatRelativeTime(comment.createdAt, now, locale)}
        </time>
        {comment.editedAt !== null && <span className="kk-muted">· {t('comments.edited')}</span>}
      </div>
      {editing ? (
        <CommentComposer
          placeholder={t('comments.placeholder')}
          submitLabel={t('comments.save')}
          initial={comment.text}
          autoFocus
          onSubmit={(text) => {
            store.conversation.editComment(comment.id, text, Date.now());
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="kk-comment__text">{comment.text}</p>
      )}
      {mine && !editing && (
        <div className="kk-comment__own">
          <button type="button" className="kk-link-button" onClick={() => setEditing(true)}>
            {t('comments.edit')}
          </button>
          <button
            type="button"
            className="kk-link-button"
            onClick={() => {
              if (window.confirm(t('comments.deleteConfirm'))) store.conversation.deleteComment(comment.id);
            }}
          >
            {t('comments.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
