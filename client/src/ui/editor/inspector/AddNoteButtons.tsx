import { NOTE_KINDS, type NoteKind } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';

/** "Quick-win / Knelpunt / Actie toevoegen" on the selected actor or link: the note is anchored to it. */
export function AddNoteButtons({ onAddNote }: { onAddNote: (kind: NoteKind) => void }) {
  const t = useT();
  return (
    <div className="kk-inspector__row kk-add-notes">
      {NOTE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className={`kk-button kk-button--small kk-add-note kk-add-note--${kind}`}
          onClick={() => onAddNote(kind)}
        >
          {t('palette.add', { kind: t(`note.${kind}`) })}
        </button>
      ))}
    </div>
  );
}
