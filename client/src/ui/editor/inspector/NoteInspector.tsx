import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { ChainMapState, Note } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import { tackleGap } from '../../../plan/tackleGap';
import { enumOptions } from '../../common/enumOptions';
import { SelectField, TextField } from './fields';
import { LiveTextField } from './LiveTextField';
import { NoteRelations } from './NoteRelations';
import { OwnerField } from './OwnerField';

interface Props {
  note: Note;
  state: ChainMapState;
  model: ChainMap;
  readOnly: boolean;
  onSelect: (id: string) => void;
}

export function NoteInspector({ note, state, model, readOnly, onSelect }: Props) {
  const t = useT();
  const o = enumOptions(t);
  const update = (patch: Parameters<ChainMap['updateNote']>[1]) => model.updateNote(note.id, patch);
  const anchors = [
    ...state.actors.map((a) => ({ value: `actor:${a.id}`, label: a.label || t(`kind.${a.kind}`) })),
    ...state.links.map((l) => ({ value: `link:${l.id}`, label: l.label || t(`link.${l.kind}`) })),
  ];
  const anchorValue = note.anchor ? `${note.anchor.type}:${note.anchor.id}` : null;
  return (
    <div className="kk-inspector__form">
      <SelectField
        label={t('inspector.kind')}
        value={note.kind}
        options={o.noteKinds}
        readOnly={readOnly}
        onChange={(kind) => kind && update({ kind })}
      />
      <LiveTextField
        label={t('inspector.text')}
        model={model}
        field={{ collection: 'notes', id: note.id, field: 'text' }}
        value={note.text}
        multiline
        readOnly={readOnly}
      />
      <SelectField
        label={t('inspector.status')}
        value={note.status}
        options={o.noteStatuses}
        readOnly={readOnly}
        onChange={(status) => status && update({ status })}
      />
      {readOnly ? (
        <TextField
          label={t('inspector.owner')}
          value={state.actors.find((a) => a.id === note.owner)?.label ?? note.owner}
          readOnly
          onChange={() => {}}
        />
      ) : (
        <OwnerField
          label={t('inspector.owner')}
          value={note.owner}
          actors={state.actors}
          onChange={(owner) => update({ owner })}
        />
      )}
      <TextField
        label={t('inspector.due')}
        type="date"
        value={note.due}
        readOnly={readOnly}
        onChange={(due) => update({ due })}
      />
      <SelectField
        label={t('inspector.priority')}
        value={note.priority}
        options={o.priorities}
        emptyLabel={t('inspector.none')}
        readOnly={readOnly}
        onChange={(priority) => update({ priority })}
      />
      <SelectField
        label={t('inspector.regie')}
        value={note.regie}
        options={o.regie}
        emptyLabel={t('regie.none')}
        readOnly={readOnly}
        onChange={(regie) => update({ regie })}
      />
      <SelectField
        label={t('inspector.phase')}
        value={note.phaseId}
        options={state.phases.map((p) => ({ value: p.id, label: p.label }))}
        emptyLabel={t('phase.none')}
        readOnly={readOnly}
        onChange={(phaseId) => update({ phaseId })}
      />
      <SelectField
        label={t('inspector.anchor')}
        value={anchorValue}
        options={anchors}
        emptyLabel={t('anchor.none')}
        readOnly={readOnly}
        onChange={(v) => {
          if (v === null) return update({ anchor: null });
          const [type, id] = v.split(':') as ['actor' | 'link', string];
          update({ anchor: { type, id } });
        }}
      />
      {!readOnly && note.kind === 'gap' && (
        <div className="kk-inspector__row">
          <button
            type="button"
            className="kk-button kk-button--small kk-button--primary"
            onClick={() => onSelect(tackleGap(model, note))}
          >
            {t('relation.tackle')}
          </button>
          <span className="kk-muted kk-inspector__hint-inline">{t('relation.tackleHint')}</span>
        </div>
      )}
      <NoteRelations note={note} state={state} onSelect={onSelect} />
    </div>
  );
}
