import pg from 'pg';
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
import { migrate } from './postgresMigrations';
import { RETIRED_KEY_VERSIONS } from './sqliteWriterCore.mjs';
import { withTransaction } from './withTransaction';

export interface PostgresMapStoreOptions {
  connectionString: string;
  /** Connections per process; default 10. */
  poolSize?: number;
}

interface MapRow {
  id: string;
  edit_key_hash: Buffer;
  view_key_hash: Buffer;
  participate_key_hash: Buffer | null;
  key_version: number;
  created_at: string;
}

const toAccess = (row: MapRow): MapAccess => ({
  id: row.id,
  editKeyHash: new Uint8Array(row.edit_key_hash),
  viewKeyHash: new Uint8Array(row.view_key_hash),
  participateKeyHash: row.participate_key_hash ? new Uint8Array(row.participate_key_hash) : null,
  keyVersion: row.key_version,
  createdAt: Number(row.created_at),
});

/** The columns of `MapAccess`. */
const ACCESS_COLUMNS = 'id, edit_key_hash, view_key_hash, participate_key_hash, key_version, created_at';

const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Namespace of this store's advisory locks (the first key of the two-key form): "KK". */
export const LOCK_SPACE = 0x4b4b;

/**
 * MapStore on PostgreSQL, shared by every node of a service.
 *
 * - Seqs per map without holes, across nodes: an append first bumps `maps.last_seq` (which locks
 *   the map's row until the transaction ends), then inserts its rows under the numbers it got; two
 *   nodes appending to one map queue on that row lock, appends to different maps do not meet.
 * - `row_count` and `log_bytes` are kept in the same transactions, so every node sees the log's real
 *   size, and an append over `maxBytes` is refused whichever node sent it.
 * - A compaction runs in one transaction under a per-map advisory lock taken with `try`: a node that
 *   finds another one compacting the map skips (the log stays as it was), and a crash at any moment
 *   rolls back to the uncompacted log.
 * - A resolved append means PostgreSQL committed it (with the server's `synchronous_commit`).
 */
export class PostgresMapStore implements MapStore {
  private closing: Promise<void> | undefined;

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and migrates the schema (one node at a time, under an advisory lock). */
  static async open(options: PostgresMapStoreOptions): Promise<PostgresMapStore> {
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle connection that breaks (the database restarted) emits here; without a listener the
    // process would crash. The next query opens a fresh connection.
    pool.on('error', () => {});
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresMapStore(pool);
  }

