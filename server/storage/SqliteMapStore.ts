import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { plainWorkerArgv } from '../plainWorkerArgv';
import { CommitPipeline, type GroupOutcome, type PipelineStats } from './CommitPipeline';
import type {
  AppendOptions,
  AppendResult,
  KeyHash,
  KeyHashes,
  MapAccess,
  MapStore,
  NewMap,
  StoredUpdate,
} from './MapStore';
import {
  createWriter,
  type GroupResult,
  migrateSchema,
  openDatabase,
  type RawMapRow,
  SCHEMA,
  toBuffer,
  type WriteOp,
} from './sqliteWriterCore.mjs';

export type SqliteSynchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

export interface SqliteMapStoreOptions {
  /** File path, or ':memory:'. The parent directory is created when missing. */
  file: string;
  /** FULL by default: a resolved append survives power loss, not only a process crash. */
  synchronous?: SqliteSynchronous;
  busyTimeoutMs?: number;
  /**
   * Where writes run. 'worker' (default for files): a worker thread owns the write connection, so
   * commits and their fsyncs never block the event loop. 'inline': the main thread's connection writes
   * (same pipeline); always used for ':memory:', which two connections cannot share.
   */
  writer?: 'worker' | 'inline';
}

const toAccess = (row: RawMapRow): MapAccess => ({
  id: row.id,
  editKeyHash: new Uint8Array(row.edit_key_hash),
  viewKeyHash: new Uint8Array(row.view_key_hash),
  participateKeyHash: row.participate_key_hash ? new Uint8Array(row.participate_key_hash) : null,
  keyVersion: row.key_version,
  createdAt: row.created_at,
});

/**
 * Structured clone copies a view's whole ArrayBuffer; hand the worker exactly the bytes. Anything that
 * is not bytes goes through as is, so the writer rejects it like the inline store does.
 */
