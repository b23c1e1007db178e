import { useState, useSyncExternalStore } from 'react';
import { formatRelativeTime } from '../../../../../shared/i18n';
import type { ThreadAnchor } from '../../../../../shared/model/conversation/conversationTypes';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { anchorPoint, type PlacedThread } from '../../../comments/threadPlacement';
import { useLocale, useT } from '../../../i18n/i18n';
import { useNow } from '../versions/useVersionsModel';
import { threadLabel } from './threadLabel';
import { useCommentsContext } from './useComments';
import './comments.css';

/** What a new thread can hang on right now: the selected element, each lane, or a point on the map. */
function useAnchorChoices(
  store: CanvasStore,
): { value: string; label: string; anchor: ThreadAnchor | 'point' }[] {
  const t = useT();
  // Re-rendered when the selection or the map changes; the list is short, so it is built each time.
  useSyncExternalStore(store.subscribe, () => [...store.getView().selected].join(','));
  const state = useSyncExternalStore(store.subscribe, store.getState);
  {
    const choices: { value: string; label: string; anchor: ThreadAnchor | 'point' }[] = [];
    const sel = store.selection();
    const picked: [ThreadAnchor['kind'], string][] = [
      ...sel.actors.map((id) => ['actor', id] as [ThreadAnchor['kind'], string]),
      ...sel.links.map((id) => ['link', id] as [ThreadAnchor['kind'], string]),
      ...sel.notes.map((id) => ['note', id] as [ThreadAnchor['kind'], string]),
    ];
    for (const [kind, id] of picked.slice(0, 1)) {
      const point = anchorPoint(kind, id, state);
      if (!point) continue;
      const label =
        kind === 'note' ? t('comments.on.note') : t(`comments.on.${kind}`, { name: point.name || '…' });
      choices.push({ value: `${kind}:${id}`, label, anchor: { kind, id, at: point.at } });
    }
    choices.push({ value: 'point', label: t('comments.addFree'), anchor: 'point' });
    state.phases.forEach((phase) => {
      const point = anchorPoint('lane', phase.id, state);
      if (point)
        choices.push({
          value: `lane:${phase.id}`,
          label: t('comments.on.lane', { name: phase.label || '…' }),
          anchor: { kind: 'lane', id: phase.id, at: point.at },
        });
    });
    return choices;
  }
}

/** "Reacties": the open threads, newest first; a click frames the element and opens the thread. */
export function CommentsPanel({ store }: { store: CanvasStore }) {
  const t = useT();
  const comments = useCommentsContext();
  const [showResolved, setShowResolved] = useState(false);
  const choices = useAnchorChoices(store);
  const [choice, setChoice] = useState<string>('');
  const chosen = choices.find((c) => c.value === choice) ?? choices[0]!;
  const listed = comments.placed.filter((p) => showResolved || !p.thread.resolved);

  const start = () => {
    if (chosen.anchor === 'point') comments.setPlacing(true);
    else {
      comments.setDraft(chosen.anchor);
      if (chosen.anchor.kind !== 'lane')
        store.decorations.focusElements([chosen.anchor.id], { source: 'comments' });
    }
  };
  // Opening a thread brings its point into view (the canvas's comment layer pans to it).
  const show = (placed: PlacedThread) => comments.open(placed.thread.id);

  return (
    <section className="kk-comments" aria-labelledby="kk-comments-title">
      <h2 id="kk-comments-title" className="kk-panel-title">
        {t('comments.title')}
      </h2>
      {comments.canComment ? (
        <div className="kk-comments__new">
          <label className="kk-field">
            <span className="kk-field__label">{t('comments.add')}</span>
            <select value={chosen.value} onChange={(e) => setChoice(e.currentTarget.value)}>
              {choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="kk-button kk-button--primary" onClick={start}>
            {t('comments.add')}
          </button>
        </div>
      ) : (
        <p className="kk-muted">{t('comments.readOnly')}</p>
      )}
      <label className="kk-check kk-comments__resolved">
        <input
          type="checkbox"
          checked={showResolved}
          onChange={(e) => setShowResolved(e.currentTarget.checked)}
        />
        {t('comments.showResolved')}
      </label>
      {listed.length === 0 ? (
        <p className="kk-muted">{t('comments.empty')}</p>
      ) : (
        <ol className="kk-comments__list">
          {listed.map((placed) => (
            <ThreadItem key={placed.thread.id} placed={placed} onShow={() => show(placed)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ThreadItem({ placed, onShow }: { placed: PlacedThread; onShow: () => void }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  const { thread } = placed;
  const first = thread.comments[0]!;
  return (
    <li className={`kk-comments__item${thread.resolved ? ' is-resolved' : ''}`}>
      <button type="button" className="kk-comments__show" onClick={onShow}>
        <span className="kk-comments__anchor">
          {threadLabel(t, placed)}
          {!placed.attached && <span className="kk-thread__gone">{t('comments.elementDeleted')}</span>}
        </span>
        <span className="kk-comments__excerpt">{first.text}</span>
        <span className="kk-muted kk-comments__meta">
          {first.author.name || t('comments.anonymous')} · {formatRelativeTime(thread.latestAt, now, locale)}{' '}
          · {t('comments.count', { count: thread.comments.length })}
        </span>
      </button>
    </li>
  );
}
