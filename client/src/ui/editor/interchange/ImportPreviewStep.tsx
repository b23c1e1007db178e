import { useMemo, useState } from 'react';
import type { RowStatus } from '../../../../../shared/interchange';
import type { ChainMapState } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import type { ImportState } from '../../../interchange/ImportSession';
import { countByStatus, previewItems } from '../../../interchange/importPreview';
import { EnumSelect } from '../../common/EnumSelect';
import { ImportProblemList } from './ImportProblemList';

/** Rows drawn at most: a 2,000-row file stays a quick dialog; the counts cover every row. */
const SHOWN = 200;
const STATUSES: readonly RowStatus[] = ['new', 'update', 'unchanged'];

/** The preview: per row "nieuw / bijwerken / ongewijzigd", what changes, and every problem. */
export function ImportPreviewStep({ state, mapState }: { state: ImportState; mapState: ChainMapState }) {
  const t = useT();
  const plan = state.plan!;
  const items = useMemo(() => previewItems(plan, mapState, t), [plan, mapState, t]);
  const counts = countByStatus(items);
  // Rows a problem stops are not in the plan, so not in the table: counted here, listed above.
  const problemRows = new Set(
    state.problems.filter((p) => p.row !== undefined).map((p) => `${p.file}\u0000${p.sheet}\u0000${p.row}`),
  ).size;
  const [filter, setFilter] = useState<RowStatus | null>(null);
  const shown = filter === null ? items : items.filter((i) => i.status === filter);
  return (
    <div className="kk-import__preview">
      <ImportProblemList
        problems={state.problems}
        title={t('import.problemsTitle', { count: state.problems.length })}
      />
      {state.problems.length > 0 && <p className="kk-muted">{t('import.problemsHint')}</p>}
      <div className="kk-import__summary">
        <p aria-live="polite">
          {STATUSES.map((s, i) => (
            <span key={s} className={`kk-import__count kk-import__status--${s}`}>
              {i > 0 && ' · '}
              {t(`import.count.${s}`, { count: counts[s] })}
            </span>
          ))}
          {problemRows > 0 && (
            <span className="kk-import__count kk-import__status--problem">
              {' · '}
              {t('import.count.problem', { count: problemRows })}
            </span>
          )}
        </p>
        <label className="kk-import__filter">
          <span>{t('import.filter')}</span>
          <EnumSelect
            value={filter}
            emptyLabel={t('import.filter.all')}
            options={STATUSES.map((s) => ({ value: s, label: t(`interchange.status.${s}`) }))}
            onChange={setFilter}
          />
        </label>
      </div>
      {state.problems.length === 0 && counts.new + counts.update === 0 && (
        <p className="kk-import__nothing">{t('import.nothingToDo')}</p>
      )}
      <div className="kk-import__grid-wrap kk-import__grid-wrap--tall">
        <table className="kk-import__grid kk-import__rows">
          <thead>
            <tr>
              <th scope="col">{t('import.col.status')}</th>
              <th scope="col">{t('import.col.kind')}</th>
              <th scope="col">{t('import.col.name')}</th>
              <th scope="col">{t('import.col.changes')}</th>
              <th scope="col">{t('import.col.place')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOWN).map((item) => (
              <tr key={item.key} data-status={item.status}>
                <td>
                  <span className={`kk-import__status kk-import__status--${item.status}`}>
                    {t(`interchange.status.${item.status}`)}
                  </span>
                </td>
                <td>{item.kind}</td>
                <td>{item.name || '…'}</td>
                <td>{item.changes.join(', ')}</td>
                <td className="kk-muted">
                  {[
                    item.source.file,
                    item.source.sheet !== undefined
                      ? t('interchange.location.sheet', { sheet: item.source.sheet })
                      : null,
                    item.source.row !== undefined
                      ? t('interchange.location.row', { row: item.source.row })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > SHOWN && (
        <p className="kk-muted">{t('import.moreRows', { count: shown.length - SHOWN })}</p>
      )}
    </div>
  );
}
