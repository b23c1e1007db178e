import { formatDate } from '../../../../../shared/i18n';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { ChainMapState } from '../../../../../shared/model/types';
import { useLocale, useT } from '../../../i18n/i18n';
import type { PlanRow } from '../../../plan/actionPlan';
import { tackleGap } from '../../../plan/tackleGap';
import { DraftInput } from '../../common/DraftInput';
import { EnumSelect } from '../../common/EnumSelect';
import { enumOptions } from '../../common/enumOptions';
import { OwnerField } from '../inspector/OwnerField';
import { VoteRankMark } from '../voting/VoteRankMark';

interface Props {
  row: PlanRow;
  state: ChainMapState;
  model: ChainMap;
  readOnly: boolean;
  onOpenNote: (id: string) => void;
}

/** One item of the plan; every field writes straight to the model. */
export function ActionPlanRow({ row, state, model, readOnly, onOpenNote }: Props) {
  const t = useT();
  const locale = useLocale();
  const { note } = row;
  const o = enumOptions(t);
  const name = note.text || t(`note.${note.kind}`);
  const update = (patch: Parameters<ChainMap['updateNote']>[1]) => model.updateNote(note.id, patch);
  const source = note.sourceNoteId ? state.notes.find((n) => n.id === note.sourceNoteId) : undefined;
  const actions = state.notes.filter((n) => n.sourceNoteId === note.id);
  return (
    <tr className={`kk-plan-row kk-plan-row--${note.status}`} data-note-id={note.id}>
      <td>
        <span className={`kk-kind-chip kk-kind-chip--${note.kind}`}>{t(`note.${note.kind}`)}</span>
      </td>
      <td className="kk-plan-row__text">
        {readOnly ? (
          <span>{note.text || '…'}</span>
        ) : (
          <DraftInput
            aria-label={t('plan.field.text', { kind: t(`note.${note.kind}`) })}
            value={note.text}
            placeholder="…"
            onCommit={(text) => update({ text })}
          />
        )}
        {row.anchorLabel && (
          <span className="kk-plan-row__meta">{t('plan.on', { anchor: row.anchorLabel })}</span>
        )}
        {source && (
          <span className="kk-plan-row__meta">{t('relation.fromGap', { text: source.text || '…' })}</span>
        )}
        {actions.map((a) => (
          <span key={a.id} className="kk-plan-row__meta">
            {t('relation.tackledBy', { text: a.text || '…', status: t(`noteStatus.${a.status}`) })}
          </span>
        ))}
      </td>
      <td>
        {readOnly ? (
          t(`noteStatus.${note.status}`)
        ) : (
          <EnumSelect
            aria-label={t('plan.field.status', { name })}
            className={`kk-status-select kk-status-select--${note.status}`}
            value={note.status}
            options={o.noteStatuses}
            onChange={(status) => status && update({ status })}
          />
        )}
      </td>
      <td>
        {readOnly ? (
          row.ownerLabel || '—'
        ) : (
          <OwnerField
            compact
            label={t('plan.field.owner', { name })}
            value={note.owner}
            actors={state.actors}
            onChange={(owner) => update({ owner })}
          />
        )}
      </td>
      <td>
        {readOnly ? (
          note.due ? (
            formatDate(note.due, locale, 'medium')
          ) : (
            '—'
          )
        ) : (
          <input
            type="date"
            aria-label={t('plan.field.due', { name })}
            value={note.due}
            onChange={(e) => update({ due: e.target.value })}
          />
        )}
      </td>
      <td>
        {readOnly ? (
          note.priority ? (
            t(`priority.${note.priority}`)
          ) : (
            '—'
          )
        ) : (
          <EnumSelect
            aria-label={t('plan.field.priority', { name })}
            value={note.priority}
            emptyLabel="—"
            options={o.priorities}
            onChange={(priority) => update({ priority })}
          />
        )}
        <VoteRankMark noteId={note.id} />
      </td>
      <td className="kk-plan-row__actions">
        <button
          type="button"
          className="kk-link-button"
          aria-label={t('plan.openNote', { name })}
          onClick={() => onOpenNote(note.id)}
        >
          {t('plan.open')}
        </button>
        {!readOnly && note.kind === 'gap' && (
          <button
            type="button"
            className="kk-link-button"
            aria-label={t('relation.tackleNamed', { name })}
            onClick={() => tackleGap(model, note)}
          >
            {t('relation.tackle')}
          </button>
        )}
      </td>
    </tr>
  );
}
