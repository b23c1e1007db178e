import { formatDate } from '../../../../../shared/i18n';
import { useLocale, useT } from '../../../i18n/i18n';
import type { PlanRow } from '../../../plan/actionPlan';

/**
 * One phase's items of the action plan as a printed table: kind, text (and what it is attached to),
 * status, owner, due date in words, priority and regie. Shared by the plan's own printout and the
 * Ketenplan; `subClassName` styles the "bij …" line in each document's own stylesheet.
 */
export function PrintedPlanTable({ rows, subClassName }: { rows: readonly PlanRow[]; subClassName: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <table>
      <thead>
        <tr>
          <th>{t('plan.col.kind')}</th>
          <th>{t('plan.col.text')}</th>
          <th>{t('plan.col.status')}</th>
          <th>{t('plan.col.owner')}</th>
          <th>{t('plan.col.due')}</th>
          <th>{t('plan.col.priority')}</th>
          <th>{t('inspector.regie')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ note, ownerLabel, anchorLabel }) => (
          <tr key={note.id}>
            <td>{t(`note.${note.kind}`)}</td>
            <td>
              {note.text || '…'}
              {anchorLabel && <div className={subClassName}>{t('plan.on', { anchor: anchorLabel })}</div>}
            </td>
            <td>{t(`noteStatus.${note.status}`)}</td>
            <td>{ownerLabel || '—'}</td>
            <td>{note.due ? formatDate(note.due, locale, 'medium') : '—'}</td>
            <td>{note.priority ? t(`priority.${note.priority}`) : '—'}</td>
            <td>{note.regie ? t(`regie.${note.regie}`) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
