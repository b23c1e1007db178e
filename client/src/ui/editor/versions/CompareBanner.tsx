import { formatSummary, versionDisplayName } from '../../../../../shared/versions';
import { useLocale, useT } from '../../../i18n/i18n';
import type { Comparison } from '../../../versions/CompareSession';
import { absoluteTime } from './formatTime';
import './versions.css';

/** Above the canvas in compare mode: what is compared, the summary in plain words, a legend, stop. */
export function CompareBanner({ comparison, onStop }: { comparison: Comparison; onStop: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { version } = comparison;
  return (
    <section className="kk-compare-banner" aria-label={t('compare.region')}>
      <div className="kk-compare-banner__text">
        <strong className="kk-compare-banner__title">
          {t('compare.title', { name: versionDisplayName(version, locale) })}
        </strong>{' '}
        <span className="kk-muted">
          {t('compare.since', { date: absoluteTime(version.createdAt, locale) })}
        </span>
        <p className="kk-compare-banner__summary" role="status">
          {formatSummary(comparison.summary, locale)}
        </p>
      </div>
      <ul className="kk-compare-legend" aria-label={t('legend.title')}>
        <li className="kk-compare-legend__item kk-compare-legend__item--added">{t('compare.legendAdded')}</li>
        <li className="kk-compare-legend__item kk-compare-legend__item--changed">
          {t('compare.legendChanged')}
        </li>
        <li className="kk-compare-legend__item kk-compare-legend__item--removed">
          {t('compare.legendRemoved')}
        </li>
      </ul>
      <button type="button" className="kk-button kk-button--small" onClick={onStop}>
        {t('compare.stop')}
      </button>
    </section>
  );
}
