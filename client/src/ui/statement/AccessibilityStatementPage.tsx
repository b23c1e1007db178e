import { useEffect, useRef } from 'react';
import type { MessageKey } from '../../../../shared/i18n';
import { useT } from '../../i18n/i18n';
import { BrandHeader } from '../common/BrandHeader';
import './statement.css';

/** The known limitations, in the order the statement lists them. */
const LIMITATIONS: readonly MessageKey[] = [
  'statement.limitationDiagram',
  'statement.limitationPictures',
  'statement.limitationPrint',
  'statement.limitationPresence',
  'statement.limitationScreenReader',
];

/**
 * The in-app accessibility statement ("toegankelijkheidsverklaring") of the software. A
 * municipality publishes its own from the template in docs/, with its contact details; this page
 * says what holds for every KetenKaart server.
 */
export function AccessibilityStatementPage() {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // A new page: move focus to its heading so a screen reader starts reading here.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="kk-home">
      <BrandHeader />
      <main className="kk-statement">
        <p>
          <a href="#/">{t('statement.back')}</a>
        </p>
        <h1 ref={heading} tabIndex={-1}>
          {t('statement.title')}
        </h1>
        <p>{t('statement.intro')}</p>
        <h2>{t('statement.statusTitle')}</h2>
        <p>{t('statement.status')}</p>
        <h2>{t('statement.limitationsTitle')}</h2>
        <ul>
          {LIMITATIONS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <h2>{t('statement.howTitle')}</h2>
        <p>{t('statement.how')}</p>
        <h2>{t('statement.reportTitle')}</h2>
        <p>{t('statement.report')}</p>
        <h2>{t('statement.enforcementTitle')}</h2>
        <p>{t('statement.enforcement')}</p>
      </main>
    </div>
  );
}
