import { createHash, timingSafeEqual } from 'node:crypto';
import type { DocKind } from '../../shared/protocol/docRooms';
import {
  CLOSE_FORBIDDEN,
  CLOSE_KEY_REVOKED,
  CLOSE_NOT_FOUND,
  CLOSE_UNAUTHORIZED,
  ID_PATTERN,
} from '../../shared/protocol/syncProtocol';
import { LruMap } from '../LruMap';
import type { MapStore } from '../storage/MapStore';
import type {
  Authorizer,
  CreateRefusal,
  KeyRotation,
  RequestGrant,
  RequestRefusal,
  SyncGrant,
  SyncRefusal,
} from './Authorizer';
import { hashKey, keyHashes, newKeys, type Role, roleForKey } from './mapKeys';

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Maps whose rotation this process remembers (a rotation older than that is in the store anyway). */
const REMEMBERED_ROTATIONS = 100_000;

export const KEYS_REPLACED = 'the keys of this map were replaced; ask for the new link';

/**
 * Which documents a role writes: the map doc only with the edit key; the conversation doc (comments,
 * votes) with the edit and the participate key. Everything else a key holder sends is dropped.
 */
const WRITES: Readonly<Record<Role, ReadonlySet<DocKind>>> = {
  edit: new Set(['map', 'conversation']),
  participate: new Set(['conversation']),
  view: new Set(),
};

/** What a request's `need` admits: a role admits itself and every role below it. */
const RANK: Readonly<Record<Role, number>> = { view: 0, participate: 1, edit: 2 };
const ROLE_REQUIRED: Readonly<Record<Role, string>> = {
  edit: 'the edit key is required',
  participate: 'the edit or participate key is required',
  view: 'a key of the map is required',
};

/**
 * The policy of capability links: the edit key edits, the participate key comments and votes (the
 * conversation doc, never the map doc), the view key reads; the store holds their hashes and a key
 * version that every rotation bumps. A map from before the participate key has none (its hash is
 * null) until its next rotation. The store is the truth for new sockets; the
 * versions remembered here (from this process's rotations and those the relay reports) close the
 * window in which a socket read the old version just before a rotation committed.
 * An optional server-wide token guards map creation.
 */
export class KeyAuthorizer implements Authorizer {
  private readonly minKeyVersion = new LruMap<string, number>(REMEMBERED_ROTATIONS);
  private readonly tokenHash: Buffer | undefined;

  constructor(
    private readonly store: MapStore,
    createMapsToken?: string,
  ) {
    this.tokenHash = createMapsToken ? sha256(createMapsToken) : undefined;
  }

  async authorizeSync(
    mapId: string,
    key: string | null,
    doc: DocKind = 'map',
  ): Promise<SyncGrant | SyncRefusal> {
    if (!key) return refuse(CLOSE_UNAUTHORIZED, 'a key is required: /sync/<mapId>?key=<key>');
    const access = await this.store.getMapAccess(mapId);
    if (!access) return refuse(CLOSE_NOT_FOUND, 'no such map');
    const role = roleForKey(access, key);
    if (!role) {
      // A key this map had before a rotation: the holder needs the new link, and is told so (4410).
      // Read from the store, so a rotation on any node is answered alike.
      if (await this.store.isRetiredKey(mapId, hashKey(key))) return refuse(CLOSE_KEY_REVOKED, KEYS_REPLACED);
      return refuse(CLOSE_FORBIDDEN, 'this key does not open this map');
    }
    if (!this.isCurrent(mapId, access.keyVersion)) return refuse(CLOSE_KEY_REVOKED, KEYS_REPLACED);
    return { ok: true, role, writes: WRITES[role].has(doc), keyVersion: access.keyVersion };
  }

  async authorizeRequest(
    mapId: string,
    key: string | undefined,
    need?: Role,
  ): Promise<RequestGrant | RequestRefusal> {
    if (!key) {
      const what =
        need === 'edit'
          ? 'the edit key as "Authorization: Bearer <editKey>"'
          : 'a key of the map as "Authorization: Bearer <key>"';
      return { ok: false, status: 401, message: `send ${what}` };
    }
    const access = ID_PATTERN.test(mapId) ? await this.store.getMapAccess(mapId) : undefined;
    if (!access) return { ok: false, status: 404, message: 'no such map' };
    const role = roleForKey(access, key);
    if (!role) {
      if (await this.store.isRetiredKey(mapId, hashKey(key)))
        return { ok: false, status: 403, message: KEYS_REPLACED };
      const message = need === 'edit' ? 'the edit key is required' : 'this key does not open this map';
      return { ok: false, status: 403, message };
    }
    if (!this.isCurrent(mapId, access.keyVersion)) return { ok: false, status: 403, message: KEYS_REPLACED };
    if (need && RANK[role] < RANK[need])
      return { ok: false, status: 403, message: ROLE_REQUIRED[need], roleTooLow: true };
    return { ok: true, role, access };
  }

  isCurrent(mapId: string, keyVersion: number): boolean {
    return keyVersion >= (this.minKeyVersion.get(mapId) ?? 0);
  }

  async rotateKeys(mapId: string, key: string | undefined): Promise<KeyRotation> {
    if (!key)
      return { ok: false, status: 401, message: 'send the edit key as "Authorization: Bearer <editKey>"' };
    const access = await this.store.getMapAccess(mapId);
    if (!access) return { ok: false, status: 404, message: 'no such map' };
    if (roleForKey(access, key) !== 'edit')
      return { ok: false, status: 403, message: 'the edit key is required' };
    const keys = newKeys();
    const rotated = await this.store.rotateKeys(mapId, keyHashes(keys));
    if (!rotated) return { ok: false, status: 404, message: 'no such map' };
    this.revoke(mapId, rotated.keyVersion);
    return { ok: true, keys, keyVersion: rotated.keyVersion };
  }

  revoke(mapId: string, keyVersion: number): void {
    if (keyVersion > (this.minKeyVersion.get(mapId) ?? 0)) this.minKeyVersion.set(mapId, keyVersion);
  }

  refuseCreate(bearer: string | undefined): CreateRefusal | undefined {
    if (!this.tokenHash) return undefined;
    if (!bearer) {
      return {
        status: 401,
        message: 'this server requires a token to create maps: "Authorization: Bearer <token>"',
        tokenRequired: true,
      };
    }
    if (!timingSafeEqual(sha256(bearer), this.tokenHash)) {
      return { status: 403, message: 'this token does not allow creating maps', tokenRequired: true };
    }
    return undefined;
  }
}

const refuse = (code: number, reason: string): SyncRefusal => ({ ok: false, code, reason });
