import { useMemo, useState, useSyncExternalStore } from 'react';
import { NOTE_STATUSES } from '../../../../../shared/model/types';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { useT } from '../../../i18n/i18n';
import {
  EMPTY_PLAN_FILTER,
  filterPlanRows,
  groupPlanRows,
  ownerChoices,
  type PlanFilter,
  type PlanGroupBy,
  type PlanSort,
  planRows,
  sortPlanRows,
  statusCounts,
} from '../../../plan/actionPlan';
import { EnumSelect } from '../../common/EnumSelect';
import { enumOptions } from '../../common/enumOptions';
import { ActionPlanTable } from './ActionPlanTable';
import { PlanPrintDocument } from './PlanPrintDocument';
import './actionPlan.css';

/**
 * "Actieplan": every quick-win, gap and action in one table, grouped, sorted, filtered and edited
 * in place. It re-renders from the model's change events, so a participant's edit shows at once.
 */
export function ActionPlanView({
  store,
  onOpenNote,
  initialGroupBy = 'phase',
}: {
  store: CanvasStore;
  onOpenNote: (id: string) => void;
  /** The grouping to open with (the Werkvorm's regie step asks for 'regie'). */
  initialGroupBy?: PlanGroupBy;
}) {
  const t = useT();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const readOnly = store.readOnly;
  const [groupBy, setGroupBy] = useState<PlanGroupBy>(initialGroupBy);
  const [sort, setSort] = useState<PlanSort>({ key: 'priority', direction: 'asc' });
  const [filter, setFilter] = useState<PlanFilter>(EMPTY_PLAN_FILTER);
  const rows = useMemo(() => planRows(state), [state]);
  const visible = useMemo(() => sortPlanRows(filterPlanRows(rows, filter), sort), [rows, filter, sort]);
  const groups = useMemo(() => groupPlanRows(visible, groupBy, state), [visible, groupBy, state]);
  const counts = statusCounts(state.notes);
  const owners = ownerChoices(rows);
  const o = enumOptions(t);
  const filtered = filter !== EMPTY_PLAN_FILTER;

  return (
    <section className="kk-plan" aria-labelledby="kk-plan-title">
      <div className="kk-plan__screen">
        <header className="kk-plan__header">
          <div>
            <h2 id="kk-plan-title">{t('plan.title')}</h2>
            <p className="kk-muted">{t('plan.intro')}</p>
          </div>
          <ul className="kk-plan__counts" aria-label={t('plan.counts')}>
            {NOTE_STATUSES.map((s) => (
              <li key={s} className={`kk-status-pill kk-status-pill--${s}`}>
                {t(`noteStatus.${s}`)}: <strong>{counts[s]}</strong>
              </li>
            ))}
          </ul>
          <button type="button" className="kk-button" onClick={() => window.print()}>
            {t('plan.print')}
          </button>
        </header>
        <fieldset className="kk-plan__toolbar">
          <legend className="kk-visually-hidden">{t('plan.tools')}</legend>
          <label className="kk-field kk-field--inline">
            <span>{t('plan.groupBy')}</span>
            <EnumSelect<PlanGroupBy>
              value={groupBy}
              options={[
                { value: 'phase', label: t('plan.groupPhase') },
                { value: 'regie', label: t('plan.groupRegie') },
              ]}
              onChange={(value) => value && setGroupBy(value)}
            />
          </label>
          <label className="kk-field kk-field--inline">
            <span>{t('plan.filterKind')}</span>
            <EnumSelect
              value={filter.kinds[0] ?? null}
              emptyLabel={t('plan.all')}
              options={o.noteKinds}
              onChange={(kind) => setFilter({ ...filter, kinds: kind ? [kind] : [] })}
            />
          </label>
          <label className="kk-field kk-field--inline">
            <span>{t('plan.filterStatus')}</span>
            <EnumSelect
              value={filter.statuses[0] ?? null}
              emptyLabel={t('plan.all')}
              options={o.noteStatuses}
              onChange={(status) => setFilter({ ...filter, statuses: status ? [status] : [] })}
            />
          </label>
          <label className="kk-field kk-field--inline">
            <span>{t('plan.filterOwner')}</span>
            <EnumSelect
              value={filter.owner || null}
              emptyLabel={t('plan.all')}
              options={owners.map((owner) => ({ value: owner, label: owner }))}
              onChange={(owner) => setFilter({ ...filter, owner: owner ?? '' })}
            />
          </label>
          <label className="kk-field kk-field--inline kk-plan__search">
            <span>{t('plan.filterText')}</span>
            <input
              type="search"
              value={filter.text}
              onChange={(e) => setFilter({ ...filter, text: e.target.value })}
            />
          </label>
          {filtered && (
            <button type="button" className="kk-link-button" onClick={() => setFilter(EMPTY_PLAN_FILTER)}>
              {t('plan.clearFilters')}
            </button>
          )}
        </fieldset>
        {rows.length === 0 ? (
          <p className="kk-empty">{t('plan.empty')}</p>
        ) : visible.length === 0 ? (
          <p className="kk-empty">{t('plan.noMatch')}</p>
        ) : (
          <ActionPlanTable
            groups={groups}
            groupBy={groupBy}
            state={state}
            model={store.model}
            readOnly={readOnly}
            sort={sort}
            onSort={setSort}
            onOpenNote={onOpenNote}
          />
        )}
      </div>
      <PlanPrintDocument state={state} />
    </section>
  );
}
