import { useEffect, useState } from 'react';
import { changesContent } from '../../../../../shared/model/changeFeed';
import {
  browserPersistentStorage,
  type PersistentStorageRequest,
} from '../../../persistence/persistentStorage';
import type { MapSession } from '../../../session/MapSession';

/** One request per page: several open maps and remounts share it, so the browser is asked once. */
let pageRequest: PersistentStorageRequest | null = null;

/**
 * After this user's first edit of the map (not a peer's, not a migration), asks the browser to keep
 * the device's storage. Returns whether the one-time explanation of a refusal is showing.
 */
export function usePersistentStorage(session: MapSession): { refused: boolean; dismiss: () => void } {
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    if (session.readOnly) return;
    let alive = true;
    const stop = session.model.onChange((changes, source) => {
      if (source !== 'local' || !changesContent(changes)) return;
      stop();
      pageRequest ??= browserPersistentStorage();
      void pageRequest.afterEdit().then((explain) => alive && explain && setRefused(true));
    });
    return () => {
      alive = false;
      stop();
    };
  }, [session, session.readOnly]);
  return { refused, dismiss: () => setRefused(false) };
}
