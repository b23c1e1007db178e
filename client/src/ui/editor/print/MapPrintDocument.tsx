import type { ChainMapState } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import { CompactLegend } from '../CompactLegend';
import { MapPicture } from '../picture/MapPicture';
import { wholeMapArea } from '../picture/pictureArea';
import './mapPrint.css';

/**
 * The map as a printed page: title, municipality and date, the whole map drawn from the model as
 * one SVG (`MapPicture`, the same drawing the exported pictures use) fitted to the page by its
 * viewBox (A4 or A3 landscape), and the legend. Mounted only while printing, so a big map costs
 * nothing on screen; the print stylesheet then shows it alone, not the app's panels.
 */
export function MapPrintDocument({ state }: { state: ChainMapState }) {
  const t = useT();
  return (
    <article className="kk-map-print" aria-label={t('print.map')}>
      <header className="kk-map-print__header">
        <h1>{state.meta.title}</h1>
        <p>
          {state.meta.municipality && <span>{state.meta.municipality} · </span>}
          <span>{t('print.printedOn', { date: Date.now() })}</span>
        </p>
      </header>
      <MapPicture state={state} area={wholeMapArea(state)} className="kk-map-print__map" />
      <footer className="kk-map-print__footer">
        <CompactLegend />
      </footer>
    </article>
  );
}
