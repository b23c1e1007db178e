import { useSyncExternalStore } from 'react';
import { ACTOR_KINDS, type ActorKind, type NoteKind } from '../../../../shared/model/types';
import { getHyphenate, subscribeHyphenation } from '../../canvas/hyphenation';
import { useT } from '../../i18n/i18n';
import { PALETTE_MIME } from './ChainCanvas';
import { KindShape } from './KindIcon';
import './palette.css';

interface Props {
  onAddActor: (kind: ActorKind) => void;
  onAddNote: (kind: NoteKind) => void;
}

/** Actor kinds to add by click (at the view's centre) or by dragging onto the map. */
export function Palette({ onAddActor, onAddNote }: Props) {
  const t = useT();
  // "Samenwerkingsverband" is wider than the sidebar: it breaks at a syllable, with a hyphen.
  const hyphenate = useSyncExternalStore(subscribeHyphenation, getHyphenate);
  return (
    <nav className="kk-palette" aria-label={t('palette.title')}>
      <h2 className="kk-panel-title">{t('palette.title')}</h2>
      <p className="kk-palette__hint">{t('palette.hint')}</p>
      <ul>
        {ACTOR_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="kk-palette__item"
              draggable
              aria-label={t('palette.add', { kind: t(`kind.${kind}`) })}
              title={t(`kindHelp.${kind}`)}
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, kind);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => onAddActor(kind)}
            >
              <KindShape kind={kind} width={36} />
              <span>{hyphenate(t(`kind.${kind}`))}</span>
            </button>
          </li>
        ))}
      </ul>
      <h2 className="kk-panel-title">{t('palette.note')}</h2>
      <ul>
        {(['quickWin', 'gap'] as const).map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="kk-palette__item"
              aria-label={t('palette.add', { kind: t(`note.${kind}`) })}
              onClick={() => onAddNote(kind)}
            >
              <span className={`kk-note-swatch kk-note-swatch--${kind}`} aria-hidden="true" />
              <span>{t(`note.${kind}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
