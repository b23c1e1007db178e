import { useSyncExternalStore } from 'react';
import type { SyncSession } from '../../sync/SyncSession';
import type { SyncStatus } from '../../sync/syncStatus';

const noSubscribe = () => () => {};
const none = () => null;

/** The session's status, or null for a map that is only on this device. */
export function useSyncStatus(sync: SyncSession | null): SyncStatus | null {
  return useSyncExternalStore(sync?.subscribe ?? noSubscribe, sync?.getStatus ?? none);
}
