import { useT } from '../../../i18n/i18n';

export function PrintMapButton({ onPrint }: { onPrint: () => void }) {
  const t = useT();
  return (
    <button type="button" className="kk-button" title={t('print.mapHint')} onClick={onPrint}>
      {t('print.map')}
    </button>
  );
}
