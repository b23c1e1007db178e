import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { ChainMapState } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import type { PlanGroup, PlanGroupBy, PlanSort, PlanSortKey } from '../../../plan/actionPlan';
import { ActionPlanRow } from './ActionPlanRow';

interface Props {
  groups: readonly PlanGroup[];
  groupBy: PlanGroupBy;
  state: ChainMapState;
  model: ChainMap;
  readOnly: boolean;
  sort: PlanSort;
  onSort: (sort: PlanSort) => void;
  onOpenNote: (id: string) => void;
}

const COLUMNS: readonly {
  key: PlanSortKey;
  label:
    | 'plan.col.kind'
    | 'plan.col.text'
    | 'plan.col.status'
    | 'plan.col.owner'
    | 'plan.col.due'
    | 'plan.col.priority';
}[] = [
  { key: 'kind', label: 'plan.col.kind' },
  { key: 'text', label: 'plan.col.text' },
  { key: 'status', label: 'plan.col.status' },
  { key: 'owner', label: 'plan.col.owner' },
  { key: 'due', label: 'plan.col.due' },
  { key: 'priority', label: 'plan.col.priority' },
];

/** The plan as one table with a header row per group; column headers sort. */
export function ActionPlanTable({
  groups,
  groupBy,
  state,
  model,
  readOnly,
  sort,
  onSort,
  onOpenNote,
}: Props) {
  const t = useT();
  const groupLabel = (g: PlanGroup) =>
    g.key === null
      ? t(groupBy === 'phase' ? 'plan.noPhase' : 'plan.noRegie')
      : groupBy === 'phase'
        ? g.label
        : t(`regie.${g.key as 'zelf'}`);
  return (
    <table className="kk-plan-table">
      <caption className="kk-visually-hidden">{t('plan.title')}</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => {
            const active = sort.key === c.key;
            return (
              <th
                key={c.key}
                scope="col"
                className={`kk-plan-table__col--${c.key}`}
                aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  className="kk-plan-table__sort"
                  onClick={() =>
                    onSort({ key: c.key, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })
                  }
                >
                  {t(c.label)}
                  <span aria-hidden="true" className="kk-plan-table__arrow">
                    {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            );
          })}
          <th scope="col" className="kk-plan-table__col--actions">
            <span className="kk-visually-hidden">{t('plan.col.actions')}</span>
          </th>
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={g.key ?? '∅'}>
          <tr className="kk-plan-table__group">
            <th scope="rowgroup" colSpan={COLUMNS.length + 1}>
              {groupLabel(g)} <span className="kk-muted">({g.rows.length})</span>
            </th>
          </tr>
          {g.rows.map((row) => (
            <ActionPlanRow
              key={row.note.id}
              row={row}
              state={state}
              model={model}
              readOnly={readOnly}
              onOpenNote={onOpenNote}
            />
          ))}
        </tbody>
      ))}
    </table>
  );
}
