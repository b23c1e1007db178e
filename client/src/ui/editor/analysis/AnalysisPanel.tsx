import { useState } from 'react';
import { type Finding, formatFindingMessage, type Severity } from '../../../../../shared/analysis';
import { formatDate } from '../../../../../shared/i18n';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { Dismissal } from '../../../../../shared/model/types';
import { useLocale, useT } from '../../../i18n/i18n';
import { DismissDialog } from './DismissDialog';
import './analysis.css';

interface Props {
  active: readonly Finding[];
  dismissed: readonly { finding: Finding; dismissal: Dismissal }[];
  selectedKey: string | null;
  model: ChainMap;
  readOnly: boolean;
  author: string;
  onShow: (finding: Finding | null) => void;
}

const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low'];

/** "Analyse": what the map shows is wrong with the chain, most serious first. */
export function AnalysisPanel({ active, dismissed, selectedKey, model, readOnly, author, onShow }: Props) {
  const t = useT();
  const locale = useLocale();
  const [dismissing, setDismissing] = useState<Finding | null>(null);
  return (
    <section className="kk-analysis" aria-labelledby="kk-analysis-title">
      <h2 id="kk-analysis-title" className="kk-panel-title">
        {t('analysis.title')}
      </h2>
      <p className="kk-muted kk-analysis__intro">{t('analysis.intro')}</p>
      {active.length === 0 && <p className="kk-analysis__none">{t('analysis.none')}</p>}
      {selectedKey && (
        <button type="button" className="kk-link-button kk-analysis__clear" onClick={() => onShow(null)}>
          {t('analysis.clearHighlight')}
        </button>
      )}
      {SEVERITY_ORDER.map((severity) => {
        const group = active.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} aria-labelledby={`kk-sev-${severity}`}>
            <h3
              id={`kk-sev-${severity}`}
              className={`kk-analysis__severity kk-analysis__severity--${severity}`}
            >
              {t(`severity.${severity}`)} <span className="kk-muted">({group.length})</span>
            </h3>
            <ul className="kk-findings">
              {group.map((finding) => (
                <li
                  key={finding.key}
                  className={`kk-finding kk-finding--${finding.severity}${finding.key === selectedKey ? ' is-selected' : ''}`}
                >
                  <button
                    type="button"
                    className="kk-finding__show"
                    aria-pressed={finding.key === selectedKey}
                    onClick={() => onShow(finding)}
                  >
                    <span className="kk-finding__rule">{t(`rule.${finding.rule}`)}</span>
                    <span className="kk-finding__text">{formatFindingMessage(finding.message, locale)}</span>
                  </button>
                  {!readOnly && (
                    <button
                      type="button"
                      className="kk-link-button kk-finding__dismiss"
                      onClick={() => setDismissing(finding)}
                    >
                      {t('analysis.dismiss')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {dismissed.length > 0 && (
        <details className="kk-analysis__dismissed">
          <summary>{t('analysis.dismissedCount', { count: dismissed.length })}</summary>
          <ul className="kk-findings">
            {dismissed.map(({ finding, dismissal }) => (
              <li key={finding.key} className="kk-finding kk-finding--dismissed">
                <p className="kk-finding__text">{formatFindingMessage(finding.message, locale)}</p>
                <p className="kk-finding__why">
                  {t('analysis.dismissedBy', {
                    by: dismissal.by || t('analysis.someone'),
                    date: dismissal.at ? formatDate(dismissal.at, locale, 'medium') : '—',
                  })}
                  <br />
                  <q>{dismissal.reason}</q>
                </p>
                {!readOnly && (
                  <button
                    type="button"
                    className="kk-button kk-button--small"
                    onClick={() => model.restoreFinding(finding.key)}
                  >
                    {t('analysis.restore')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {dismissing && (
        <DismissDialog
          text={formatFindingMessage(dismissing.message, locale)}
          onCancel={() => setDismissing(null)}
          onDismiss={(reason) => {
            if (dismissing.key === selectedKey) onShow(null);
            model.dismissFinding(dismissing.key, reason, author);
            setDismissing(null);
          }}
        />
      )}
    </section>
  );
}
