// The write side of SqliteMapStore: every statement that changes the database. Plain JavaScript so the
// same code runs inside the writer worker thread (sqliteWriter.worker.mjs, started without a TS loader)
// and, for ':memory:' databases, inline on the main thread. Types: sqliteWriterCore.d.mts.
import Database from 'better-sqlite3';

// Databases created before the map title was dropped still have a \`title TEXT NOT NULL DEFAULT ''\`
// column in \`maps\`; nothing reads or writes it, and its default fills it on insert.
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,
  edit_key_hash BLOB NOT NULL,
  view_key_hash BLOB NOT NULL,
  participate_key_hash BLOB,
  key_version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (map_id, seq)
) WITHOUT ROWID;
-- Key hashes a rotation replaced, so a sync socket with an old link is told the link was renewed
-- rather than that it is unknown. Only the last RETIRED_KEY_VERSIONS rotations are kept.
CREATE TABLE IF NOT EXISTS retired_keys (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  key_hash BLOB NOT NULL,
  key_version INTEGER NOT NULL,
  PRIMARY KEY (map_id, key_hash)
) WITHOUT ROWID;
`;

/**
 * Brings a database from before the participate role up to date: its maps get the (nullable)
 * `participate_key_hash` column, empty until their next rotation. Idempotent; run after SCHEMA by
 * whoever opens the database first.
 */
export function migrateSchema(db) {
  const columns = db.prepare('PRAGMA table_info(maps)').all();
  if (!columns.some((c) => c.name === 'participate_key_hash')) {
    db.exec('ALTER TABLE maps ADD COLUMN participate_key_hash BLOB');
  }
}

/**
 * Rotations whose old key hashes are remembered per map. Bounded so an edit-key holder who rotates in a
 * loop cannot grow the table; a workshop renews its links a handful of times at most.
 */
export const RETIRED_KEY_VERSIONS = 20;

/** better-sqlite3 binds Buffers, not bare Uint8Arrays; this view copies nothing. */
export const toBuffer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Opens a connection with the store's pragmas. WAL and the schema are set up by whoever opens first. */
export function openDatabase({ file, synchronous = 'FULL', busyTimeoutMs = 5000 }) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Executes groups of write ops. A group runs in one transaction (one commit, so one fsync under
 * synchronous=FULL). If anything in it throws, the whole group rolls back and each op is retried in its
 * own transaction, in order, so one map's failure (say, a row for a map deleted meanwhile) does not fail
 * the others'. Results come back per op, in order.
 *
 * Each map's log size (rows and bytes, what the document-size limit of an append is checked against)
 * is counted once with COUNT/SUM and then kept here: that scan of up to a compaction's worth of rows
 * per append was 0.02–0.05 ms of the writer's 0.15–0.2 ms of CPU per one-append commit. Invariants:
 * - The kept figure is the committed log's: an op's changes are staged and kept only once its
 *   transaction committed; a rollback drops them (the ops retried one by one stage afresh).
 * - A compaction forgets the map's figure (the next append counts again).
 * - Another connection's commit (`PRAGMA data_version` changed) forgets every figure: the server
 *   writes only through this connection, but a figure must never outlive a write it did not see.
 */
export function createWriter(db) {
  const stmts = {
    insertMap: db.prepare(
      'INSERT INTO maps (id, edit_key_hash, view_key_hash, participate_key_hash, key_version, created_at) VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT(id) DO NOTHING',
    ),
    getMap: db.prepare('SELECT * FROM maps WHERE id = ?'),
    rotate: db.prepare(
      'UPDATE maps SET edit_key_hash = ?, view_key_hash = ?, participate_key_hash = ?, key_version = key_version + 1 WHERE id = ?',
    ),
    retire: db.prepare('INSERT OR IGNORE INTO retired_keys (map_id, key_hash, key_version) VALUES (?, ?, ?)'),
    forgetRetired: db.prepare('DELETE FROM retired_keys WHERE map_id = ? AND key_version <= ?'),
    maxSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM updates WHERE map_id = ?'),
    logSize: db.prepare(
      'SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(data)), 0) AS b FROM updates WHERE map_id = ?',
    ),
    insertUpdate: db.prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, ?, ?)'),
    deleteUpTo: db.prepare('DELETE FROM updates WHERE map_id = ? AND seq <= ?'),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
  };

  /** Committed log size per map: { n: rows, b: bytes }. */
  const logSizes = new Map();
  /** The running transaction's changes to `logSizes`; undefined: forget the map's figure. */
  let staged = new Map();
  let dataVersion = stmts.dataVersion.get();
  const logSizeOf = (id) => {
    if (staged.has(id)) {
      const size = staged.get(id);
      if (size) return size;
    } else if (logSizes.has(id)) return logSizes.get(id);
    return stmts.logSize.get(id);
  };

  const apply = (op) => {
    switch (op.kind) {
      case 'append': {
        const before = logSizeOf(op.id);
        const bytes = before.b + op.updates.reduce((sum, u) => sum + u.byteLength, 0);
        if (op.maxBytes !== undefined && bytes > op.maxBytes) {
          // MAP_FULL of MapStore.ts (this plain module runs on the writer thread without TypeScript).
          throw Object.assign(
            new Error(`map ${op.id} would hold ${bytes} bytes, over its limit of ${op.maxBytes}`),
            {
              code: 'KK_MAP_FULL',
            },
          );
        }
        let seq = stmts.maxSeq.get(op.id)?.s ?? 0;
        for (const update of op.updates) stmts.insertUpdate.run(op.id, ++seq, toBuffer(update));
        const rows = before.n + op.updates.length;
        staged.set(op.id, { n: rows, b: bytes });
        return { seq, rows, bytes };
      }
      case 'create':
        return (
          stmts.insertMap.run(
            op.id,
            toBuffer(op.editKeyHash),
            toBuffer(op.viewKeyHash),
            op.participateKeyHash ? toBuffer(op.participateKeyHash) : null,
            op.createdAt,
          ).changes === 1
        );
      case 'rotate': {
        const before = stmts.getMap.get(op.id);
        if (!before) return undefined;
        // In the same transaction as the update: a key is either current or retired, never neither.
        stmts.retire.run(op.id, before.edit_key_hash, before.key_version);
        stmts.retire.run(op.id, before.view_key_hash, before.key_version);
        if (before.participate_key_hash)
          stmts.retire.run(op.id, before.participate_key_hash, before.key_version);
        stmts.rotate.run(
          toBuffer(op.editKeyHash),
          toBuffer(op.viewKeyHash),
          toBuffer(op.participateKeyHash),
          op.id,
        );
        stmts.forgetRetired.run(op.id, before.key_version - RETIRED_KEY_VERSIONS);
        return stmts.getMap.get(op.id);
      }
      case 'compact':
        // The compacted row reuses seq `upToSeq`, so rows appended meanwhile (seq > upToSeq) stay after it.
        stmts.deleteUpTo.run(op.id, op.upToSeq);
        stmts.insertUpdate.run(op.id, op.upToSeq, toBuffer(op.compacted));
        staged.set(op.id, undefined);
        return undefined;
      default:
        throw new Error(`unknown write op ${op.kind}`);
    }
  };
  /** Runs `fn` in a transaction; keeps its staged log sizes only when it committed. */
  const committed = (fn) => (arg) => {
    staged = new Map();
    try {
      const value = fn(arg);
      for (const [id, size] of staged) {
        if (size) logSizes.set(id, size);
        else logSizes.delete(id);
      }
      return value;
    } finally {
      staged = new Map();
    }
  };
  const forgetIfForeignWrites = () => {
    const version = stmts.dataVersion.get();
    if (version !== dataVersion) logSizes.clear();
    dataVersion = version;
  };
  const one = committed(db.transaction(apply));
  const group = committed(db.transaction((ops) => ops.map(apply)));

  return {
    run(ops) {
      const started = performance.now();
      forgetIfForeignWrites();
      try {
        const values = group(ops);
        return {
          grouped: true,
          ms: performance.now() - started,
          results: values.map((value) => ({ ok: true, value })),
        };
      } catch {
        const results = ops.map((op) => {
          try {
            return { ok: true, value: one(op) };
          } catch (err) {
            return { ok: false, error: { message: String(err?.message ?? err), code: err?.code } };
          }
        });
        return { grouped: false, ms: performance.now() - started, results };
      }
    },
  };
}
