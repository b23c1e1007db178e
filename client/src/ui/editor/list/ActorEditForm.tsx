import type { ChainMap } from '../../../../../shared/model/ChainMap';
import { KBO_KINDS } from '../../../../../shared/model/records/actor';
import type { ActorPatch, NoteKind, Phase } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import type { ActorRow } from '../../../list/actorList';
import { enumOptions } from '../../common/enumOptions';
import { AddNoteButtons } from '../inspector/AddNoteButtons';
import { SelectField, TextField } from '../inspector/fields';
import { KboField } from '../inspector/KboField';
import { LiveTextField } from '../inspector/LiveTextField';

/** The writes the list's edit form makes: the model's own API and the canvas's commands. */
export interface ActorEditServices {
  readonly model: ChainMap;
  /** Moves the actor into the phase's lane (see `moveToPhase`). */
  setPhase(actorId: string, phaseId: string | null): void;
  /** A note anchored to the actor, through the canvas's note command. */
  addNote(actorId: string, kind: NoteKind): void;
}

/**
 * A row's edit form in the list: the inspector's own field components (live text, selects, the
 * KBO check), so the list writes exactly as the inspector does. Escape or "Klaar" closes it.
 */
export function ActorEditForm({
  row,
  phases,
  services,
  onDone,
}: {
  row: ActorRow;
  phases: readonly Phase[];
  services: ActorEditServices;
  onDone: () => void;
}) {
  const t = useT();
  const o = enumOptions(t);
  const { actor } = row;
  const { model } = services;
  const update = (patch: ActorPatch) => model.updateActor(actor.id, patch);
  const name = actor.label || t(`kind.${actor.kind}`);
  return (
    <fieldset
      className="kk-list-edit"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <legend>{t('list.editTitle', { name })}</legend>
      <div className="kk-list-edit__grid">
        <LiveTextField
          label={t('inspector.label')}
          model={model}
          field={{ collection: 'actors', id: actor.id, field: 'label' }}
          value={actor.label}
          readOnly={false}
        />
        <SelectField
          label={t('inspector.kind')}
          value={actor.kind}
          options={o.actorKinds}
          readOnly={false}
          onChange={(kind) => kind && update({ kind })}
        />
        <div data-field="phase">
          <SelectField
            label={t('inspector.phase')}
            value={actor.phaseId}
            options={phases.map((p) => ({ value: p.id, label: p.label }))}
            emptyLabel={t('phase.none')}
            readOnly={false}
            onChange={(phaseId) => services.setPhase(actor.id, phaseId)}
          />
        </div>
        <SelectField
          label={t('inspector.regie')}
          value={actor.regie}
          options={o.regie}
          emptyLabel={t('regie.none')}
          readOnly={false}
          onChange={(regie) => update({ regie })}
        />
        <TextField
          label={t('inspector.municipality')}
          value={actor.municipality}
          readOnly={false}
          onChange={(municipality) => update({ municipality })}
        />
        {(KBO_KINDS.includes(actor.kind) || actor.kbo !== '') && (
          <KboField value={actor.kbo} readOnly={false} onChange={(kbo) => update({ kbo })} />
        )}
      </div>
      {row.notes.map((n) => (
        <div key={n.id} data-note={n.id}>
          <LiveTextField
            label={t('list.noteText', { kind: t(`note.${n.kind}`) })}
            model={model}
            field={{ collection: 'notes', id: n.id, field: 'text' }}
            value={n.text}
            multiline
            readOnly={false}
          />
        </div>
      ))}
      <AddNoteButtons onAddNote={(kind) => services.addNote(actor.id, kind)} />
      <div className="kk-list-edit__done">
        <button type="button" className="kk-button kk-button--primary" onClick={onDone}>
          {t('list.editDone')}
        </button>
      </div>
    </fieldset>
  );
}
