import { useId, useState } from 'react';
import type { Actor } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import { actorMatches } from './actorMatches';

interface Props {
  label: string;
  actors: readonly Actor[];
  /** The chosen actor's id, or '' for none. */
  value: string;
  onChange: (id: string) => void;
}

/**
 * Search-first actor picker (an ARIA combobox). Its list is rendered only while it is open, and
 * then at most `ACTOR_PICKER_MAX_ROWS` (actorMatches.ts) rows that match what was typed: selecting an actor on a
 * big map mounts one text input, not a thousand options.
 */
export function ActorPicker({ label, actors, value, onChange }: Props) {
  const t = useT();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const name = (a: Actor) => a.label || t(`kind.${a.kind}`);
  const chosen = value ? actors.find((a) => a.id === value) : undefined;
  const matches = open ? actorMatches(actors, query, name) : null;
  const choose = (actor: Actor) => {
    onChange(actor.id);
    setQuery('');
    setOpen(false);
  };
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="kk-picker">
      <label className="kk-field">
        <span className="kk-field__label">{label}</span>
        <input
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          {...(matches && matches.rows.length > 0 ? { 'aria-activedescendant': optionId(active) } : {})}
          autoComplete="off"
          placeholder={t('picker.search')}
          value={open ? query : chosen ? name(chosen) : ''}
          onFocus={() => {
            setOpen(true);
            setActive(0);
          }}
          onBlur={() => setOpen(false)}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
            if (value) onChange('');
          }}
          onKeyDown={(e) => {
            const rows = matches?.rows ?? [];
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              if (!open) setOpen(true);
              const step = e.key === 'ArrowDown' ? 1 : -1;
              if (rows.length > 0) setActive((i) => (i + step + rows.length) % rows.length);
            } else if (e.key === 'Enter' && open && rows[active]) {
              e.preventDefault();
              choose(rows[active]);
            } else if (e.key === 'Escape' && open) {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        />
      </label>
      {matches && (
        <div className="kk-picker__popup">
          <div id={listId} role="listbox" aria-label={label} className="kk-picker__list">
            {matches.rows.map((a, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox pattern: the keys go to the input (arrows, Enter), which keeps the focus
              <div
                key={a.id}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className="kk-picker__option"
                // Keep the focus in the input, so the click lands before the list closes.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(a)}
              >
                {name(a)}
              </div>
            ))}
          </div>
          {matches.rows.length === 0 && <p className="kk-picker__hint">{t('picker.none')}</p>}
          {matches.more > 0 && <p className="kk-picker__hint">{t('picker.more', { count: matches.more })}</p>}
        </div>
      )}
    </div>
  );
}
