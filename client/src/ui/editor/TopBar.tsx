import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import type { Identity } from '../../presence/identity';
import type { Peer } from '../../presence/PresenceSession';
import type { SyncStatus } from '../../sync/syncStatus';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { PresenceList } from './PresenceList';
import { StatusIndicator } from './StatusIndicator';
import './topBar.css';

interface Props {
  title: string;
  municipality: string;
  status: SyncStatus | null;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  me: Identity | null;
  peers: readonly Peer[];
  onUndo: () => void;
  onRedo: () => void;
  onShare: () => void;
  onEditMe: () => void;
  onFollow?: (clientId: number) => void;
  /** Workshop controls beside who is here ("Iedereen naar mij", the timer). */
  workshop?: ReactNode;
}

export function TopBar(p: Props) {
  const t = useT();
  return (
    <header className="kk-topbar">
      <a className="kk-topbar__home" href="#/" aria-label={t('editor.home')}>
        <span className="kk-brand__mark" aria-hidden="true" />
        <span className="kk-topbar__home-text">{t('editor.home')}</span>
      </a>
      {/* The title gives way first (ellipsis); hovering shows it whole, with the municipality. */}
      <div className="kk-topbar__title" title={p.municipality ? `${p.title} — ${p.municipality}` : p.title}>
        <h1>{p.title}</h1>
        {p.municipality && <span className="kk-muted">{p.municipality}</span>}
        {p.readOnly && <span className="kk-badge kk-badge--view">{t('editor.readOnly')}</span>}
      </div>
      <StatusIndicator status={p.status} />
      <div className="kk-topbar__spacer" />
      {p.workshop}
      {p.me && <PresenceList me={p.me} peers={p.peers} onEditMe={p.onEditMe} onFollow={p.onFollow} />}
      {!p.readOnly && (
        <div className="kk-topbar__group" role="toolbar" aria-label={t('editor.toolbar')}>
          <button
            type="button"
            className="kk-icon-button"
            aria-label={t('editor.undo')}
            title={`${t('editor.undo')} (Ctrl+Z)`}
            aria-keyshortcuts="Control+Z"
            disabled={!p.canUndo}
            onClick={p.onUndo}
          >
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path
                d="M9 7H4V2M4 7l3.5-3.5A8 8 0 1 1 4.3 13"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              />
            </svg>
          </button>
          <button
            type="button"
            className="kk-icon-button"
            aria-label={t('editor.redo')}
            title={`${t('editor.redo')} (Ctrl+Shift+Z)`}
            aria-keyshortcuts="Control+Shift+Z Control+Y"
            disabled={!p.canRedo}
            onClick={p.onRedo}
          >
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path
                d="M15 7h5V2M20 7l-3.5-3.5A8 8 0 1 0 19.7 13"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              />
            </svg>
          </button>
        </div>
      )}
      {!p.readOnly && (
        <button type="button" className="kk-button kk-button--primary" onClick={p.onShare}>
          {t('editor.share')}
        </button>
      )}
      <LanguageSwitch />
    </header>
  );
}
