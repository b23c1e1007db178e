import { conversationDocId } from '../../shared/protocol/docRooms';
import { randomId } from '../../shared/randomId';
import { hashKey } from '../access/mapKeys';
import type { MapStore } from '../storage/MapStore';

/**
 * A map's conversation doc is stored as a document of its own, under the id
 * `<mapId>/conversation`, in the same store as the maps: the same append-only log, compaction,
 * durability and commit-before-relay. Its access row exists only because the log needs one; its key
 * hashes are of random keys nobody holds, and no socket is ever authorised against it: access to a
 * conversation is decided by the map's own keys (the `Authorizer`). `/` is outside `ID_PATTERN`,
 * so neither `POST /api/maps` nor a sync URL can address that row as a map.
 *
 * The row is created when the map is, and for a map from before conversations on the first join of
 * its conversation room.
 */
export class ConversationDocs {
  /** Conversation docs known to exist (a bounded set would only cost a read more). */
  private readonly known = new Set<string>();

  constructor(private readonly store: MapStore) {}

  /** Makes sure the conversation doc of `mapId` has its row; idempotent and safe under races. */
  async ensure(mapId: string): Promise<void> {
    const id = conversationDocId(mapId);
    if (this.known.has(id)) return;
    if (!(await this.store.getMapAccess(id))) {
      // A concurrent join may create it first: createMap then resolves false, which is fine.
      await this.store.createMap({
        id,
        editKeyHash: hashKey(randomId()),
        viewKeyHash: hashKey(randomId()),
      });
    }
    if (this.known.size > 100_000) this.known.clear();
    this.known.add(id);
  }
}
