import type { IncomingMessage } from 'node:http';
import type { Authorizer } from './access/Authorizer';
import type { Role } from './access/mapKeys';
import { bearerToken, HttpError } from './httpJson';
import type { MapAccess } from './storage/MapStore';

/** The map a request's bearer key opens, with the role it gives; throws the HttpError to answer. */
export type MapKeyCheck = (
  req: IncomingMessage,
  mapId: string,
  need?: Role,
) => Promise<{ readonly role: Role; readonly access: MapAccess }>;

/** The key opens the map, but with a role below the one the request needs (a participate key importing). */
export class RoleTooLow extends HttpError {}

/**
 * `Authorization: Bearer <key>` checked by the server's `Authorizer`, as the sync socket's `?key=`
 * is (a key the map had before a rotation is told so, on every node); `need: 'edit'` refuses the
 * participate and view keys with `RoleTooLow`.
 */
export function mapKeyCheck(authorizer: Pick<Authorizer, 'authorizeRequest'>): MapKeyCheck {
  return async (req, mapId, need) => {
    const grant = await authorizer.authorizeRequest(mapId, bearerToken(req), need);
    if (!grant.ok) {
      throw grant.roleTooLow
        ? new RoleTooLow(grant.status, grant.message)
        : new HttpError(grant.status, grant.message);
    }
    return { role: grant.role, access: grant.access };
  };
}
