import { useEffect, useState } from 'react';
import type { ActorMetrics } from '../../../../../shared/analysis';
import type { ChainMapState } from '../../../../../shared/model/types';
import type { ChainAnalysis } from '../../../analysis/ChainAnalysis';
import { useT } from '../../../i18n/i18n';

/** How long edits must pause before the metrics are recomputed (they cost up to ~200 ms on big maps). */
const RECOMPUTE_DELAY_MS = 250;

/**
 * Network metrics of one actor, computed when the inspector shows it: with how many others it works,
 * and how often it is the bridge between others.
 */
export function ActorMetricsSection({
  actorId,
  state,
  analysis,
  busy = () => false,
}: {
  actorId: string;
  state: ChainMapState;
  analysis: ChainAnalysis;
  /** True while the user is dragging: the computation (a long task) waits, so the drag stays smooth. */
  busy?: () => boolean;
}) {
  const t = useT();
  const [metrics, setMetrics] = useState<ActorMetrics | null>(() =>
    analysis.hasMetrics(state) ? (analysis.metrics(state).get(actorId) ?? null) : null,
  );
  useEffect(() => {
    if (analysis.hasMetrics(state)) {
      setMetrics(analysis.metrics(state).get(actorId) ?? null);
      return;
    }
    let handle: ReturnType<typeof setTimeout>;
    const compute = () => {
      if (busy()) handle = setTimeout(compute, RECOMPUTE_DELAY_MS);
      else setMetrics(analysis.metrics(state).get(actorId) ?? null);
    };
    handle = setTimeout(compute, RECOMPUTE_DELAY_MS);
    return () => clearTimeout(handle);
  }, [analysis, state, actorId, busy]);
  const level = (scaled: number) => (scaled >= 0.66 ? 'high' : scaled >= 0.33 ? 'medium' : 'low');
  return (
    <section className="kk-metrics" aria-labelledby="kk-metrics-title" aria-busy={metrics === null}>
      <h3 id="kk-metrics-title" className="kk-panel-subtitle">
        {t('metrics.title')}
      </h3>
      {metrics === null ? (
        <p className="kk-muted">{t('metrics.computing')}</p>
      ) : (
        <dl className="kk-metrics__list">
          <div>
            <dt>{t('metrics.degree')}</dt>
            <dd>{t('metrics.degreeValue', { count: metrics.degree })}</dd>
          </div>
          <div>
            <dt>{t('metrics.betweenness')}</dt>
            <dd>
              {t(`metrics.level.${level(metrics.betweennessScaled)}`)}{' '}
              <span className="kk-muted">({Math.round(metrics.betweenness * 100)}%)</span>
            </dd>
          </div>
        </dl>
      )}
      {metrics !== null && <p className="kk-muted kk-metrics__hint">{t('metrics.betweennessHelp')}</p>}
    </section>
  );
}
