import { useT } from '../../../i18n/i18n';
import { Dialog } from '../../common/Dialog';

/** Confirms "Terugzetten": says that it is a new, undoable change and that history stays complete. */
export function RestoreDialog({
  name,
  date,
  onCancel,
  onRestore,
}: {
  name: string;
  date: string;
  onCancel: () => void;
  onRestore: () => void;
}) {
  const t = useT();
  return (
    <Dialog title={t('versions.restoreTitle')} onClose={onCancel}>
      <p>{t('versions.restoreText', { name, date })}</p>
      <div className="kk-dialog__actions">
        <button type="button" className="kk-button" onClick={onCancel}>
          {t('home.cancel')}
        </button>
        <button type="button" className="kk-button kk-button--primary" onClick={onRestore}>
          {t('versions.restoreConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
