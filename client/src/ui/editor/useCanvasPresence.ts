import { useEffect, useMemo, useRef } from 'react';
import type { CanvasStore } from '../../canvas/CanvasStore';
import type { Identity } from '../../presence/identity';
import { type Peer, PresenceSession, peerDrags, peerSelections } from '../../presence/PresenceSession';
import type { MapSession } from '../../session/MapSession';
import { usePeers } from './usePeers';

/**
 * Presence for the open map, wired to the canvas: our selection and live drags go out, peers'
 * selections and drags come in. No presence without a sync connection (a local map) or before the
 * participant has chosen a name.
 */
export function useCanvasPresence(
  session: MapSession,
  store: CanvasStore,
  identity: Identity | null,
): { presence: PresenceSession | null; peers: Peer[] } {
  const awareness = session.sync?.awareness ?? null;
  const readOnly = session.readOnly;
  // Identity changes are pushed with setIdentity below; the session is made once one exists.
  const hasIdentity = identity !== null;
  const identityRef = useRef(identity);
  identityRef.current = identity;
  const presence = useMemo(
    () =>
      awareness && hasIdentity && identityRef.current
        ? new PresenceSession(awareness, identityRef.current, readOnly)
        : null,
    [awareness, readOnly, hasIdentity],
  );
  useEffect(() => () => presence?.destroy(), [presence]);
  useEffect(() => {
    if (presence && identity) presence.setIdentity(identity);
  }, [presence, identity]);

  const peers = usePeers(presence);
  useEffect(() => {
    if (!presence) return;
    const stopSelection = store.subscribeSelection((ids) => presence.setSelection(ids));
    const stopDrag = store.subscribeLocalDrag((drag) => presence.setDrag(drag));
    return () => {
      stopSelection();
      stopDrag();
    };
  }, [store, presence]);
  useEffect(() => {
    store.setPeerSelections(peerSelections(peers));
    store.setPeerDrags(peerDrags(peers));
  }, [store, peers]);
  return { presence, peers };
}
