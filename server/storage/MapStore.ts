/**
 * Durable storage of maps: access metadata plus an append-only log of Yjs updates per map.
 *
 * Invariants every implementation keeps (pinned by `mapStoreContract.ts`):
 * - Only key hashes are ever stored; raw keys never reach the store.
 * - The update log is append-only except for `compact`, which replaces a prefix of the log by one row
 *   atomically, so a crash at any moment leaves a loadable map with the same content.
 * - A resolved `appendUpdates` means the rows are durable (per the store's configured sync level).
 * - Seqs are per map and have no holes: an append of n rows numbers them last+1 … last+n, even when
 *   several processes append to the same map at once. A node that relays updates between processes
 *   relies on this to notice a message it missed (a gap) and read the missing rows back.
 * - Appending to a map that does not exist rejects and stores nothing.
 * - The log's row count and bytes are the store's, counted in the append's transaction: the same for
 *   every process, so a compaction threshold and the document-size limit hold per map across nodes.
 *
 * Promise-based: the SQLite and memory stores answer at once, the PostgreSQL one over the network.
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

export interface AppendResult {
  /** Seq of the last row appended; the first is `seq - updates.length + 1`. */
  seq: number;
  /** Rows in the map's log after this append, counted by the store (every process's rows). */
  rows: number;
  /** Bytes of the rows in the map's log after this append, counted by the store. */
  bytes: number;
}

export interface AppendOptions {
  /**
   * Refuse the append (with `MapFullError`, storing nothing) when the log would hold more bytes than
   * this. Checked in the append's transaction, so it holds for every process sharing the store.
   */
  maxBytes?: number;
}

/** `code` of the error an append over `maxBytes` rejects with (also across the SQLite writer thread). */
export const MAP_FULL = 'KK_MAP_FULL';

export class MapFullError extends Error {
  readonly code = MAP_FULL;
  constructor(id: string, bytes: number, maxBytes: number) {
    super(`map ${id} would hold ${bytes} bytes, over its limit of ${maxBytes}`);
  }
}

export const isMapFull = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === MAP_FULL;

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
  /**
   * The rows of the map's log with `seq > afterSeq` (all by default) in `seq` order, read in one
   * consistent snapshot. After a compaction the first row may hold the state of rows up to its seq.
   */
  loadUpdates(id: string, afterSeq?: number): Promise<StoredUpdate[]>;
  /** Appends in order, in one transaction. */
  appendUpdates(id: string, updates: readonly Uint8Array[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Atomically deletes every row with `seq <= upToSeq` and stores `compacted` in their place (at seq
   * `upToSeq`). A store shared by several processes runs one compaction of a map at a time and may
   * skip one that another process is running (the log is then left as it was).
   */
  compact(id: string, upToSeq: number, compacted: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
