import { useSyncExternalStore } from 'react';
import type { Peer, PresenceSession } from '../../presence/PresenceSession';

const NONE: Peer[] = [];
const noSubscribe = () => () => {};
const none = () => NONE;

export function usePeers(presence: PresenceSession | null): Peer[] {
  return useSyncExternalStore(presence?.subscribe ?? noSubscribe, presence?.getPeers ?? none);
}
