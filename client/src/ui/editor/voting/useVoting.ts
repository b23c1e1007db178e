import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import { activeKey } from '../../../session/linkRevocation';
import type { MapSession } from '../../../session/MapSession';
import { VoteSession as Session, type VoteSession, type VoteSnapshot } from '../../../voting/VoteSession';
import { serverOrigin } from '../../appServices';

export interface Voting {
  /** Null for a map on this device only: voting needs the server. */
  readonly session: VoteSession | null;
  readonly snapshot: VoteSnapshot | null;
}

export const VotingContext = createContext<Voting>({ session: null, snapshot: null });

export function useVotingContext(): Voting {
  return useContext(VotingContext);
}

const NO_SNAPSHOT = () => null;
const NO_SUBSCRIBE = () => () => {};

/** The open map's dot voting: one VoteSession per session and link, its feed open while mounted. */
export function useVoting(session: MapSession): Voting {
  const record = session.getRecord();
  const key = activeKey(record);
  const role = record.shared === 'local' ? null : record.shared;
  const serverUrl = record.serverUrl ?? serverOrigin();
  const voteSession = useMemo(
    () =>
      key && role && !session.linkRevoked ? new Session({ serverUrl, mapId: record.id, key, role }) : null,
    [record.id, key, role, serverUrl, session.linkRevoked],
  );
  useEffect(() => {
    if (!voteSession) return;
    voteSession.open();
    const online = () => voteSession.open();
    const offline = () => voteSession.close();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      voteSession.destroy();
    };
  }, [voteSession]);
  const snapshot = useSyncExternalStore(
    voteSession?.subscribe ?? NO_SUBSCRIBE,
    voteSession?.getSnapshot ?? NO_SNAPSHOT,
  );
  return useMemo(() => ({ session: voteSession, snapshot }), [voteSession, snapshot]);
}
