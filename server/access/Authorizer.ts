import type { MapKeys, Role } from '../accessControl';
import type { MapAccess } from '../storage/MapStore';

/** A sync socket may open the map with `role`; `keyVersion` is the version of the keys it used. */
export type SyncGrant = { ok: true; role: Role; keyVersion: number };
/** Refused: the socket is closed with `code` (44xx) and `reason`. */
export type SyncRefusal = { ok: false; code: number; reason: string };

/** An HTTP request's key opens the map with `role`; or it is answered `status`, `message`. */
export type RequestGrant = { ok: true; role: Role; access: MapAccess };
export type RequestRefusal = { ok: false; status: number; message: string };

export type KeyRotation =
  | { ok: true; keys: MapKeys; keyVersion: number }
  | { ok: false; status: number; message: string };

/** Refused to create a map: HTTP `status`; `tokenRequired` tells the client to ask for a token. */
export type CreateRefusal = { status: number; message: string; tokenRequired: boolean };

/**
 * Who may do what with a map: the server's whole access policy, behind one interface so HTTP and sync
 * ask the same questions and another policy (an identity provider, say) can replace it.
 *
 * Invariants:
 * - A key is never stored or logged; only its hash is compared.
 * - After `rotateKeys` resolved, or `revoke` was called (a rotation heard from another process), no
 *   socket authorised with an older key version is `isCurrent`, and no new one is granted with it.
 */
export interface Authorizer {
  authorizeSync(mapId: string, key: string | null): Promise<SyncGrant | SyncRefusal>;
  /**
   * A request's bearer key, checked as a sync socket's `?key=` (the same map, role, retired keys and
   * key versions); `need: 'edit'` refuses the view key.
   */
  authorizeRequest(
    mapId: string,
    key: string | undefined,
    need?: Role,
  ): Promise<RequestGrant | RequestRefusal>;
  /** False once the map's keys were replaced after the socket was authorised with `keyVersion`. */
  isCurrent(mapId: string, keyVersion: number): boolean;
  /** Replaces both keys when `key` is the map's edit key. */
  rotateKeys(mapId: string, key: string | undefined): Promise<KeyRotation>;
  /** Records a rotation made elsewhere (another process), so sockets here are checked against it. */
  revoke(mapId: string, keyVersion: number): void;
  /** Undefined when `bearer` may create maps, else why not. */
  refuseCreate(bearer: string | undefined): CreateRefusal | undefined;
}
