import type pg from 'pg';

/**
 * The PostgreSQL schema, as numbered migrations. Append a new entry to change it; never edit one
 * that shipped (nodes of an older release may run against the same database during an upgrade).
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'maps and their update logs',
    sql: `
      CREATE TABLE maps (
        id text PRIMARY KEY,
        title text NOT NULL DEFAULT '',
        edit_key_hash bytea NOT NULL,
        view_key_hash bytea NOT NULL,
        key_version integer NOT NULL DEFAULT 1,
        created_at bigint NOT NULL,
        -- The last seq handed out and the rows in the log, kept by the same transactions as the log.
        last_seq bigint NOT NULL DEFAULT 0,
        row_count integer NOT NULL DEFAULT 0
      );
      CREATE TABLE updates (
        map_id text NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (map_id, seq)
      );`,
  },
  {
    version: 2,
    name: 'retired key hashes, log bytes per map; maps without a stored title',
    sql: `
      -- The title lives in the map's doc, where access control covers it; nothing reads this column.
      ALTER TABLE maps DROP COLUMN IF EXISTS title;
      -- Bytes of the map's log, kept by the appends and compactions: the document-size limit per map
      -- across nodes.
      ALTER TABLE maps ADD COLUMN log_bytes bigint NOT NULL DEFAULT 0;
      UPDATE maps SET log_bytes = (SELECT COALESCE(sum(length(data)), 0) FROM updates WHERE map_id = maps.id);
      -- Key hashes a rotation replaced, written in the rotation's transaction, so a socket with an old
      -- link is told the link was renewed (4410) on every node. Only the last rotations are kept.
      CREATE TABLE retired_keys (
        map_id text NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
        key_hash bytea NOT NULL,
        key_version integer NOT NULL,
        PRIMARY KEY (map_id, key_hash)
      );`,
  },
  {
    version: 3,
    name: 'the participate key hash per map',
    sql: `
      -- The participate ("Deelnemen") key: writes the map's conversation doc, never the map doc.
      -- Null for the maps from before it, until their next rotation installs one.
      ALTER TABLE maps ADD COLUMN participate_key_hash bytea;`,
  },
];

/** Advisory lock key of migrations (two-key form: the store's space, 0). */
const MIGRATION_LOCK = [0x4b4b, 0] as const;

/**
 * Brings the schema to the newest version, in one transaction under an advisory lock: nodes that
 * start at once take turns, and the later ones find nothing left to do. Resolves the version.
 */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  // A connection cut meanwhile must reject the migration, not crash the process (see PostgresMapStore).
  const onError = () => {};
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(applied.rows.map((row) => row.version));
    const newest = Math.max(0, ...done);
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (newest > latest) {
      throw new Error(
        `the database schema is at version ${newest}, newer than this release knows (${latest}); upgrade KetenKaart`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
    return latest;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.off('error', onError);
    client.release(true);
  }
}