const own = (bytes: Uint8Array): Uint8Array =>
  !(bytes instanceof Uint8Array) || (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
    ? bytes
    : bytes.slice();

/**
 * Bytes per commit group (a single bigger op still goes alone): a map that writes a few MB at once
 * delays others' small commits by about one commit of this size, not by its whole write.
 */
const MAX_GROUP_BYTES = 256 * 1024;

/** Young generation of the writer thread's heap, in MB. */
const WRITER_YOUNG_GENERATION_MB = 2;

/** What an op writes, for the group bound (malformed ops count 0; the writer rejects them). */
const opBytes = (op: WriteOp): number => {
  const size = (bytes: unknown) => (bytes instanceof Uint8Array ? bytes.byteLength : 0);
  if (op.kind === 'append')
    return Array.isArray(op.updates) ? op.updates.reduce((sum, u) => sum + size(u), 0) : 0;
  return op.kind === 'compact' ? size(op.compacted) : 0;
};

const toError = (info: { message: string; code?: string }): Error =>
  Object.assign(new Error(info.message), info.code ? { code: info.code } : {});

/**
 * MapStore on better-sqlite3 in WAL mode.
 *
 * Reads (access checks, map loads) run synchronously on the main thread's own connection; WAL lets them
 * proceed while the writer commits, and a read started after a write resolved sees that write.
 *
 * Writes go through a `CommitPipeline` to a writer thread (see there for why). Measured on the
 * 100 maps × 5 peers fan-out preset (500 updates/s, synchronous=FULL): before, group commit per
 * event-loop turn ran ~470 commits/s on the main thread and the event loop spent ~53% of its time
 * blocked inside fsync, which queued every other map's frames behind it. A resolved append still means
 * its rows are committed (the worker answers after COMMIT returns), so Room's "commit before relay
 * or ack" holds unchanged.
 */
export class SqliteMapStore implements MapStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly stmts;
  private readonly loadTx: (id: string, afterSeq: number) => StoredUpdate[];
  private readonly pipeline: CommitPipeline<WriteOp, unknown>;
  private readonly worker: Worker | undefined;
  private workerExited: Promise<void> = Promise.resolve();
  private closing: Promise<void> | undefined;

  constructor(options: SqliteMapStoreOptions) {
    this.file = options.file;
    const inline = options.file === ':memory:' || options.writer === 'inline';
    if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
    // Opened first, on this thread: sets WAL and creates the schema before the writer starts.
    this.db = openDatabase(options);
    this.db.exec(SCHEMA);
    migrateSchema(this.db);
    this.stmts = {
      getMap: this.db.prepare<[string], RawMapRow>('SELECT * FROM maps WHERE id = ?'),
      isRetired: this.db.prepare<[string, Buffer], { one: number }>(
        'SELECT 1 AS one FROM retired_keys WHERE map_id = ? AND key_hash = ?',
      ),
      load: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE map_id = ? AND seq > ? ORDER BY seq',
      ),
    };
    this.loadTx = this.db.transaction((id: string, afterSeq: number) =>
      this.stmts.load.all(id, afterSeq).map((row) => ({ seq: row.seq, data: new Uint8Array(row.data) })),
    );

    if (inline) {
      const writer = createWriter(this.db);
      this.pipeline = new CommitPipeline((ops) => {
        try {
          return Promise.resolve(fromGroupResult(writer.run(ops)));
        } catch (err) {
          return Promise.reject(err);
        }
      });
      return;
    }
    // Writes on this connection would race the writer thread for the WAL lock; forbid them.
    this.db.pragma('query_only = ON');
    const worker = new Worker(new URL('./sqliteWriter.worker.mjs', import.meta.url), {
      // The writer is plain JavaScript: no TypeScript loader on its thread.
      execArgv: plainWorkerArgv(),
      // Its garbage is a few objects per op: 2 MB of young generation instead of V8's 4 (measured with
      // the doc workers' own cut, `DocWorker.ts`: the node's RSS 16–28 MB lower under the cluster bench).
      resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_GENERATION_MB },
      workerData: {
        file: options.file,
        synchronous: options.synchronous ?? 'FULL',
        busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      },
    });
    this.worker = worker;
    // An idle writer must not keep the process alive; one committing must (a script awaiting an append).
    worker.unref();
    let pending: { n: number; resolve: (r: GroupOutcome<unknown>) => void; reject: (e: unknown) => void };
    let n = 0;
    let dead: Error | undefined;
    const die = (err: Error) => {
      if (dead) return;
      dead = err;
      pending?.reject(err);
      this.pipeline.fail(err);
    };
    worker.on('message', (message: { n?: number; ready?: boolean; closed?: boolean } & GroupResult) => {
      if (message.n !== undefined && message.n === pending?.n) pending.resolve(fromGroupResult(message));
    });
    worker.on('error', (err) => die(err));
    this.workerExited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        die(new Error(`the storage writer thread exited (code ${code})`));
        resolve();
      }),
    );
    this.pipeline = new CommitPipeline(
      (ops) =>
        new Promise<GroupOutcome<unknown>>((resolve, reject) => {
          if (dead) {
            reject(dead);
            return;
          }
          pending = { n: ++n, resolve, reject };
          worker.postMessage({ n, ops });
        }),
      (busy) => (busy ? worker.ref() : worker.unref()),
      opBytes,
      MAX_GROUP_BYTES,
    );
  }

  /** Commit pipeline counters: groups, group commits, ops, largest group, writer time. */
  get stats(): Readonly<PipelineStats> {
    return this.pipeline.stats;
  }

  /** Groups committed as one transaction (one fsync each). */
  get groupCommits(): number {
    return this.pipeline.stats.groupCommits;
  }

  createMap(map: NewMap): Promise<boolean> {
    return this.pipeline.submit({
      kind: 'create',
      id: map.id,
      editKeyHash: own(map.editKeyHash),
      viewKeyHash: own(map.viewKeyHash),
      ...(map.participateKeyHash ? { participateKeyHash: own(map.participateKeyHash) } : {}),
      createdAt: Date.now(),
    }) as Promise<boolean>;
  }

  getMapAccess(id: string): Promise<MapAccess | undefined> {
    return attempt(() => {
      const row = this.stmts.getMap.get(id);
      return row ? toAccess(row) : undefined;
    });
  }

  async rotateKeys(id: string, keys: KeyHashes): Promise<MapAccess | undefined> {
    const row = (await this.pipeline.submit({
      kind: 'rotate',
      id,
      editKeyHash: own(keys.editKeyHash),
      viewKeyHash: own(keys.viewKeyHash),
      participateKeyHash: own(keys.participateKeyHash),
    })) as RawMapRow | undefined;
    return row ? toAccess(row) : undefined;
  }

  isRetiredKey(id: string, keyHash: KeyHash): Promise<boolean> {
    return attempt(() => this.stmts.isRetired.get(id, toBuffer(keyHash)) !== undefined);
  }

  loadUpdates(id: string, afterSeq = 0): Promise<StoredUpdate[]> {
    return attempt(() => this.loadTx(id, afterSeq));
  }

  /** Resolves once the rows are committed; appends requested while a commit is running share the next one. */
  appendUpdates(
    id: string,
    updates: readonly Uint8Array[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const op: WriteOp = { kind: 'append', id, updates: updates.map(own), maxBytes: options.maxBytes };
    return this.pipeline.submit(op) as Promise<AppendResult>;
  }

  compact(id: string, upToSeq: number, compacted: Uint8Array): Promise<void> {
    return this.pipeline.submit({ kind: 'compact', id, upToSeq, compacted: own(compacted) }).then(() => {});
  }

  /** Commits everything already requested, then closes both connections. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.pipeline.idle();
      this.pipeline.fail(new Error('the store is closed'));
      const worker = this.worker;
      if (worker) {
        worker.ref();
        // The writer closes its connection (finishing any checkpoint) before it is stopped.
        const closed = new Promise<void>((resolve) => {
          worker.on('message', (message: { closed?: boolean }) => {
            if (message.closed) resolve();
          });
        });
        worker.postMessage({ close: true });
        await Promise.race([closed, this.workerExited]);
        await worker.terminate();
        await this.workerExited;
      }
      if (this.db.open) this.db.close();
    })();
    return this.closing;
  }
}

function fromGroupResult(result: GroupResult): GroupOutcome<unknown> {
  return {
    grouped: result.grouped,
    ms: result.ms,
    results: result.results.map((r) => (r.ok ? r : { ok: false, error: toError(r.error) })),
  };
}

// Turns synchronous throws into rejections so callers handle one failure path.
function attempt<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (err) {
    return Promise.reject(err);
  }
}
