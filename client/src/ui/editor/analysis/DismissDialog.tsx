import { useState } from 'react';
import { useT } from '../../../i18n/i18n';
import { Dialog } from '../../common/Dialog';

/** Asks why a finding is set aside; the reason is stored with it and shown to everyone. */
export function DismissDialog({
  text,
  onCancel,
  onDismiss,
}: {
  text: string;
  onCancel: () => void;
  onDismiss: (reason: string) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <Dialog title={t('analysis.dismissTitle')} onClose={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) onDismiss(reason.trim());
        }}
      >
        <p className="kk-dialog__quote">{text}</p>
        <label className="kk-field">
          <span>{t('analysis.dismissReason')}</span>
          <textarea value={reason} rows={3} required onChange={(e) => setReason(e.target.value)} />
        </label>
        <p className="kk-muted">{t('analysis.dismissHint')}</p>
        <div className="kk-dialog__actions">
          <button type="button" className="kk-button" onClick={onCancel}>
            {t('home.cancel')}
          </button>
          <button type="submit" className="kk-button kk-button--primary" disabled={!reason.trim()}>
            {t('analysis.dismissConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
