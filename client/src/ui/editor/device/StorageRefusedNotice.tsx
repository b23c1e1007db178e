import { useT } from '../../../i18n/i18n';
import './storageNotice.css';

/**
 * Said once per device when the browser refuses persistent storage: what it means in plain words,
 * and for a map that lives only here, the way out (sharing puts a copy on the server). It sits
 * under the editor's body, not above it: it appears right after an edit, often in the middle of a
 * drag, and the canvas must not move under the pointer (only its bottom edge rises). Polite, not
 * an alert.
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
    <div className="kk-storage-notice" role="status">
      <p>
        <strong>{t('device.storageRefusedTitle')}</strong>{' '}
        {t(localOnly ? 'device.storageRefusedLocal' : 'device.storageRefusedShared')}
      </p>
      <div className="kk-storage-notice__buttons">
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
