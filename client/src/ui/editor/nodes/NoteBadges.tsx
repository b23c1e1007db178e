import { NOTE_KINDS } from '../../../../../shared/model/types';
import type { NoteCounts } from '../../../canvas/flowTypes';
import { useT } from '../../../i18n/i18n';

/** Anchored notes shown as small counters on their actor. */
export function NoteBadges({ counts }: { counts: NoteCounts }) {
  const t = useT();
  const present = NOTE_KINDS.filter((k) => counts[k] > 0);
  if (present.length === 0) return null;
  return (
    <span className="kk-badges">
      {present.map((kind) => (
        <span key={kind} className={`kk-note-badge kk-note-badge--${kind}`} title={t(`note.${kind}`)}>
          <span className="kk-visually-hidden">{t(`note.${kind}`)}: </span>
          {counts[kind]}
        </span>
      ))}
    </span>
  );
}
