import { useT } from '../../i18n/i18n';
import { LegendLists } from './LegendLists';
import './compactLegend.css';

/** The legend in one or two lines, for presenting and printing: every shape and line, named. */
export function CompactLegend() {
  const t = useT();
  return (
    <section className="kk-compact-legend" aria-label={t('legend.title')}>
      <LegendLists shapeWidth={24} />
    </section>
  );
}
