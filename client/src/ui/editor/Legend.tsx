import { useState } from 'react';
import { ACTOR_KINDS } from '../../../../shared/model/types';
import { LINK_CHOICES, linkChoiceId } from '../../canvas/linkChoice';
import { useT } from '../../i18n/i18n';
import { KindShape } from './KindIcon';
import { LinkSample, linkChoiceLabel } from './LinkKindChooser';
import './legend.css';

/** Explains every shape, colour and line style on the canvas. */
export function Legend() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className={`kk-legend${open ? '' : ' is-closed'}`} aria-labelledby="kk-legend-title">
      <div className="kk-legend__head">
        <h2 id="kk-legend-title" className="kk-panel-title">
          {t('legend.title')}
        </h2>
        <button
          type="button"
          className="kk-button kk-button--ghost kk-button--small"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? t('legend.hide') : t('legend.show')}
        </button>
      </div>
      {open && (
        <div className="kk-legend__body">
          <ul>
            {ACTOR_KINDS.map((kind) => (
              <li key={kind}>
                <KindShape kind={kind} width={36} />
                <span>
                  <strong>{t(`kind.${kind}`)}</strong> — {t(`kindHelp.${kind}`)}
                </span>
              </li>
            ))}
          </ul>
          <ul>
            {LINK_CHOICES.map((choice) => (
              <li key={linkChoiceId(choice)}>
                <LinkSample choice={choice} />
                <span>{linkChoiceLabel(t, choice)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
