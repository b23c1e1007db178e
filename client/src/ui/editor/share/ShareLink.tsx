import { useState } from 'react';
import { useT } from '../../../i18n/i18n';
import { QrCode } from './QrCode';

/** One share link: copyable, and as a QR code to scan from across the table. */
export function ShareLink({
  label,
  copyLabel,
  qrLabel,
  value,
}: {
  label: string;
  copyLabel: string;
  qrLabel: string;
  value: string;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="kk-share-link">
      <div className="kk-copy">
        <label className="kk-field">
          <span className="kk-field__label">{label}</span>
          <input readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        </label>
        <button
          type="button"
          className="kk-button"
          aria-label={copyLabel}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? t('share.copied') : t('share.copy')}
        </button>
      </div>
      <QrCode value={value} label={qrLabel} className="kk-share-link__qr" />
    </div>
  );
}
