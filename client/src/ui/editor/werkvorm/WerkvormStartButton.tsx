import { useT } from '../../../i18n/i18n';
import type { Werkvorm } from './useWerkvorm';

/** "Werkvorm starten" in the view bar: for the facilitator, while no session is open (running, paused or ended). */
export function WerkvormStartButton({ werkvorm }: { werkvorm: Werkvorm }) {
  const t = useT();
  if (!werkvorm.leads || werkvorm.session) return null;
  return (
    <button type="button" className="kk-button" title={t('werkvorm.startHint')} onClick={werkvorm.start}>
      {t('werkvorm.start')}
    </button>
  );
}
