import {
  type AppendOptions,
  type AppendResult,
  type KeyHash,
  type KeyHashes,
  type MapAccess,
  MapFullError,
  type MapStore,
  type NewMap,
  type StoredUpdate,
} from './MapStore';
import { RETIRED_KEY_VERSIONS } from './sqliteWriterCore.mjs';

interface StoredMap {
  access: MapAccess;
  log: StoredUpdate[];
  /** Retired key hashes (hex) with the key version they belonged to. */
  retired: Map<string, number>;
}

/**
 * What a MemoryMapStore keeps. Shared by the stores opened on it, so a test can "reopen" a store and
 * see what the closed one had committed, as with a file or a database.
 */
export class MemoryBacking {
  readonly maps = new Map<string, StoredMap>();
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const sumBytes = (rows: readonly { data: Uint8Array }[]): number =>
  rows.reduce((sum, row) => sum + row.data.byteLength, 0);
const copy = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);

/**
 * MapStore in the process's memory: for tests and for trying the server without a disk. Nothing
 * survives the process. Every operation is atomic because it runs in one synchronous step; stored
 * bytes are copies, so a caller reusing its buffers cannot change what was committed.
 */
export class MemoryMapStore implements MapStore {
  private closed = false;

  constructor(private readonly backing = new MemoryBacking()) {}

  async createMap(map: NewMap): Promise<boolean> {
    this.check();
    if (this.backing.maps.has(map.id)) return false;
    this.backing.maps.set(map.id, {
      access: {
        id: map.id,
        editKeyHash: copy(map.editKeyHash),
        viewKeyHash: copy(map.viewKeyHash),
        participateKeyHash: map.participateKeyHash ? copy(map.participateKeyHash) : null,
        keyVersion: 1,
        createdAt: Date.now(),
      },
      log: [],
      retired: new Map(),
    });
    return true;
  }

  async getMapAccess(id: string): Promise<MapAccess | undefined> {
    this.check();
    const map = this.backing.maps.get(id);
    return map ? { ...map.access } : undefined;
  }

  async rotateKeys(id: string, keys: KeyHashes): Promise<MapAccess | undefined> {
    this.check();
    const map = this.backing.maps.get(id);
    if (!map) return undefined;
    const version = map.access.keyVersion;
    map.retired.set(hex(map.access.editKeyHash), version);
    map.retired.set(hex(map.access.viewKeyHash), version);
    if (map.access.participateKeyHash) map.retired.set(hex(map.access.participateKeyHash), version);
    for (const [hash, v] of map.retired) if (v <= version - RETIRED_KEY_VERSIONS) map.retired.delete(hash);
    map.access = {
      ...map.access,
      editKeyHash: copy(keys.editKeyHash),
      viewKeyHash: copy(keys.viewKeyHash),
      participateKeyHash: copy(keys.participateKeyHash),
      keyVersion: map.access.keyVersion + 1,
    };
    return { ...map.access };
  }

  async isRetiredKey(id: string, keyHash: KeyHash): Promise<boolean> {
    this.check();
    return this.backing.maps.get(id)?.retired.has(hex(keyHash)) ?? false;
  }

  async loadUpdates(id: string, afterSeq = 0): Promise<StoredUpdate[]> {
    this.check();
    const log = this.backing.maps.get(id)?.log ?? [];
    return log.filter((row) => row.seq > afterSeq).map((row) => ({ seq: row.seq, data: copy(row.data) }));
  }

  async appendUpdates(
    id: string,
    updates: readonly Uint8Array[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.check();
    const map = this.backing.maps.get(id);
    if (!map) throw new Error(`no map ${id} to append to`);
    if (!updates.every((u) => u instanceof Uint8Array)) throw new TypeError('updates must be bytes');
    const bytes = sumBytes(map.log) + sumBytes(updates.map((data) => ({ data })));
    if (options.maxBytes !== undefined && bytes > options.maxBytes) {
      throw new MapFullError(id, bytes, options.maxBytes);
    }
    let seq = map.log.at(-1)?.seq ?? 0;
    for (const update of updates) map.log.push({ seq: ++seq, data: copy(update) });
    return { seq, rows: map.log.length, bytes };
  }

  async compact(id: string, upToSeq: number, compacted: Uint8Array): Promise<void> {
    this.check();
    if (!(compacted instanceof Uint8Array)) throw new TypeError('the compacted state must be bytes');
    const map = this.backing.maps.get(id);
    if (!map) throw new Error(`no map ${id} to compact`);
    map.log = [{ seq: upToSeq, data: copy(compacted) }, ...map.log.filter((row) => row.seq > upToSeq)];
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private check(): void {
    if (this.closed) throw new Error('the store is closed');
  }
}
