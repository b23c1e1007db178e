import type { TargetGroupRoute } from '../../../../../shared/analysis';
import type { ChainMapState } from '../../../../../shared/model/types';
import { routeSummary } from '../../../analysis/routeLayer';
import { useT } from '../../../i18n/i18n';
import './overlayPanels.css';

/**
 * "Route van een doelgroep": choose a target group; the canvas shows where it can get to and where
 * the route breaks. The legend explains the marks.
 */
export function TargetGroupRoutePanel({
  state,
  targetGroupId,
  route,
  onChange,
}: {
  state: ChainMapState;
  targetGroupId: string | null;
  route: TargetGroupRoute | null;
  onChange: (id: string | null) => void;
}) {
  const t = useT();
  const groups = state.actors.filter((a) => a.kind === 'targetGroup');
  const summary = route ? routeSummary(route) : null;
  return (
    <section className="kk-viewpanel" aria-labelledby="kk-route-title">
      <h2 id="kk-route-title" className="kk-panel-title">
        {t('route.title')}
      </h2>
      {groups.length === 0 ? (
        <p className="kk-muted kk-viewpanel__hint">{t('route.noGroups')}</p>
      ) : (
        <label className="kk-field">
          <span>{t('route.choose')}</span>
          <select value={targetGroupId ?? ''} onChange={(e) => onChange(e.target.value || null)}>
            <option value="">{t('route.none')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label || t('kind.targetGroup')}
              </option>
            ))}
          </select>
        </label>
      )}
      {summary && (
        <div className="kk-route" role="status">
          <p className="kk-route__summary">
            {summary.destinations === 0
              ? t('route.reachesNone')
              : t('route.reaches', { count: summary.destinations })}{' '}
            {summary.deadEnds + summary.coldHandovers === 0
              ? t('route.noBreaks')
              : t('route.breaks', { count: summary.deadEnds + summary.coldHandovers })}
          </p>
          <ul className="kk-route__legend" aria-label={t('route.legend')}>
            <li>
              <span className="kk-route__swatch kk-route__swatch--reached" aria-hidden="true" />
              {t('route.legendReached')}
            </li>
            <li>
              <span className="kk-route__swatch kk-route__swatch--dim" aria-hidden="true" />
              {t('route.legendDim')}
            </li>
            <li>
              <span className="kk-route__swatch kk-route__swatch--deadEnd" aria-hidden="true">
                !
              </span>
              {t('route.legendDeadEnd')}
            </li>
            <li>
              <span className="kk-route__swatch kk-route__swatch--cold" aria-hidden="true" />
              {t('route.legendCold')}
            </li>
          </ul>
          <button type="button" className="kk-button kk-button--small" onClick={() => onChange(null)}>
            {t('route.stop')}
          </button>
        </div>
      )}
    </section>
  );
}
