import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import type { Identity } from '../../presence/identity';
import type { Peer } from '../../presence/PresenceSession';
import { CompactLegend } from './CompactLegend';
import { PresenceList } from './PresenceList';
import './presentation.css';

/** The one bar of presentation mode: the map's title, a compact legend, who is here, and the way out. */
export function PresentationHeader({
  title,
  municipality,
  me,
  peers,
  onEditMe,
  onFollow,
  onStop,
  workshop,
}: {
  title: string;
  municipality: string;
  me: Identity | null;
  peers: readonly Peer[];
  onEditMe: () => void;
  onFollow?: (clientId: number) => void;
  onStop: () => void;
  /** The timer, readable from the back of the room. */
  workshop?: ReactNode;
}) {
  const t = useT();
  return (
    <header className="kk-present-bar">
      <div className="kk-present-bar__row">
        <div className="kk-present-bar__title">
          <h1>{title}</h1>
          {municipality && <span>{municipality}</span>}
        </div>
        {workshop}
        {me && <PresenceList me={me} peers={peers} onEditMe={onEditMe} onFollow={onFollow} />}
        <button
          type="button"
          className="kk-button"
          title={t('present.stopHint')}
          aria-keyshortcuts="Escape"
          onClick={onStop}
        >
          {t('present.stop')}
        </button>
      </div>
      <CompactLegend />
    </header>
  );
}
