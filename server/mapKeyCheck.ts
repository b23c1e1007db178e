import type { IncomingMessage } from 'node:http';
import { ID_PATTERN } from '../shared/protocol/syncProtocol';
import { hashKey, type Role, roleForKey } from './accessControl';
import { bearerToken, HttpError } from './httpJson';
import type { MapAccess, MapStore } from './storage/MapStore';

/** The map a request's bearer key opens, with the role it gives; throws the HttpError to answer. */
export type MapKeyCheck = (
  req: IncomingMessage,
  mapId: string,
  need?: Role,
) => Promise<{ readonly role: Role; readonly access: MapAccess }>;

const KEYS_REPLACED = 'the keys of this map were replaced; ask for the new link';

/**
 * Checks `Authorization: Bearer <key>` as the sync socket checks `?key=`: a well-formed map id,
 * a stored map, a key of that map (compared in constant time), not older than the map's last
 * rotation; a key the map had before a rotation is told so. `need: 'edit'` refuses the view key.
 */
export function mapKeyCheck(
  store: Pick<MapStore, 'getMapAccess' | 'isRetiredKey'>,
  minKeyVersion: (mapId: string) => number,
): MapKeyCheck {
  return async (req, mapId, need) => {
    const key = bearerToken(req);
    if (!key) {
      throw new HttpError(
        401,
        need === 'edit'
          ? 'send the edit key as "Authorization: Bearer <editKey>"'
          : 'send a key of the map as "Authorization: Bearer <key>"',
      );
    }
    const access = ID_PATTERN.test(mapId) ? await store.getMapAccess(mapId) : undefined;
    if (!access) throw new HttpError(404, 'no such map');
    const role = roleForKey(access, key);
    if (!role) {
      if (await store.isRetiredKey(mapId, hashKey(key))) throw new HttpError(403, KEYS_REPLACED);
      throw new HttpError(
        403,
        need === 'edit' ? 'the edit key is required' : 'this key does not open this map',
      );
    }
    if (access.keyVersion < minKeyVersion(mapId)) throw new HttpError(403, KEYS_REPLACED);
    if (need === 'edit' && role !== 'edit') throw new HttpError(403, 'the edit key is required');
    return { role, access };
  };
}
