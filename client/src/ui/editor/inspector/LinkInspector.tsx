import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { ChainMapState, Link, NoteKind } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import { enumOptions } from '../../common/enumOptions';
import { AnchoredNotes } from './ActorInspector';
import { AddNoteButtons } from './AddNoteButtons';
import { CheckField, ListField, SelectField, TextField } from './fields';
import { LiveTextField } from './LiveTextField';

interface Props {
  link: Link;
  state: ChainMapState;
  model: ChainMap;
  readOnly: boolean;
  onSelect: (id: string) => void;
  onAddNote: (kind: NoteKind) => void;
}

export function LinkInspector({ link, state, model, readOnly, onSelect, onAddNote }: Props) {
  const t = useT();
  const o = enumOptions(t);
  const update = (patch: Parameters<ChainMap['updateLink']>[1]) => model.updateLink(link.id, patch);
  const name = (id: string) => state.actors.find((a) => a.id === id)?.label ?? '—';
  return (
    <div className="kk-inspector__form">
      <p className="kk-inspector__ends">
        <span>
          {t('inspector.source')}: <strong>{name(link.source)}</strong>
        </span>
        <span aria-hidden="true">→</span>
        <span>
          {t('inspector.target')}: <strong>{name(link.target)}</strong>
        </span>
      </p>
      {!readOnly && (
        <button
          type="button"
          className="kk-button kk-button--small"
          // Keeps the link's id, so its selection and anchored notes stay with it.
          onClick={() => model.reverseLink(link.id)}
        >
          {t('inspector.reverse')}
        </button>
      )}
      <SelectField
        label={t('inspector.kind')}
        value={link.kind}
        options={o.linkKinds}
        readOnly={readOnly}
        onChange={(kind) =>
          kind && update(kind === 'handover' ? { kind, warmth: link.warmth ?? 'cold' } : { kind })
        }
      />
      {link.kind === 'handover' && (
        <>
          <SelectField
            label={t('inspector.warmth')}
            value={link.warmth}
            options={o.warmths}
            readOnly={readOnly}
            onChange={(warmth) => update({ warmth })}
          />
          <CheckField
            label={t('inspector.dataShared')}
            value={link.dataShared}
            readOnly={readOnly}
            yes="✓"
            no="—"
            onChange={(dataShared) => update({ dataShared })}
          />
          <TextField
            label={t('inspector.owner')}
            value={link.owner}
            readOnly={readOnly}
            onChange={(owner) => update({ owner })}
          />
        </>
      )}
      <LiveTextField
        label={t('inspector.label')}
        model={model}
        field={{ collection: 'links', id: link.id, field: 'label' }}
        value={link.label}
        readOnly={readOnly}
      />
      <LiveTextField
        label={t('inspector.description')}
        model={model}
        field={{ collection: 'links', id: link.id, field: 'description' }}
        value={link.description}
        multiline
        readOnly={readOnly}
      />
      <SelectField
        label={t('inspector.regie')}
        value={link.regie}
        options={o.regie}
        emptyLabel={t('regie.none')}
        readOnly={readOnly}
        onChange={(regie) => update({ regie })}
      />
      <ListField
        label={t('inspector.tags')}
        value={link.tags}
        readOnly={readOnly}
        onChange={(tags) => update({ tags })}
      />
      {!readOnly && <AddNoteButtons onAddNote={onAddNote} />}
      <AnchoredNotes state={state} anchorId={link.id} onSelect={onSelect} />
    </div>
  );
}