  async createMap(map: NewMap): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO maps (id, edit_key_hash, view_key_hash, participate_key_hash, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
      [
        map.id,
        toBuffer(map.editKeyHash),
        toBuffer(map.viewKeyHash),
        map.participateKeyHash ? toBuffer(map.participateKeyHash) : null,
        Date.now(),
      ],
    );
    return result.rowCount === 1;
  }

  async getMapAccess(id: string): Promise<MapAccess | undefined> {
    const result = await this.pool.query<MapRow>(`SELECT ${ACCESS_COLUMNS} FROM maps WHERE id = $1`, [id]);
    const row = result.rows[0];
    return row ? toAccess(row) : undefined;
  }

  async rotateKeys(id: string, keys: KeyHashes): Promise<MapAccess | undefined> {
    return this.transaction(async (client) => {
      // The row lock orders concurrent rotations of one map, on any node.
      const before = await client.query<MapRow>(
        `SELECT ${ACCESS_COLUMNS} FROM maps WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const old = before.rows[0];
      if (!old) return undefined;
      // In the same transaction as the update: a key is either current or retired, never neither.
      await client.query(
        `INSERT INTO retired_keys (map_id, key_hash, key_version)
         SELECT $1, h, $3 FROM unnest($2::bytea[]) AS r(h)
         ON CONFLICT DO NOTHING`,
        [
          id,
          [old.edit_key_hash, old.view_key_hash, old.participate_key_hash].filter((h) => h !== null),
          old.key_version,
        ],
      );
      const result = await client.query<MapRow>(
        `UPDATE maps SET edit_key_hash = $2, view_key_hash = $3, participate_key_hash = $4,
           key_version = key_version + 1 WHERE id = $1
         RETURNING ${ACCESS_COLUMNS}`,
        [id, toBuffer(keys.editKeyHash), toBuffer(keys.viewKeyHash), toBuffer(keys.participateKeyHash)],
      );
      await client.query('DELETE FROM retired_keys WHERE map_id = $1 AND key_version <= $2', [
        id,
        old.key_version - RETIRED_KEY_VERSIONS,
      ]);
      const row = result.rows[0];
      return row ? toAccess(row) : undefined;
    });
  }

  async isRetiredKey(id: string, keyHash: KeyHash): Promise<boolean> {
    const result = await this.pool.query('SELECT 1 FROM retired_keys WHERE map_id = $1 AND key_hash = $2', [
      id,
      toBuffer(keyHash),
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async loadUpdates(id: string, afterSeq = 0): Promise<StoredUpdate[]> {
    const result = await this.pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE map_id = $1 AND seq > $2 ORDER BY seq',
      [id, afterSeq],
    );
    return result.rows.map((row) => ({ seq: Number(row.seq), data: new Uint8Array(row.data) }));
  }

  async appendUpdates(
    id: string,
    updates: readonly Uint8Array[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (!updates.every((u) => u instanceof Uint8Array)) throw new TypeError('updates must be bytes');
    const added = updates.reduce((sum, u) => sum + u.byteLength, 0);
    return this.transaction(async (client) => {
      const bumped = await client.query<{ last_seq: string; row_count: number; log_bytes: string }>(
        `UPDATE maps SET last_seq = last_seq + $2, row_count = row_count + $2, log_bytes = log_bytes + $3
         WHERE id = $1 RETURNING last_seq, row_count, log_bytes`,
        [id, updates.length, added],
      );
      const row = bumped.rows[0];
      if (!row) throw new Error(`no map ${id} to append to`);
      const bytes = Number(row.log_bytes);
      // Checked under the map's row lock: two nodes appending at once cannot both squeeze in.
      if (options.maxBytes !== undefined && bytes > options.maxBytes) {
        throw new MapFullError(id, bytes, options.maxBytes);
      }
      const last = Number(row.last_seq);
      if (updates.length > 0) {
        await client.query(
          `INSERT INTO updates (map_id, seq, data)
           SELECT $1, $2::bigint + ord, data FROM unnest($3::bytea[]) WITH ORDINALITY AS u(data, ord)`,
          [id, last - updates.length, updates.map(toBuffer)],
        );
      }
      return { seq: last, rows: row.row_count, bytes };
    });
  }

  async compact(id: string, upToSeq: number, compacted: Uint8Array): Promise<void> {
    if (!(compacted instanceof Uint8Array)) throw new TypeError('the compacted state must be bytes');
    await this.transaction(async (client) => {
      const locked = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok',
        [LOCK_SPACE, id],
      );
      if (!locked.rows[0]?.ok) return;
      // Appends wait meanwhile (they lock the same row), so the row count below is exact.
      await client.query('SELECT 1 FROM maps WHERE id = $1 FOR UPDATE', [id]);
      await client.query('DELETE FROM updates WHERE map_id = $1 AND seq <= $2', [id, upToSeq]);
      await client.query('INSERT INTO updates (map_id, seq, data) VALUES ($1, $2, $3)', [
        id,
        upToSeq,
        toBuffer(compacted),
      ]);
      await client.query(
        `UPDATE maps SET (row_count, log_bytes) =
           (SELECT count(*), COALESCE(sum(length(data)), 0) FROM updates WHERE map_id = $1) WHERE id = $1`,
        [id],
      );
    });
  }

  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }

  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, work);
  }
}
