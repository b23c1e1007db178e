import { useId, useMemo, useState } from 'react';
import type { Actor } from '../../../../../shared/model/types';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { LINK_CHOICES, type LinkChoice, linkChoiceId } from '../../../canvas/linkChoice';
import { useT } from '../../../i18n/i18n';
import { normalise } from '../../../plan/actionPlan';
import { Dialog } from '../../common/Dialog';
import { linkChoiceLabel } from '../LinkKindChooser';
import './keyboard.css';

/** Options rendered at once: the rest is reached by typing, so a map of 1,000 actors opens at once. */
export const CONNECT_SHOWN = 50;

/** The actors `query` finds (name contains it, accents and case ignored), the source left out. */
export function connectCandidates(actors: readonly Actor[], sourceId: string, query: string): Actor[] {
  const q = normalise(query.trim());
  return actors
    .filter((a) => a.id !== sourceId && (q === '' || normalise(a.label).includes(q)))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

/**
 * "Verbinden met…": draws a link from one actor without a pointer, for the canvas's keyboard
 * command and the list view alike. An ARIA combobox: type to search, arrow keys move through the
 * matches, Enter connects with the chosen kind of link, through the canvas store's own connect
 * command. Focus goes back to what opened it (the `Dialog`).
 */
export function ConnectDialog({
  store,
  sourceId,
  initialChoice,
  onClose,
}: {
  store: CanvasStore;
  sourceId: string;
  initialChoice: LinkChoice;
  /** The new link's id, or null when cancelled. */
  onClose: (linkId: string | null) => void;
}) {
  const t = useT();
  const listId = useId();
  const state = store.getState();
  const source = state.actors.find((a) => a.id === sourceId);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [choice, setChoice] = useState<LinkChoice>(initialChoice);
  const matches = useMemo(() => connectCandidates(state.actors, sourceId, query), [state, sourceId, query]);
  const shown = matches.slice(0, CONNECT_SHOWN);
  const current = shown[Math.min(active, shown.length - 1)];
  const name = (a: Actor) => a.label || t(`kind.${a.kind}`);
  const connect = (target: Actor | undefined) => {
    if (!target) return;
    onClose(
      store.onConnect(
        { source: sourceId, target: target.id, sourceHandle: null, targetHandle: null },
        choice,
      ),
    );
  };
  const optionId = (a: Actor) => `${listId}-${a.id}`;
  return (
    <Dialog title={t('connect.title')} onClose={() => onClose(null)}>
      <form
        className="kk-connect"
        onSubmit={(e) => {
          e.preventDefault();
          connect(current);
        }}
      >
        <p>{t('connect.from', { name: source ? name(source) : '' })}</p>
        <label className="kk-field">
          <span className="kk-field__label">{t('connect.search')}</span>
          <input
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={current ? optionId(current) : undefined}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                const step = e.key === 'ArrowDown' ? 1 : -1;
                setActive((i) => Math.max(0, Math.min(shown.length - 1, i + step)));
              }
            }}
          />
        </label>
        <p className="kk-connect__count" role="status">
          {matches.length === 0 ? t('connect.none') : t('connect.results', { count: matches.length })}
        </p>
        <div id={listId} role="listbox" aria-label={t('connect.search')} className="kk-connect__list">
          {shown.map((a) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input moves through the options by key (aria-activedescendant)
            <div
              key={a.id}
              id={optionId(a)}
              role="option"
              tabIndex={-1}
              aria-selected={a === current}
              className={a === current ? 'is-active' : undefined}
              onClick={() => connect(a)}
            >
              {name(a)} <span className="kk-connect__kind">{t(`kind.${a.kind}`)}</span>
            </div>
          ))}
        </div>
        {matches.length > shown.length && (
          <p className="kk-connect__more">
            {t('connect.moreResults', { count: matches.length - shown.length })}
          </p>
        )}
        <label className="kk-field">
          <span className="kk-field__label">{t('connect.kind')}</span>
          <select
            value={linkChoiceId(choice)}
            onChange={(e) =>
              setChoice(LINK_CHOICES.find((c) => linkChoiceId(c) === e.target.value) ?? choice)
            }
          >
            {LINK_CHOICES.map((c) => (
              <option key={linkChoiceId(c)} value={linkChoiceId(c)}>
                {linkChoiceLabel(t, c)}
              </option>
            ))}
          </select>
        </label>
        <div className="kk-dialog__actions">
          <button type="button" className="kk-button" onClick={() => onClose(null)}>
            {t('connect.cancel')}
          </button>
          <button type="submit" className="kk-button kk-button--primary" disabled={!current}>
            {t('connect.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
