import { type RefObject, useState } from 'react';
import type { ActorKind, Phase } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import { EnumSelect } from '../../common/EnumSelect';
import { enumOptions } from '../../common/enumOptions';

/**
 * "Actor toevoegen" at the top of the list: kind, name and phase in one form, submitted by Enter.
 * Focus stays in the name field, so a coordinator can type a list of names one after the other.
 */
export function ListAddForm({
  phases,
  kind,
  onKind,
  nameRef,
  onAdd,
}: {
  phases: readonly Phase[];
  kind: ActorKind;
  onKind: (kind: ActorKind) => void;
  nameRef: RefObject<HTMLInputElement | null>;
  onAdd: (kind: ActorKind, label: string, phaseId: string | null) => void;
}) {
  const t = useT();
  const o = enumOptions(t);
  const [name, setName] = useState('');
  const [phaseId, setPhaseId] = useState<string | null>(phases[0]?.id ?? null);
  const [missing, setMissing] = useState(false);
  const phase = phases.some((p) => p.id === phaseId) ? phaseId : null;
  return (
    <form
      className="kk-list-add"
      aria-labelledby="kk-list-add-title"
      onSubmit={(e) => {
        e.preventDefault();
        const label = name.trim();
        if (!label) {
          setMissing(true);
          nameRef.current?.focus();
          return;
        }
        setMissing(false);
        onAdd(kind, label, phase);
        setName('');
        nameRef.current?.focus();
      }}
    >
      <h2 id="kk-list-add-title" className="kk-list-add__title">
        {t('list.addTitle')}
      </h2>
      <label className="kk-field">
        <span className="kk-field__label">{t('list.addKind')}</span>
        <EnumSelect value={kind} options={o.actorKinds} onChange={(k) => k && onKind(k)} />
      </label>
      <label className="kk-field kk-list-add__name">
        <span className="kk-field__label">{t('list.addName')}</span>
        <input
          ref={nameRef}
          value={name}
          aria-invalid={missing}
          aria-describedby={missing ? 'kk-list-add-error' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="kk-field">
        <span className="kk-field__label">{t('list.addPhase')}</span>
        <EnumSelect
          value={phase}
          options={phases.map((p) => ({ value: p.id, label: p.label }))}
          emptyLabel={t('list.noPhase')}
          onChange={setPhaseId}
        />
      </label>
      <button type="submit" className="kk-button kk-button--primary">
        {t('list.addButton')}
      </button>
      {missing && (
        <p id="kk-list-add-error" className="kk-list-add__error" role="alert">
          {t('list.addNameMissing')}
        </p>
      )}
    </form>
  );
}
