import { useState, useSyncExternalStore } from 'react';
import { NOTE_KINDS, type Note, type NoteKind } from '../../../../../shared/model/types';
import type { MapUndoManager } from '../../../../../shared/model/undo';
import { rankItems } from '../../../../../shared/voting/voteRanking';
import {
  DEFAULT_DOTS_PER_PERSON,
  DEFAULT_VOTE_KINDS,
  dotsUsed,
  isVoteOpen,
  MAX_DOTS_PER_PERSON,
  MAX_VOTE_ITEMS,
  type PublicVote,
} from '../../../../../shared/voting/voteTypes';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { useT } from '../../../i18n/i18n';
import { applyRankingToPriorities } from '../../../voting/applyRanking';
import type { VoteSession, VoteSnapshot } from '../../../voting/VoteSession';
import { useNow } from '../versions/useVersionsModel';
import { useVotingContext } from './useVoting';
import './voting.css';

const DURATIONS_MIN = [0, 3, 5, 10, 15];

/** "Stemmen": start a vote (facilitator), give and take back dots, see and apply the ranking. */
export function VotingPanel({
  store,
  undoManager,
  kinds,
}: {
  store: CanvasStore;
  undoManager: MapUndoManager;
  /** The kinds to offer first in the start form (the Werkvorm's choice), else the defaults. */
  kinds: readonly NoteKind[] | null;
}) {
  const t = useT();
  const { session, snapshot } = useVotingContext();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const [newVote, setNewVote] = useState(false);
  return (
    <section className="kk-voting" aria-labelledby="kk-voting-title">
      <h2 id="kk-voting-title" className="kk-panel-title">
        {t('voting.title')}
      </h2>
      {!session || !snapshot ? (
        <p className="kk-muted">{t('voting.offline')}</p>
      ) : (
        <>
          {snapshot.error && (
            <p className="kk-voting__error" role="alert">
              {t(snapshot.error.key, snapshot.error.params)}
            </p>
          )}
          {snapshot.vote && !newVote ? (
            <VoteView
              session={session}
              snapshot={snapshot}
              vote={snapshot.vote}
              notes={state.notes}
              onApply={() => applyRankingToPriorities(store.model, undoManager, snapshot.vote!)}
              onNewVote={() => setNewVote(true)}
            />
          ) : session.role === 'edit' ? (
            <StartForm
              notes={state.notes}
              initialKinds={kinds ?? DEFAULT_VOTE_KINDS}
              onStart={async (settings) => {
                if (await session.startVote(settings)) setNewVote(false);
              }}
              onCancel={snapshot.vote ? () => setNewVote(false) : undefined}
            />
          ) : (
            <p className="kk-muted">
              {t(session.role === 'view' ? 'voting.viewOnly' : 'voting.noneParticipant')}
            </p>
          )}
          {!snapshot.vote && session.role === 'view' && <p className="kk-muted">{t('voting.none')}</p>}
        </>
      )}
    </section>
  );
}

