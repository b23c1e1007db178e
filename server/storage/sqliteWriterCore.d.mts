import type Database from 'better-sqlite3';
import type { SqliteSynchronous } from './SqliteMapStore';

export declare const SCHEMA: string;
export declare const RETIRED_KEY_VERSIONS: number;
export declare function migrateSchema(db: Database.Database): void;
export declare function toBuffer(bytes: Uint8Array): Buffer;

export interface OpenOptions {
  file: string;
  synchronous?: SqliteSynchronous;
  busyTimeoutMs?: number;
}
export declare function openDatabase(options: OpenOptions): Database.Database;

export interface RawMapRow {
  id: string;
  edit_key_hash: Uint8Array;
  view_key_hash: Uint8Array;
  /** Null for maps created before the participate role that were not rotated since. */
  participate_key_hash: Uint8Array | null;
  key_version: number;
  created_at: number;
}

export type WriteOp =
  | { kind: 'append'; id: string; updates: readonly Uint8Array[]; maxBytes?: number }
  | {
      kind: 'create';
      id: string;
      editKeyHash: Uint8Array;
      viewKeyHash: Uint8Array;
      participateKeyHash?: Uint8Array;
      createdAt: number;
    }
  | {
      kind: 'rotate';
      id: string;
      editKeyHash: Uint8Array;
      viewKeyHash: Uint8Array;
      participateKeyHash: Uint8Array;
    }
  | { kind: 'compact'; id: string; upToSeq: number; compacted: Uint8Array };

export type OpResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { message: string; code?: string } };

export interface GroupResult {
  /** True when the whole group committed as one transaction. */
  grouped: boolean;
  /** Time spent executing and committing the group, in ms. */
  ms: number;
  results: OpResult[];
}

export interface Writer {
  run(ops: readonly WriteOp[]): GroupResult;
}
export declare function createWriter(db: Database.Database): Writer;
