import { useT } from '../../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import '../home/home.css';

/** The header of the pages outside a map (home, accessibility statement): the brand and the language switch. */
export function BrandHeader() {
  const t = useT();
  return (
    <header className="kk-home__header">
      <div className="kk-brand">
        <span className="kk-brand__mark" aria-hidden="true" />
        <span className="kk-brand__name">{t('app.name')}</span>
      </div>
      <LanguageSwitch />
    </header>
  );
}
