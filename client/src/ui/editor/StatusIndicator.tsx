import { useT } from '../../i18n/i18n';
import { isSyncError, type SyncStatus, statusMessageKey } from '../../sync/syncStatus';

/** Always tells the truth about where the user's changes are. Null status: a map only on this device. */
export function StatusIndicator({ status }: { status: SyncStatus | null }) {
  const t = useT();
  const state = status ?? 'local';
  const text = t(`status.${state}`);
  const hint =
    status === 'offline'
      ? t('status.offlineHint')
      : status === 'unreachable'
        ? t('status.unreachableHint')
        : status && isSyncError(status)
          ? t(statusMessageKey(status))
          : undefined;
  return (
    <output
      className={`kk-status kk-status--${state}`}
      aria-live="polite"
      aria-label={t('status.label')}
      data-status={state}
      title={hint}
    >
      <span className="kk-status__dot" aria-hidden="true" />
      <span className="kk-status__text">{text}</span>
    </output>
  );
}
