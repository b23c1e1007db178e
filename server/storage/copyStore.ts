import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';
import { PostgresMapStore } from './PostgresMapStore';

interface SourceMap {
  id: string;
  edit_key_hash: Buffer;
  view_key_hash: Buffer;
  /** Null until the map's first rotation after the participate key came; absent in older files. */
  participate_key_hash?: Buffer | null;
  key_version: number;
  created_at: number;
}

export interface CopyReport {
  copied: string[];
  /** Already in the target with the same state vector and keys (an earlier, interrupted run). */
  skipped: string[];
  /** Maps whose copy does not match the source after copying (should stay empty). */
  mismatched: string[];
}

const docOf = (rows: readonly { data: Uint8Array }[]): Y.Doc => {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const row of rows) Y.applyUpdate(doc, row.data);
  });
  return doc;
};

/** State vectors compared as client → clock maps (their encoding does not fix an order). */
function sameStateVector(a: Y.Doc, b: Y.Doc): boolean {
  const va = Y.decodeStateVector(Y.encodeStateVector(a));
  const vb = Y.decodeStateVector(Y.encodeStateVector(b));
  return va.size === vb.size && [...va].every(([client, clock]) => vb.get(client) === clock);
}

/**
 * Copies every map of a SQLite store (its access row with the key hashes and key version, its retired key
 * hashes, and its update log with its seqs) into a PostgreSQL store, one map per transaction.
 *
 * Resumable: a map already in the target whose keys and state vector equal the source's is skipped,
 * one that differs (a run cut short before, or the source changed since) is replaced as a whole.
 * Verified: afterwards every map is read back from PostgreSQL and its state vector and key hashes
 * compared with the source's. Run it with the source instance stopped.
 */
export async function copySqliteToPostgres(
  sqliteFile: string,
  databaseUrl: string,
  onMap: (id: string, outcome: 'copied' | 'skipped') => void = () => {},
): Promise<CopyReport> {
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  // Opening the store migrates the target's schema.
  const target = await PostgresMapStore.open({ connectionString: databaseUrl, poolSize: 2 });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => {});
  const report: CopyReport = { copied: [], skipped: [], mismatched: [] };
  try {
    const maps = source.prepare<[], SourceMap>('SELECT * FROM maps ORDER BY id').all();
    const rowsOf = source.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE map_id = ? ORDER BY seq',
    );
    const retiredOf = source.prepare<[string], { key_hash: Buffer; key_version: number }>(
      'SELECT key_hash, key_version FROM retired_keys WHERE map_id = ?',
    );
    for (const map of maps) {
      const rows = rowsOf.all(map.id).map((r) => ({ seq: r.seq, data: new Uint8Array(r.data) }));
      const sourceDoc = docOf(rows);
      if (await matches(target, map, sourceDoc)) {
        report.skipped.push(map.id);
        onMap(map.id, 'skipped');
        continue;
      }
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('DELETE FROM maps WHERE id = $1', [map.id]);
        await client.query(
          `INSERT INTO maps (id, edit_key_hash, view_key_hash, participate_key_hash, key_version, created_at,
             last_seq, row_count, log_bytes)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            map.id,
            map.edit_key_hash,
            map.view_key_hash,
            map.participate_key_hash ?? null,
            map.key_version,
            map.created_at,
            rows.at(-1)?.seq ?? 0,
            rows.length,
            rows.reduce((sum, r) => sum + r.data.byteLength, 0),
          ],
        );
        if (rows.length > 0) {
          await client.query(
            'INSERT INTO updates (map_id, seq, data) SELECT $1, s, d FROM unnest($2::bigint[], $3::bytea[]) AS u(s, d)',
            [map.id, rows.map((r) => r.seq), rows.map((r) => Buffer.from(r.data))],
          );
        }
        const retired = retiredOf.all(map.id);
        if (retired.length > 0) {
          await client.query(
            `INSERT INTO retired_keys (map_id, key_hash, key_version)
             SELECT $1, h, v FROM unnest($2::bytea[], $3::integer[]) AS r(h, v)`,
            [map.id, retired.map((r) => r.key_hash), retired.map((r) => r.key_version)],
          );
        }
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
      report.copied.push(map.id);
      onMap(map.id, 'copied');
      sourceDoc.destroy();
    }
    for (const map of maps) {
      const sourceDoc = docOf(rowsOf.all(map.id).map((r) => ({ data: new Uint8Array(r.data) })));
      if (!(await matches(target, map, sourceDoc))) report.mismatched.push(map.id);
      sourceDoc.destroy();
    }
    return report;
  } finally {
    source.close();
    await pool.end();
    await target.close();
  }
}

async function matches(target: PostgresMapStore, map: SourceMap, sourceDoc: Y.Doc): Promise<boolean> {
  const access = await target.getMapAccess(map.id);
  if (
    !access ||
    access.keyVersion !== map.key_version ||
    !Buffer.from(access.editKeyHash).equals(map.edit_key_hash) ||
    !Buffer.from(access.viewKeyHash).equals(map.view_key_hash) ||
    !sameOptionalHash(access.participateKeyHash, map.participate_key_hash ?? null)
  ) {
    return false;
  }
  const doc = docOf(await target.loadUpdates(map.id));
  try {
    return sameStateVector(doc, sourceDoc);
  } finally {
    doc.destroy();
  }
}

function sameOptionalHash(a: Uint8Array | null, b: Buffer | null): boolean {
  return a === null || b === null ? a === b : Buffer.from(a).equals(b);
}
