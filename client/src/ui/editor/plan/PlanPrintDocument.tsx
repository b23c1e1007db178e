import { useMemo } from 'react';
import { type ChainMapState, NOTE_STATUSES } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import { groupPlanRows, planRows, sortPlanRows, statusCounts } from '../../../plan/actionPlan';
import { PrintedPlanTable } from './PrintedPlanTable';

/**
 * The plan as the document a municipality takes to its council: title, municipality and date, the
 * status counts and every item grouped by phase. Hidden on screen; the print stylesheet shows only this.
 */
export function PlanPrintDocument({ state }: { state: ChainMapState }) {
  const t = useT();
  const groups = useMemo(
    () => groupPlanRows(sortPlanRows(planRows(state), { key: 'priority', direction: 'asc' }), 'phase', state),
    [state],
  );
  const counts = statusCounts(state.notes);
  return (
    <article className="kk-print-doc">
      <header className="kk-print-doc__header">
        <p className="kk-print-doc__kicker">{t('print.kicker')}</p>
        <h1>{state.meta.title}</h1>
        <p className="kk-print-doc__meta">
          {state.meta.municipality && <span>{state.meta.municipality} · </span>}
          <span>{t('print.date', { date: Date.now() })}</span>
        </p>
      </header>
      <section className="kk-print-doc__counts">
        <h2>{t('print.status')}</h2>
        <p>
          {NOTE_STATUSES.map((s, i) => (
            <span key={s}>
              {i > 0 && ' · '}
              {t(`noteStatus.${s}`)}: <strong>{counts[s]}</strong>
            </span>
          ))}
          {' · '}
          {t('print.total', { count: state.notes.length })}
        </p>
      </section>
      {groups.length === 0 && <p>{t('plan.empty')}</p>}
      {groups.map((g) => (
        <section key={g.key ?? '∅'} className="kk-print-doc__group">
          <h2>{g.key === null ? t('plan.noPhase') : g.label}</h2>
          <PrintedPlanTable rows={g.rows} subClassName="kk-print-doc__sub" />
        </section>
      ))}
    </article>
  );
}
