import type { DocKind } from '../../shared/protocol/docRooms';
import type { MapAccess } from '../storage/MapStore';
import type { MapKeys, Role } from './mapKeys';

/**
 * A sync socket may open the map's room with `role`; `writes` says whether its document updates are
 * taken (else dropped, as a reader's); `keyVersion` is the version of the keys it used.
 */
export type SyncGrant = { ok: true; role: Role; writes: boolean; keyVersion: number };
/** Refused: the socket is closed with `code` (44xx) and `reason`. */
export type SyncRefusal = { ok: false; code: number; reason: string };

/** An HTTP request's key opens the map with `role`; or it is answered `status`, `message`. */
export type RequestGrant = { ok: true; role: Role; access: MapAccess };
/** `roleTooLow`: the key opens the map, but its role is not the one the request needs. */
export type RequestRefusal = { ok: false; status: number; message: string; roleTooLow?: boolean };

export type KeyRotation =
  | { ok: true; keys: MapKeys; keyVersion: number }
  | { ok: false; status: number; message: string };

/** Refused to create a map: HTTP `status`; `tokenRequired` tells the client to ask for a token. */
export type CreateRefusal = { status: number; message: string; tokenRequired: boolean };

/**
 * Who may do what with a map: the server's whole access policy, behind one interface so HTTP and sync
 * ask the same questions and another policy (an identity provider, say) can replace it.
 *
 * The roles (`Role`): the edit key writes the map doc and the conversation doc and renews the links;
 * the participate key writes the conversation doc only (comments, votes), never the map; the view
 * key writes nothing. Every role may send awareness (cursors, follow).
 *
 * Invariants:
 * - A key is never stored or logged; only its hash is compared.
 * - A grant's `writes` is the only thing the rooms consult before taking a socket's update.
 * - After `rotateKeys` resolved, or `revoke` was called (a rotation heard from another process), no
 *   socket authorised with an older key version is `isCurrent`, and no new one is granted with it.
 */
export interface Authorizer {
  /** A socket of the map's `doc` room (`docRooms.ts`): the map doc or its conversation doc. */
  authorizeSync(mapId: string, key: string | null, doc?: DocKind): Promise<SyncGrant | SyncRefusal>;
  /**
   * A request's bearer key, checked as a sync socket's `?key=` (the same map, role, retired keys and
   * key versions); `need: 'edit'` refuses the participate and view keys (`roleTooLow`).
   */
  authorizeRequest(
    mapId: string,
    key: string | undefined,
    need?: Role,
  ): Promise<RequestGrant | RequestRefusal>;
  /** False once the map's keys were replaced after the socket was authorised with `keyVersion`. */
  isCurrent(mapId: string, keyVersion: number): boolean;
  /** Replaces all three keys (edit, participate, view) when `key` is the map's edit key. */
  rotateKeys(mapId: string, key: string | undefined): Promise<KeyRotation>;
  /** Records a rotation made elsewhere (another process), so sockets here are checked against it. */
  revoke(mapId: string, keyVersion: number): void;
  /** Undefined when `bearer` may create maps, else why not. */
  refuseCreate(bearer: string | undefined): CreateRefusal | undefined;
}
