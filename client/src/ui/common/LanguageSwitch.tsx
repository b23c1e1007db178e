import { setLocale, useLocale, useT } from '../../i18n/i18n';

export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  return (
    <button
      type="button"
      className="kk-button kk-button--ghost"
      aria-label={t('lang.switchLabel')}
      lang={locale === 'nl' ? 'en' : 'nl'}
      onClick={() => setLocale(locale === 'nl' ? 'en' : 'nl')}
    >
      {t('lang.switch')}
    </button>
  );
}
