import { useT } from '../../../i18n/i18n';
import type { ImportProgress } from '../../../interchange/importProgress';

/** The import's one bar over its stages, with the stage in words ("Bestand lezen", …). */
export function ImportProgressBar({ progress }: { progress: ImportProgress | null }) {
  const t = useT();
  const percent = Math.round((progress?.overall ?? 0) * 100);
  return (
    <div className="kk-import__progress">
      <div
        className="kk-progress"
        role="progressbar"
        aria-label={t('import.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={
          progress ? `${t(`interchange.stage.${progress.stage}`)} — ${percent}%` : t('import.busy')
        }
      >
        <div className="kk-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="kk-muted" aria-live="polite">
        {progress ? t(`interchange.stage.${progress.stage}`) : t('import.busy')}
      </p>
    </div>
  );
}
