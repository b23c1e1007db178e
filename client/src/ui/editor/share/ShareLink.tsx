import { useState } from 'react';
import { useT } from '../../../i18n/i18n';
import { QrCode } from './QrCode';

/** One share link: its role, what it allows, a QR code to scan from across the table, and a copy button. */
export function ShareLink({
  role,
  hint,
  label,
  copyLabel,
  qrLabel,
  value,
}: {
  /** The link's role as the issue of rights: "Bewerken", "Deelnemen", "Bekijken". */
  role: string;
  hint: string;
  label: string;
  copyLabel: string;
  qrLabel: string;
  value: string;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="kk-share-link">
      <h3 className="kk-share-link__role">{role}</h3>
      <p className="kk-muted kk-share-link__hint">{hint}</p>
      <QrCode value={value} label={qrLabel} className="kk-share-link__qr" />
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
    </div>
  );
}
