import { useId, useState } from 'react';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import { saveVersion } from '../../../../../shared/versions';
import { useT } from '../../../i18n/i18n';
import type { Werkvorm } from './useWerkvorm';

/**
 * After the last step: the facilitator is offered to save the map as a named version ("Na workshop
 * <datum>", through the versions feature) and then closes the Werkvorm; a participant reads that it
 * ended and may hide the band on their own screen.
 */
export function WerkvormEnd({
  werkvorm,
  model,
  onOpenVersions,
}: {
  werkvorm: Werkvorm;
  model: ChainMap;
  onOpenVersions: () => void;
}) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(() => t('werkvorm.versionName', { date: Date.now() }));
  const [saved, setSaved] = useState<string | null>(null);
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  return (
    <section className="kk-werkvorm kk-werkvorm--end" aria-labelledby={`${id}-eyebrow ${id}-title`}>
      <div className="kk-werkvorm__text">
        <p id={`${id}-eyebrow`} className="kk-werkvorm__eyebrow">
          {t('werkvorm.title')}
        </p>
        <h2 id={`${id}-title`} className="kk-werkvorm__title">
          {t(werkvorm.leads ? 'werkvorm.ended' : 'werkvorm.endedParticipant')}
        </h2>
        {saved && (
          <p role="status" className="kk-werkvorm__prompt">
            {t('werkvorm.saved', { name: saved })}
          </p>
        )}
      </div>
      <div className="kk-werkvorm__actions">
        {werkvorm.leads && !saved && (
          <form
            className="kk-werkvorm__save"
            onSubmit={(e) => {
              e.preventDefault();
              const trimmed = name.trim();
              if (!trimmed) return;
              saveVersion(model, trimmed, { now: Date.now() });
              setSaved(trimmed);
            }}
          >
            <label className="kk-field kk-field--inline">
              <span>{t('werkvorm.versionLabel')}</span>
              <input value={name} onChange={(e) => setName(e.target.value)} required />
            </label>
            <button type="submit" className="kk-button kk-button--primary">
              {t('werkvorm.saveVersion')}
            </button>
          </form>
        )}
        {saved && (
          <button type="button" className="kk-button" onClick={onOpenVersions}>
            {t('werkvorm.openVersions')}
          </button>
        )}
        <button
          type="button"
          className="kk-button"
          onClick={() => (werkvorm.leads ? werkvorm.close() : setHidden(true))}
        >
          {t('werkvorm.close')}
        </button>
      </div>
    </section>
  );
}
