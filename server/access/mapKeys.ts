import { createHash, timingSafeEqual } from 'node:crypto';
import { randomId } from '../../shared/randomId';
import type { KeyHash, KeyHashes, MapAccess } from '../storage/MapStore';

/**
 * The three links of a map. `edit` ("Bewerken") changes the map; `participate` ("Deelnemen")
 * comments, reacts, votes and follows but cannot change the map; `view` ("Bekijken") only reads.
 */
export type Role = 'edit' | 'participate' | 'view';

export interface MapKeys {
  editKey: string;
  viewKey: string;
  participateKey: string;
}

/** SHA-256 is enough here: keys carry ≥128 random bits, so there is nothing to brute-force. */
export function hashKey(key: string): KeyHash {
  return new Uint8Array(createHash('sha256').update(key, 'utf8').digest());
}

export function newKeys(): MapKeys {
  return { editKey: randomId(), viewKey: randomId(), participateKey: randomId() };
}

export function keyHashes(keys: MapKeys): KeyHashes {
  return {
    editKeyHash: hashKey(keys.editKey),
    viewKeyHash: hashKey(keys.viewKey),
    participateKeyHash: hashKey(keys.participateKey),
  };
}

function sameHash(a: KeyHash, b: KeyHash): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/** Compared against when a map has no participate key yet, so timing stays the same either way. */
const NO_KEY = new Uint8Array(32);

/** Every hash is always compared, so timing does not reveal which key (if any) matched. */
export function roleForKey(access: MapAccess, key: string): Role | undefined {
  const hash = hashKey(key);
  const isEdit = sameHash(hash, access.editKeyHash);
  const isView = sameHash(hash, access.viewKeyHash);
  const isParticipate =
    sameHash(hash, access.participateKeyHash ?? NO_KEY) && access.participateKeyHash !== null;
  if (isEdit) return 'edit';
  if (isParticipate) return 'participate';
  if (isView) return 'view';
  return undefined;
}
