import { useCallback, useMemo } from 'react';
import type { Peer, PresenceSession } from '../../presence/PresenceSession';
import { peersEditing } from '../../presence/PresenceSession';
import type { MapSession } from '../../session/MapSession';
import type { LiveTextServices } from '../common/liveTextServices';

/**
 * The live text inputs' services for the open map: Ctrl+Z in a field is the map's undo, our caret
 * goes out through presence, and each field learns which peers type in it. `undo` and
 * `announceCaret` keep their identity while peers come and go: inputs bind once per field, and a
 * rebind on every presence change would announce, re-render and rebind for ever.
 */
export function useFieldPresence(
  session: MapSession,
  presence: PresenceSession | null,
  peers: readonly Peer[],
): LiveTextServices {
  const announceCaret = useCallback<NonNullable<LiveTextServices['announceCaret']>>(
    (field, caret) => presence?.setEditing(caret ? { field, ...caret } : null),
    [presence],
  );
  return useMemo(
    () => ({
      undo: session.undoManager,
      announceCaret,
      editors: (field) =>
        peersEditing(peers, field).map((p) => ({
          key: p.clientId,
          name: p.user.name,
          colour: p.user.colour,
        })),
    }),
    [session, announceCaret, peers],
  );
}
