import { useLocale, useT } from '../../../i18n/i18n';
import type { KetenplanContent } from '../../../interchange/ketenplanContent';
import { PrintedPlanTable } from '../plan/PrintedPlanTable';
import './ketenplan.css';

/**
 * The Ketenplan, the report a municipality takes to its council: title, municipality and date; the
 * map; the phases with their actors; the points of attention nobody dismissed; the action plan by
 * phase with owners and dates; what changed since the last named version. Hidden on screen; the
 * print stylesheet prints only this, as A4 pages (the browser's "Opslaan als PDF" makes the PDF:
 * vector text, no PDF library).
 */
export function KetenplanDocument({
  content,
  pictureUrl,
  onPictureLoaded,
}: {
  content: KetenplanContent;
  pictureUrl: string | null;
  onPictureLoaded: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const { changes } = content;
  return (
    <article className="kk-ketenplan" lang={locale}>
      <header className="kk-ketenplan__header">
        <p className="kk-ketenplan__kicker">{t('ketenplan.kicker')}</p>
        <h1>{content.title}</h1>
        <p>
          {content.municipality && <span>{content.municipality} · </span>}
          {t('ketenplan.date', { date: content.date })}
        </p>
      </header>

      {pictureUrl && (
        <section className="kk-ketenplan__map">
          <h2>{t('ketenplan.map')}</h2>
          <img src={pictureUrl} alt={content.title} onLoad={onPictureLoaded} onError={onPictureLoaded} />
        </section>
      )}

      <section>
        <h2>{t('ketenplan.phases')}</h2>
        {content.phases.map((phase) => (
          <div key={phase.key} className="kk-ketenplan__phase">
            <h3>{phase.label ?? t('ketenplan.noPhase')}</h3>
            {phase.actors.length === 0 ? (
              <p className="kk-ketenplan__empty">{t('ketenplan.noActors')}</p>
            ) : (
              <ul>
                {phase.actors.map((a) => (
                  <li key={a.id}>
                    <strong>{a.label || t(`kind.${a.kind}`)}</strong> — {t(`kind.${a.kind}`)}
                    {a.contact && <span> · {a.contact}</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>

      <section>
        <h2>{t('ketenplan.findings')}</h2>
        {content.findings.length === 0 ? (
          <p>{t('ketenplan.noFindings')}</p>
        ) : (
          <ul className="kk-ketenplan__findings">
            {content.findings.map((f) => (
              <li key={f.key}>
                <span className={`kk-ketenplan__severity kk-ketenplan__severity--${f.severity}`}>
                  {t(`ketenplan.severity.${f.severity}`)}
                </span>{' '}
                {f.text}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h2>{t('ketenplan.plan')}</h2>
        {content.plan.length === 0 && <p>{t('plan.empty')}</p>}
        {content.plan.map((group) => (
          <div key={group.key ?? '∅'} className="kk-ketenplan__group">
            <h3>{group.key === null ? t('plan.noPhase') : group.label}</h3>
            <PrintedPlanTable rows={group.rows} subClassName="kk-ketenplan__sub" />
          </div>
        ))}
      </section>

      <section>
        <h2>
          {changes
            ? t('ketenplan.changes', { name: changes.name, date: changes.savedAt })
            : t('ketenplan.noVersion')}
        </h2>
        {!changes && <p>{t('ketenplan.noVersionText')}</p>}
        {changes && changes.lines === null && <p>{t('ketenplan.unreadableVersion')}</p>}
        {changes?.lines && changes.lines.length === 0 && <p>{t('versions.noChanges')}</p>}
        {changes?.lines && changes.lines.length > 0 && (
          <ul>
            {changes.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
