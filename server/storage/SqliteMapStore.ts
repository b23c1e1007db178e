import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { KeyHash, MapAccess, MapStore, NewMap, StoredUpdate } from './MapStore';

export type SqliteSynchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

export interface SqliteMapStoreOptions {
  /** File path, or ':memory:'. The parent directory is created when missing. */
  file: string;
  /** FULL by default: a resolved append survives power loss, not only a process crash. */
  synchronous?: SqliteSynchronous;
  busyTimeoutMs?: number;
}

interface MapRow {
  id: string;
  title: string;
  edit_key_hash: Buffer;
  view_key_hash: Buffer;
  key_version: number;
  created_at: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  edit_key_hash BLOB NOT NULL,
  view_key_hash BLOB NOT NULL,
  key_version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (map_id, seq)
) WITHOUT ROWID;
`;

// better-sqlite3 binds Buffers, not bare Uint8Arrays; this view copies nothing.
const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const toAccess = (row: MapRow): MapAccess => ({
  id: row.id,
  title: row.title,
  editKeyHash: new Uint8Array(row.edit_key_hash),
  viewKeyHash: new Uint8Array(row.view_key_hash),
  keyVersion: row.key_version,
  createdAt: row.created_at,
});

interface PendingAppend {
  readonly id: string;
  readonly updates: readonly Uint8Array[];
  readonly resolve: (seq: number) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * MapStore on better-sqlite3 in WAL mode. Calls are synchronous underneath, wrapped in Promises.
 *
 * Appends are group-committed: every append requested in one event-loop turn, across all maps, shares
 * one transaction and so one fsync. With synchronous=FULL an fsync per map per batch would serialise
 * busy servers on the disk; grouping keeps durability (each promise resolves only after its rows are
 * committed) at the cost of one macrotask of latency.
 */
export class SqliteMapStore implements MapStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly stmts;
  private readonly appendTx: (id: string, updates: readonly Uint8Array[]) => number;
  private readonly compactTx: (id: string, upToSeq: number, compacted: Uint8Array) => void;
  private readonly loadTx: (id: string) => StoredUpdate[];
  private readonly groupAppendTx: (batch: readonly PendingAppend[]) => number[];
  private pending: PendingAppend[] = [];
  /** Group commits so far; exposed for tests and metrics. */
  groupCommits = 0;

  constructor(options: SqliteMapStoreOptions) {
    this.file = options.file;
    if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.stmts = {
      insertMap: this.db.prepare(
        'INSERT INTO maps (id, title, edit_key_hash, view_key_hash, key_version, created_at) VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT(id) DO NOTHING',
      ),
      getMap: this.db.prepare<[string], MapRow>('SELECT * FROM maps WHERE id = ?'),
      rotate: this.db.prepare(
        'UPDATE maps SET edit_key_hash = ?, view_key_hash = ?, key_version = key_version + 1 WHERE id = ?',
      ),
      maxSeq: this.db.prepare<[string], { s: number }>(
        'SELECT COALESCE(MAX(seq), 0) AS s FROM updates WHERE map_id = ?',
      ),
      insertUpdate: this.db.prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, ?, ?)'),
      load: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE map_id = ? ORDER BY seq',
      ),
      deleteUpTo: this.db.prepare('DELETE FROM updates WHERE map_id = ? AND seq <= ?'),
    };
    this.appendTx = this.db.transaction((id: string, updates: readonly Uint8Array[]) => {
      let seq = this.stmts.maxSeq.get(id)?.s ?? 0;
      for (const update of updates) this.stmts.insertUpdate.run(id, ++seq, toBuffer(update));
      return seq;
    });
    this.groupAppendTx = this.db.transaction((batch: readonly PendingAppend[]) =>
      batch.map((append) => this.appendTx(append.id, append.updates)),
    );
    // The compacted row reuses seq `upToSeq`, so rows appended meanwhile (seq > upToSeq) stay after it.
    this.compactTx = this.db.transaction((id: string, upToSeq: number, compacted: Uint8Array) => {
      this.stmts.deleteUpTo.run(id, upToSeq);
      this.stmts.insertUpdate.run(id, upToSeq, toBuffer(compacted));
    });
    this.loadTx = this.db.transaction((id: string) =>
      this.stmts.load.all(id).map((row) => ({ seq: row.seq, data: new Uint8Array(row.data) })),
    );
  }

  createMap(map: NewMap): Promise<boolean> {
    return attempt(() => {
      const result = this.stmts.insertMap.run(
        map.id,
        map.title,
        toBuffer(map.editKeyHash),
        toBuffer(map.viewKeyHash),
        Date.now(),
      );
      return result.changes === 1;
    });
  }

  getMapAccess(id: string): Promise<MapAccess | undefined> {
    return attempt(() => {
      const row = this.stmts.getMap.get(id);
      return row ? toAccess(row) : undefined;
    });
  }

  rotateKeys(id: string, editKeyHash: KeyHash, viewKeyHash: KeyHash): Promise<MapAccess | undefined> {
    return attempt(() => {
      const result = this.stmts.rotate.run(toBuffer(editKeyHash), toBuffer(viewKeyHash), id);
      if (result.changes === 0) return undefined;
      const row = this.stmts.getMap.get(id);
      return row ? toAccess(row) : undefined;
    });
  }

  loadUpdates(id: string): Promise<StoredUpdate[]> {
    return attempt(() => this.loadTx(id));
  }

  appendUpdates(id: string, updates: readonly Uint8Array[]): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(this.flushAppends);
      this.pending.push({ id, updates, resolve, reject });
    });
  }

  private readonly flushAppends = (): void => {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      const seqs = this.groupAppendTx(batch);
      this.groupCommits++;
      batch.forEach((append, i) => append.resolve(seqs[i]!));
    } catch {
      // The group rolled back as a whole; commit each append alone so that one map's failure
      // (say, a row for a map deleted meanwhile) does not fail every other map's batch.
      for (const append of batch) {
        try {
          append.resolve(this.appendTx(append.id, append.updates));
        } catch (err) {
          append.reject(err);
        }
      }
    }
  };

  compact(id: string, upToSeq: number, compacted: Uint8Array): Promise<void> {
    return attempt(() => this.compactTx(id, upToSeq, compacted));
  }

  close(): Promise<void> {
    return attempt(() => {
      this.flushAppends();
      if (this.db.open) this.db.close();
    });
  }
}

// Turns synchronous throws into rejections so callers handle one failure path.
function attempt<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (err) {
    return Promise.reject(err);
  }
}
