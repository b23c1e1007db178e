/**
 * Durable storage of maps: access metadata plus an append-only log of Yjs updates per map.
 *
 * Invariants every implementation keeps (pinned by `mapStoreContract.ts`):
 * - Only key hashes are ever stored; raw keys never reach the store.
 * - The update log is append-only except for `compact`, which replaces a prefix of the log by one row
 *   atomically, so a crash at any moment leaves a loadable map with the same content.
 * - A resolved `appendUpdates` means the rows are durable (per the store's configured sync level).
 *
 * Promise-based so a networked implementation (PostgreSQL) can follow; the SQLite one resolves at once.
 */

export type KeyHash = Uint8Array;

export interface MapAccess {
  id: string;
  editKeyHash: KeyHash;
  viewKeyHash: KeyHash;
  /**
   * The participate ("Deelnemen") key: may write the map's conversation doc, not the map. Null for a
   * map created before that role existed, until its next rotation.
   */
  participateKeyHash: KeyHash | null;
  /** Increases by one on every rotation; lets the server reject sockets authorised before a rotation. */
  keyVersion: number;
  createdAt: number;
}

export interface NewMap {
  id: string;
  editKeyHash: KeyHash;
  viewKeyHash: KeyHash;
  participateKeyHash?: KeyHash;
}

/** The three key hashes a rotation installs. */
export interface KeyHashes {
  editKeyHash: KeyHash;
  viewKeyHash: KeyHash;
  participateKeyHash: KeyHash;
}

export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
}

export interface MapStore {
  /** Resolves `false` (and changes nothing) when the id is taken. */
  createMap(map: NewMap): Promise<boolean>;
  getMapAccess(id: string): Promise<MapAccess | undefined>;
  /**
   * Replaces the three key hashes and bumps `keyVersion`; resolves `undefined` for an unknown map. The
   * replaced hashes become retired (see `isRetiredKey`) in the same commit.
   */
  rotateKeys(id: string, keys: KeyHashes): Promise<MapAccess | undefined>;
  /**
   * Whether `keyHash` was one of the map's keys before one of its recent rotations (at least the last
   * 20): the server then says "renewed" instead of "unknown key". False for current keys.
   */
  isRetiredKey(id: string, keyHash: KeyHash): Promise<boolean>;
  /** All rows of the map's log in `seq` order (read in one consistent snapshot). */
  loadUpdates(id: string): Promise<StoredUpdate[]>;
  /** Appends in order, in one transaction; resolves the seq of the last row. */
  appendUpdates(id: string, updates: readonly Uint8Array[]): Promise<number>;
  /** Atomically deletes every row with `seq <= upToSeq` and stores `compacted` in their place. */
  compact(id: string, upToSeq: number, compacted: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
