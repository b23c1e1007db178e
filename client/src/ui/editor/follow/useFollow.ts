import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { fitViewport, followTarget, openSummons, viewportOf } from '../../../presence/follow';
import type { Peer, PresenceSession } from '../../../presence/PresenceSession';

export interface Follow {
  /** Whom I chose to follow, if anyone, and whose view I see (the end of the chain). */
  readonly leader: Peer | null;
  readonly target: Peer | null;
  follow(clientId: number): void;
  stop(): void;
  /** "Iedereen naar mij" is on. */
  readonly summoning: boolean;
  setSummoning(on: boolean): void;
  /** The first unanswered request to follow a facilitator. */
  readonly request: Peer | null;
  accept(peer: Peer): void;
  decline(peer: Peer): void;
}

/**
 * Following another participant's view through awareness: their published viewport is fitted to
 * this canvas whenever it (or this canvas's size) changes; any pan or zoom of one's own stops it
 * (`stop`, wired to React Flow's user-initiated moves). Requests to follow ("Iedereen naar mij")
 * are answered once each, by following or "Niet nu".
 */
export function useFollow(presence: PresenceSession | null, peers: readonly Peer[]): Follow {
  const [leaderId, setLeaderId] = useState<number | null>(null);
  const [summoning, setSummoningState] = useState(false);
  const [answered, setAnswered] = useState<ReadonlySet<string>>(() => new Set());
  const { setViewport } = useReactFlow();
  const flow = useStoreApi();
  const self = presence?.clientId ?? -1;
  const leader = peers.find((p) => p.clientId === leaderId) ?? null;
  const target = leaderId === null ? null : followTarget(leaderId, peers, self);
  const view = viewportOf(target ?? undefined);
  const viewKey = view ? `${view.x},${view.y},${view.width},${view.height}` : '';

  const follow = useCallback(
    (clientId: number) => {
      setLeaderId(clientId);
      presence?.setFollowing(clientId);
    },
    [presence],
  );
  const stop = useCallback(() => {
    setLeaderId((current) => {
      if (current !== null) presence?.setFollowing(null);
      return null;
    });
  }, [presence]);

  // The leader left: stop, so the banner does not promise a view that no longer moves.
  useEffect(() => {
    if (leaderId !== null && !leader) stop();
  }, [leaderId, leader, stop]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `viewKey` stands for `view`
  useEffect(() => {
    if (!view) return;
    const apply = () => {
      const { width, height, minZoom, maxZoom } = flow.getState();
      if (width > 0 && height > 0)
        void setViewport(fitViewport(view, { width, height }, { minZoom, maxZoom }));
    };
    apply();
    // This canvas resized (entering presentation, a projector): fit the leader's view again.
    return flow.subscribe((s, prev) => {
      if (s.width !== prev.width || s.height !== prev.height) apply();
    });
  }, [viewKey, flow, setViewport]);

  const setSummoning = useCallback(
    (on: boolean) => {
      presence?.setSummoning(on);
      setSummoningState(on);
    },
    [presence],
  );
  const requests = useMemo(() => openSummons(peers, answered), [peers, answered]);
  const answer = (peer: Peer) => {
    const id = peer.summon?.id;
    if (id) setAnswered((prev) => new Set([...prev, id]));
  };
  return {
    leader,
    target,
    follow,
    stop,
    summoning,
    setSummoning,
    request: leaderId === null ? (requests[0] ?? null) : null,
    accept: (peer) => {
      answer(peer);
      follow(peer.clientId);
    },
    decline: answer,
  };
}