function StartForm({
  notes,
  initialKinds,
  onStart,
  onCancel,
}: {
  notes: readonly Note[];
  initialKinds: readonly NoteKind[];
  onStart: (settings: Parameters<VoteSession['startVote']>[0]) => void;
  onCancel: (() => void) | undefined;
}) {
  const t = useT();
  const [kinds, setKinds] = useState<NoteKind[]>([...initialKinds]);
  const [dots, setDots] = useState(DEFAULT_DOTS_PER_PERSON);
  const [maxOne, setMaxOne] = useState(false);
  const [hidden, setHidden] = useState(true);
  const [minutes, setMinutes] = useState(0);
  const items = notes.filter((n) => kinds.includes(n.kind)).slice(0, MAX_VOTE_ITEMS);
  return (
    <form
      className="kk-voting__start"
      aria-label={t('voting.start')}
      onSubmit={(e) => {
        e.preventDefault();
        if (items.length === 0 || kinds.length === 0) return;
        onStart({
          kinds,
          items: items.map((n) => n.id),
          dotsPerPerson: dots,
          maxOnePerItem: maxOne,
          hidden,
          durationMs: minutes > 0 ? minutes * 60_000 : null,
        });
      }}
    >
      <p className="kk-muted">{t('voting.intro')}</p>
      <fieldset className="kk-voting__kinds">
        <legend className="kk-field__label">{t('voting.kinds')}</legend>
        {NOTE_KINDS.map((kind) => (
          <label key={kind} className="kk-check">
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={(e) =>
                setKinds((k) => (e.currentTarget.checked ? [...k, kind] : k.filter((x) => x !== kind)))
              }
            />
            {t(`note.${kind}`)}
          </label>
        ))}
      </fieldset>
      <p className="kk-muted">
        {items.length === 0 ? t('voting.noItems') : t('voting.itemCount', { count: items.length })}
      </p>
      <label className="kk-field">
        <span className="kk-field__label">{t('voting.dotsPerPerson')}</span>
        <input
          type="number"
          min={1}
          max={MAX_DOTS_PER_PERSON}
          value={dots}
          onChange={(e) =>
            setDots(Math.min(MAX_DOTS_PER_PERSON, Math.max(1, Number(e.currentTarget.value) || 1)))
          }
        />
      </label>
      <label className="kk-check">
        <input type="checkbox" checked={maxOne} onChange={(e) => setMaxOne(e.currentTarget.checked)} />
        {t('voting.maxOnePerItem')}
      </label>
      <label className="kk-check">
        <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.currentTarget.checked)} />
        {t('voting.hidden')}
      </label>
      <label className="kk-field">
        <span className="kk-field__label">{t('voting.duration')}</span>
        <select value={minutes} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
          {DURATIONS_MIN.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? t('voting.durationManual') : t('voting.durationMinutes', { count: m })}
            </option>
          ))}
        </select>
      </label>
      <div className="kk-voting__actions">
        <button type="submit" className="kk-button kk-button--primary" disabled={items.length === 0}>
          {t('voting.start')}
        </button>
        {onCancel && (
          <button type="button" className="kk-button kk-button--ghost" onClick={onCancel}>
            {t('voting.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function formatLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function VoteView({
  session,
  snapshot,
  vote,
  notes,
  onApply,
  onNewVote,
}: {
  session: VoteSession;
  snapshot: VoteSnapshot;
  vote: PublicVote;
  notes: readonly Note[];
  onApply: () => number;
  onNewVote: () => void;
}) {
  const t = useT();
  const now = useNow(1000) + snapshot.serverOffset;
  const [applied, setApplied] = useState(false);
  const open = isVoteOpen(vote, now);
  const canVote = session.role !== 'view' && open;
  const facilitator = session.role === 'edit';
  const left = vote.dotsPerPerson - dotsUsed(snapshot.mine);
  const byId = new Map(notes.map((n) => [n.id, n]));
  const label = (id: string) => byId.get(id)?.text || t('voting.deletedItem');
  const totals = vote.totals;
  const ranked = totals ? rankItems(vote.items, totals) : null;
  return (
    <div className="kk-voting__vote">
      <p className={`kk-voting__status${open ? ' is-open' : ''}`} role="status">
        {open ? t('voting.open') : t('voting.closed')}
        {open && vote.endsAt !== null && (
          <> · {t('voting.endsIn', { left: formatLeft(vote.endsAt - now) })}</>
        )}
      </p>
      {totals === null ? (
        <p className="kk-muted">{t('voting.hiddenResults')}</p>
      ) : (
        !vote.hidden && open && <p className="kk-muted">{t('voting.liveResults')}</p>
      )}
      {canVote && (
        <p className="kk-voting__left" aria-live="polite">
          {t('voting.dotsLeft', { count: left })}
        </p>
      )}
      {session.role === 'view' && <p className="kk-muted">{t('voting.viewOnly')}</p>}
      <ol className="kk-voting__items" aria-label={ranked ? t('voting.ranking') : t('voting.title')}>
        {(ranked ?? vote.items.map((id) => ({ id, votes: 0, rank: 0 }))).map((item) => {
          const mine = snapshot.mine[item.id] ?? 0;
          const name = label(item.id);
          return (
            <li key={item.id} className="kk-voting__item">
              {ranked && <span className="kk-voting__rank">{t('voting.rank', { rank: item.rank })}</span>}
              <span className="kk-voting__name">
                <span className={`kk-voting__kind kk-voting__kind--${byId.get(item.id)?.kind ?? 'gone'}`}>
                  {byId.get(item.id) ? t(`note.${byId.get(item.id)!.kind}`) : ''}
                </span>
                {name}
              </span>
              {ranked && <span className="kk-voting__total">{t('voting.votes', { count: item.votes })}</span>}
              {mine > 0 && (
                <span className="kk-voting__mine">
                  <span aria-hidden="true">{'●'.repeat(mine)}</span>
                  <span className="kk-visually-hidden">{t('voting.yourDots', { count: mine })}</span>
                </span>
              )}
              {canVote && (
                <span className="kk-voting__buttons">
                  <button
                    type="button"
                    className="kk-button kk-button--small"
                    aria-label={t('voting.removeDot', { item: name })}
                    disabled={mine === 0}
                    onClick={() => void session.removeDot(item.id)}
                  >
                    −
                  </button>
                  <button
                    type="button"
                    className="kk-button kk-button--small kk-button--primary"
                    aria-label={t('voting.addDot', { item: name })}
                    disabled={left <= 0 || (vote.maxOnePerItem && mine >= 1)}
                    onClick={() => void session.addDot(item.id)}
                  >
                    +
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {facilitator && (
        <div className="kk-voting__actions">
          {open && (
            <button type="button" className="kk-button" onClick={() => void session.stop()}>
              {t('voting.stop')}
            </button>
          )}
          {totals === null && (
            <button
              type="button"
              className="kk-button kk-button--primary"
              onClick={() => void session.reveal()}
            >
              {t('voting.reveal')}
            </button>
          )}
          {ranked && !open && (
            <button
              type="button"
              className="kk-button kk-button--primary"
              onClick={() => {
                onApply();
                setApplied(true);
              }}
            >
              {t('voting.applyPriorities')}
            </button>
          )}
          {!open && (
            <button type="button" className="kk-button kk-button--ghost" onClick={onNewVote}>
              {t('voting.newVote')}
            </button>
          )}
        </div>
      )}
      {facilitator && ranked && !open && <p className="kk-muted">{t('voting.applyHint')}</p>}
      {applied && (
        <p className="kk-muted" role="status">
          {t('voting.applied')}
        </p>
      )}
    </div>
  );
}
