import { useSyncExternalStore } from 'react';
import { useT } from '../i18n/i18n';
import { applyUpdate, subscribeToUpdate, updateWaiting } from './registerServiceWorker';
import './updateNotice.css';

/** A small notice once a newer version of the app is installed; clicking it loads that version. */
export function UpdateNotice() {
  const t = useT();
  const available = useSyncExternalStore(subscribeToUpdate, updateWaiting, () => false);
  if (!available) return null;
  return (
    <div className="kk-update-notice" role="status">
      <button type="button" className="kk-button kk-button--primary" onClick={applyUpdate}>
        {t('update.available')}
      </button>
    </div>
  );
}
