import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { LegendLists } from './LegendLists';
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
          <LegendLists shapeWidth={36} withHelp />
        </div>
      )}
    </section>
  );
}
