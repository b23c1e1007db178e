import { useEffect, useId, useState } from 'react';
import type { Actor } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import { DraftInput } from '../../common/DraftInput';

const PERSON = '__person';

/**
 * Owner of a quick-win, gap or action: an actor on the map (chosen from a list) or a person's name
 * (typed). Stores the actor's id or the name.
 */
export function OwnerField({
  value,
  actors,
  onChange,
  label,
  compact,
}: {
  value: string;
  actors: readonly Actor[];
  onChange: (owner: string) => void;
  label: string;
  /** In a table cell: no visible label, accessible names only. */
  compact?: boolean;
}) {
  const t = useT();
  const id = useId();
  const isActor = actors.some((a) => a.id === value);
  const [person, setPerson] = useState(!isActor && value !== '');
  useEffect(() => {
    if (isActor) setPerson(false);
    else if (value !== '') setPerson(true);
  }, [isActor, value]);
  const selectValue = isActor ? value : person ? PERSON : '';
  const sorted = [...actors].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const select = (
    <select
      id={id}
      aria-label={compact ? label : undefined}
      value={selectValue}
      onChange={(e) => {
        const v = e.target.value;
        if (v === PERSON) {
          setPerson(true);
          if (isActor) onChange('');
        } else {
          setPerson(false);
          onChange(v);
        }
      }}
    >
      <option value="">{t('owner.nobody')}</option>
      <optgroup label={t('owner.actors')}>
        {sorted.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label || t(`kind.${a.kind}`)}
          </option>
        ))}
      </optgroup>
      <option value={PERSON}>{t('owner.person')}</option>
    </select>
  );
  const nameInput = person && (
    <DraftInput
      aria-label={t('owner.personName')}
      placeholder={t('owner.personName')}
      value={isActor ? '' : value}
      onCommit={(name) => onChange(name.trim())}
    />
  );
  if (compact)
    return (
      <span className="kk-owner kk-owner--compact">
        {select}
        {nameInput}
      </span>
    );
  return (
    <div className="kk-field kk-owner">
      <label className="kk-field__label" htmlFor={id}>
        {label}
      </label>
      {select}
      {nameInput}
    </div>
  );
}
