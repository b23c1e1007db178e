import { useT } from '../../../i18n/i18n';
import type { Follow } from './useFollow';

/** "Iedereen naar mij" for a facilitator (edit link): on until stopped, so latecomers are asked too. */
export function SummonButton({ follow }: { follow: Follow }) {
  const t = useT();
  return (
    <button
      type="button"
      className={`kk-button${follow.summoning ? ' kk-button--primary' : ''}`}
      aria-pressed={follow.summoning}
      title={t('follow.summonHint')}
      onClick={() => follow.setSummoning(!follow.summoning)}
    >
      {follow.summoning ? t('follow.summonStop') : t('follow.summon')}
    </button>
  );
}
