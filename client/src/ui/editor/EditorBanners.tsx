import { useT } from '../../i18n/i18n';
import type { MapSession } from '../../session/MapSession';
import { isSyncError, statusMessageKey } from '../../sync/syncStatus';
import type { useSyncStatus } from './useSyncStatus';

/**
 * The full-width notices under the top bar, most serious first: a doc from a newer app, a renewed
 * link, a participate or view link; a sync error; rows of this device that broke the document's shape. (The
 * storage notice sits under the body instead: it appears mid-edit.) Hidden while presenting (the caller decides).
 */
export function EditorBanners({
  session,
  status,
}: {
  session: MapSession;
  status: ReturnType<typeof useSyncStatus>;
}) {
  const t = useT();
  // Rows of this device that broke the document shape were skipped when the map opened.
  const localInvalid = session.persistence.invalidRows;
  return (
    <>
      {session.model.readOnly ? (
        <p className="kk-banner kk-banner--warning" role="alert">
          {t('error.schemaNewer')}
        </p>
      ) : session.linkRevoked ? (
        <p className="kk-banner kk-banner--error kk-banner--revoked" role="alert">
          <strong>{t('revoked.bannerTitle')}</strong> {t('revoked.banner')}
        </p>
      ) : session.getRecord().shared === 'participate' ? (
        <p className="kk-banner" role="note">
          {t('participate.badge')}
        </p>
      ) : session.readOnly ? (
        <p className="kk-banner" role="note">
          {t('editor.readOnlyHint')}
        </p>
      ) : null}
      {!session.linkRevoked && status && isSyncError(status) && (
        <p className="kk-banner kk-banner--error" role="alert">
          {t(statusMessageKey(status))}
        </p>
      )}
      {localInvalid > 0 && (
        <p className="kk-banner kk-banner--warning" role="alert">
          {t('error.localInvalid')}
        </p>
      )}
    </>
  );
}
