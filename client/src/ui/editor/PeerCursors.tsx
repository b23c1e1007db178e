import { ViewportPortal } from '@xyflow/react';
import type { Peer } from '../../presence/PresenceSession';

/** Other participants' pointers, placed in flow coordinates so they stay put while anyone zooms. */
export function PeerCursors({ peers }: { peers: readonly Peer[] }) {
  return (
    <ViewportPortal>
      {peers
        .filter((p) => p.cursor)
        .map((peer) => (
          <div
            key={peer.clientId}
            className="kk-cursor"
            data-testid="peer-cursor"
            style={{ transform: `translate(${peer.cursor!.x}px, ${peer.cursor!.y}px)` }}
          >
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
              <path
                d="M1 1l6 15 2-6 6-2z"
                style={{ fill: peer.user.colour, stroke: 'var(--kk-white)' }}
                strokeWidth="1.2"
              />
            </svg>
            <span className="kk-cursor__name" style={{ background: peer.user.colour }}>
              {peer.user.name}
            </span>
          </div>
        ))}
    </ViewportPortal>
  );
}
