import { useEffect, useId, useRef } from 'react';
import { useT } from '../../../i18n/i18n';
import { QrCode } from './QrCode';
import './joinScreen.css';

/**
 * "Doe mee": the participate link (never the edit link: everyone in the room can scan it) as a QR code big enough to scan from the back of the room, for the
 * presenter to put on the projector. Covers the whole window (and asks for full screen); Escape or
 * the close button leaves.
 */
export function JoinScreen({ title, link, onClose }: { title: string; link: string; onClose: () => void }) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    el?.querySelector<HTMLElement>('button')?.focus();
    // Full screen when the browser allows it; the overlay alone covers the window otherwise.
    el?.requestFullscreen?.().catch(() => {});
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, []);
  return (
    <div
      ref={ref}
      className="kk-join-screen"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id={titleId} className="kk-join-screen__title">
        {t('join.title')}
      </h2>
      <p className="kk-join-screen__map">{title}</p>
      <QrCode value={link} label={t('join.qrLabel', { title })} className="kk-join-screen__qr" />
      <p className="kk-join-screen__how">{t('join.how')}</p>
      <p className="kk-join-screen__link">{link}</p>
      <button type="button" className="kk-button kk-join-screen__close" onClick={onClose}>
        {t('join.close')}
      </button>
    </div>
  );
}
