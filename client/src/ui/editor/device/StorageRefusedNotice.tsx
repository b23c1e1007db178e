import { useT } from '../../../i18n/i18n';

/**
 * Said once per device when the browser refuses persistent storage: what it means in plain words,
 * and for a map that lives only here, the way out (sharing puts a copy on the server).
 */
export function StorageRefusedNotice({
  localOnly,
  onShare,
  onDismiss,
}: {
  localOnly: boolean;
  onShare: () => void;
  onDismiss: () => void;
}) {
  const t = useT();
  return (
    <div className="kk-banner kk-banner--warning kk-banner--actions" role="alert">
      <p>
        <strong>{t('device.storageRefusedTitle')}</strong>{' '}
        {t(localOnly ? 'device.storageRefusedLocal' : 'device.storageRefusedShared')}
      </p>
      <div className="kk-banner__buttons">
        {localOnly && (
          <button type="button" className="kk-button kk-button--primary kk-button--small" onClick={onShare}>
            {t('device.shareMap')}
          </button>
        )}
        <button type="button" className="kk-button kk-button--small" onClick={onDismiss}>
          {t('device.understood')}
        </button>
      </div>
    </div>
  );
}
