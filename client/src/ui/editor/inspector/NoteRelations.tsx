import type { ChainMapState, Note } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';

/** The gap an action came from, or the actions that tackle a gap; each opens in the inspector. */
export function NoteRelations({
  note,
  state,
  onSelect,
}: {
  note: Note;
  state: ChainMapState;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const source = note.sourceNoteId ? state.notes.find((n) => n.id === note.sourceNoteId) : undefined;
  const actions = state.notes.filter((n) => n.sourceNoteId === note.id);
  if (!source && actions.length === 0) return null;
  return (
    <section className="kk-inspector__notes kk-relations" aria-label={t('relation.title')}>
      <h3 className="kk-panel-subtitle">{t('relation.title')}</h3>
      <ul>
        {source && (
          <li>
            <button
              type="button"
              className="kk-note-line kk-note-line--gap"
              onClick={() => onSelect(source.id)}
            >
              {t('relation.fromGap', { text: source.text || '…' })}
            </button>
          </li>
        )}
        {actions.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="kk-note-line kk-note-line--action"
              onClick={() => onSelect(a.id)}
            >
              {t('relation.tackledBy', { text: a.text || '…', status: t(`noteStatus.${a.status}`) })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
