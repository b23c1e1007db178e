import { versionDisplayName } from '../../../../../shared/versions';
import { useLocale, useT } from '../../../i18n/i18n';
import type { Comparison } from '../../../versions/CompareSession';
import { describeFieldChanges, elementComparison, elementNames } from '../../../versions/fieldChanges';
import './versions.css';

/**
 * In the inspector during compare mode: how the selected element differs from the version, field by
 * field (before → after). Nothing when the element did not change.
 */
export function CompareDetails({ comparison, id }: { comparison: Comparison; id: string }) {
  const t = useT();
  const locale = useLocale();
  const found = elementComparison(comparison.diff, id);
  const anchoredNotes =
    comparison.diff.notes.changed.some((c) => c.after.anchor?.id === id) ||
    comparison.diff.notes.added.some((n) => n.anchor?.id === id) ||
    comparison.diff.notes.removed.some((n) => n.anchor?.id === id);
  if (!found && !anchoredNotes) return null;
  const title = t('compare.inspectorTitle', { name: versionDisplayName(comparison.version, locale) });
  const rows =
    found?.change &&
    describeFieldChanges(
      found.collection,
      found.change,
      elementNames(comparison.base, comparison.current),
      t,
      locale,
    );
  return (
    <section
      className={`kk-compare-details kk-compare-details--${found?.status ?? 'changed'}`}
      aria-label={title}
    >
      <h3 className="kk-compare-details__title">{title}</h3>
      {found?.status === 'added' && <p className="kk-compare-details__text">{t('compare.added')}</p>}
      {rows && rows.length > 0 && (
        <>
          <p className="kk-compare-details__text">{t('compare.changedFields')}</p>
          <dl className="kk-compare-fields">
            {rows.map((row) => (
              <div key={row.field} className="kk-compare-field">
                <dt>{row.label}</dt>
                <dd>
                  {row.moved ? (
                    t('compare.moved')
                  ) : (
                    <>
                      <del className="kk-compare-field__before">
                        <span className="kk-visually-hidden">{t('compare.before')}: </span>
                        {row.before}
                      </del>
                      <span aria-hidden="true"> → </span>
                      <ins className="kk-compare-field__after">
                        <span className="kk-visually-hidden">{t('compare.after')}: </span>
                        {row.after}
                      </ins>
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {anchoredNotes && <p className="kk-compare-details__text">{t('compare.notesChanged')}</p>}
    </section>
  );
}
