import { useState } from 'react';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import { KBO_KINDS } from '../../../../../shared/model/records/actor';
import type { Actor, ChainMapState, NoteKind } from '../../../../../shared/model/types';
import type { ChainAnalysis } from '../../../analysis/ChainAnalysis';
import type { LinkChoice } from '../../../canvas/linkChoice';
import { useT } from '../../../i18n/i18n';
import { enumOptions } from '../../common/enumOptions';
import { ActorMetricsSection } from './ActorMetricsSection';
import { ActorPicker } from './ActorPicker';
import { AddNoteButtons } from './AddNoteButtons';
import { CheckField, ListField, SelectField, TextField } from './fields';
import { KboField } from './KboField';
import { LiveTextField } from './LiveTextField';
import { MembersSection } from './MembersSection';

interface Props {
  actor: Actor;
  state: ChainMapState;
  model: ChainMap;
  readOnly: boolean;
  linkChoice: LinkChoice;
  onLinked: (linkId: string) => void;
  onAddNote: (kind: NoteKind) => void;
  onSelect: (id: string) => void;
  analysis: ChainAnalysis;
  /** True while a drag is live (see ActorMetricsSection). */
  busy?: () => boolean;
}

export function ActorInspector({
  actor,
  state,
  model,
  readOnly,
  linkChoice,
  onLinked,
  onAddNote,
  onSelect,
  analysis,
  busy,
}: Props) {
  const t = useT();
  const o = enumOptions(t);
  const update = (patch: Parameters<ChainMap['updateActor']>[1]) => model.updateActor(actor.id, patch);
  const [target, setTarget] = useState('');
  const others = state.actors.filter((a) => a.id !== actor.id);
  return (
    <div className="kk-inspector__form">
      <LiveTextField
        label={t('inspector.label')}
        model={model}
        field={{ collection: 'actors', id: actor.id, field: 'label' }}
        value={actor.label}
        readOnly={readOnly}
      />
      <SelectField
        label={t('inspector.kind')}
        value={actor.kind}
        options={o.actorKinds}
        readOnly={readOnly}
        onChange={(kind) => kind && update({ kind })}
      />
      <LiveTextField
        label={t('inspector.description')}
        model={model}
        field={{ collection: 'actors', id: actor.id, field: 'description' }}
        value={actor.description}
        multiline
        readOnly={readOnly}
      />
      <SelectField
        label={t('inspector.phase')}
        value={actor.phaseId}
        options={state.phases.map((p) => ({ value: p.id, label: p.label }))}
        emptyLabel={t('phase.none')}
        readOnly={readOnly}
        onChange={(phaseId) => update({ phaseId })}
      />
      <SelectField
        label={t('inspector.regie')}
        value={actor.regie}
        options={o.regie}
        emptyLabel={t('regie.none')}
        readOnly={readOnly}
        onChange={(regie) => update({ regie })}
      />
      {actor.kind === 'targetGroup' && (
        <LiveTextField
          label={t('inspector.needs')}
          model={model}
          field={{ collection: 'actors', id: actor.id, field: 'needs' }}
          value={actor.needs}
          multiline
          readOnly={readOnly}
        />
      )}
      {actor.kind === 'role' && (
        <ListField
          label={t('inspector.languages')}
          value={actor.languages}
          readOnly={readOnly}
          onChange={(languages) => update({ languages })}
        />
      )}
      <TextField
        label={t('inspector.contact')}
        value={actor.contact}
        readOnly={readOnly}
        onChange={(contact) => update({ contact })}
      />
      <TextField
        label={t('inspector.municipality')}
        value={actor.municipality}
        readOnly={readOnly}
        onChange={(municipality) => update({ municipality })}
      />
      {(KBO_KINDS.includes(actor.kind) || actor.kbo !== '') && (
        <KboField value={actor.kbo} readOnly={readOnly} onChange={(kbo) => update({ kbo })} />
      )}
      <ListField
        label={t('inspector.tags')}
        value={actor.tags}
        readOnly={readOnly}
        onChange={(tags) => update({ tags })}
      />
      <CheckField
        label={t('inspector.entryPoint')}
        value={actor.entryPoint}
        readOnly={readOnly}
        yes="✓"
        no="—"
        onChange={(entryPoint) => update({ entryPoint })}
      />
      {actor.kind === 'collaboration' && (
        <MembersSection actor={actor} state={state} model={model} readOnly={readOnly} onSelect={onSelect} />
      )}
      {!readOnly && others.length > 0 && (
        <div className="kk-inspector__connect">
          <ActorPicker label={t('inspector.connectTo')} actors={others} value={target} onChange={setTarget} />
          <button
            type="button"
            className="kk-button kk-button--small"
            disabled={!target}
            onClick={() => {
              const input =
                linkChoice.kind === 'handover'
                  ? { kind: 'handover' as const, warmth: linkChoice.warmth }
                  : { kind: linkChoice.kind };
              const id = model.addLink({ ...input, source: actor.id, target });
              setTarget('');
              onLinked(id);
            }}
          >
            {t('inspector.connectButton')}
          </button>
        </div>
      )}
      {!readOnly && <AddNoteButtons onAddNote={onAddNote} />}
      <AnchoredNotes state={state} anchorId={actor.id} onSelect={onSelect} />
      <ActorMetricsSection actorId={actor.id} state={state} analysis={analysis} {...(busy ? { busy } : {})} />
    </div>
  );
}

/** Notes anchored to an element; each opens in the inspector. */
export function AnchoredNotes({
  state,
  anchorId,
  onSelect,
}: {
  state: ChainMapState;
  anchorId: string;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const notes = state.notes.filter((n) => n.anchor?.id === anchorId);
  if (notes.length === 0) return null;
  return (
    <section className="kk-inspector__notes" aria-label={t('inspector.notesOn')}>
      <h3 className="kk-panel-subtitle">{t('inspector.notesOn')}</h3>
      <ul>
        {notes.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className={`kk-note-line kk-note-line--${n.kind}`}
              onClick={() => onSelect(n.id)}
            >
              <strong>{t(`note.${n.kind}`)}</strong> {n.text || '…'} <em>({t(`noteStatus.${n.status}`)})</em>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
