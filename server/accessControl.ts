import { createHash, timingSafeEqual } from 'node:crypto';
import { randomId } from '../shared/randomId';
import type { KeyHash, MapAccess } from './storage/MapStore';

export type Role = 'edit' | 'view';

export interface MapKeys {
  editKey: string;
  viewKey: string;
}

/** SHA-256 is enough here: keys carry ≥128 random bits, so there is nothing to brute-force. */
export function hashKey(key: string): KeyHash {
  return new Uint8Array(createHash('sha256').update(key, 'utf8').digest());
}

export function newKeys(): MapKeys {
  return { editKey: randomId(), viewKey: randomId() };
}

function sameHash(a: KeyHash, b: KeyHash): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/** Both hashes are always compared, so timing does not reveal which key (if any) matched. */
export function roleForKey(access: MapAccess, key: string): Role | undefined {
  const hash = hashKey(key);
  const isEdit = sameHash(hash, access.editKeyHash);
  const isView = sameHash(hash, access.viewKeyHash);
  if (isEdit) return 'edit';
  if (isView) return 'view';
  return undefined;
}
