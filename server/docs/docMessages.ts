/**
 * Messages between the main thread and a doc worker (`docWorkerThread.ts`). The main thread keeps sockets,
 * access, awareness and storage; a worker holds the Y.Docs of the rooms placed on it and does every
 * doc operation: load, shape check and apply, sync step 1 answers, full-state encoding.
 */
import type { DocShapeLimits } from '../../shared/model/docShape';
import type { ShapeWriter } from '../../shared/model/docShapeWriters';
import type { CostModel } from './costModel';

export interface DocWorkerConfig {
  readonly maxDocumentBytes: number;
  readonly maxMapHeapBytes: number;
  readonly maxPendingBytes: number;
  readonly shape: DocShapeLimits;
  readonly cost: CostModel;
}

/** A document frame of one connection, decoded down to its sync payload by the main thread. */
export type DocFrame =
  | { readonly kind: 'step1'; readonly conn: number; readonly stateVector: Uint8Array }
  | {
      readonly kind: 'update';
      readonly conn: number;
      readonly update: Uint8Array;
      /** The sender's role, for the roots it may write (`docShapeWriters.ts`); `edit` when unset. */
      readonly writer?: ShapeWriter;
    }
  /**
   * A row already in the store (committed by another node, or read back to heal a gap): applied
   * without the checks a client's update gets (it passed them where it was accepted), and what it
   * emits is relayed to every local client but not stored again.
   */
  | { readonly kind: 'stored'; readonly conn: number; readonly update: Uint8Array };

export type DocRequest =
  | { readonly op: 'load'; readonly mapId: string; readonly rows: readonly Uint8Array[] }
  | {
      readonly op: 'apply';
      readonly mapId: string;
      readonly frames: readonly DocFrame[];
      /** Estimated heap this batch may add: what is left of the server's budget for all loaded maps. */
      readonly maxGrowthBytes: number;
    }
  | { readonly op: 'encode'; readonly mapId: string }
  | { readonly op: 'dropPending'; readonly mapId: string }
  | { readonly op: 'unload'; readonly mapId: string }
  /** Heap used by the worker after a full GC (when the process runs with --expose-gc), for tests. */
  | { readonly op: 'heap'; readonly mapId: string };

export interface DocStats {
  /** Structs in the doc's store (a merged run counts once). */
  readonly structs: number;
  /** Upper bound of the encoded size: the loaded rows plus everything emitted since. */
  readonly bytes: number;
  /** Bytes held back by Yjs (pending structs and deletes) waiting for content the doc lacks. */
  readonly pendingBytes: number;
  /** Increases with every change of the doc. */
  readonly version: number;
  /** The doc's state vector, sent to joiners as the server's sync step 1. */
  readonly stateVector: Uint8Array;
}

export type FrameResult =
  | { readonly kind: 'answer'; readonly update: Uint8Array }
  | { readonly kind: 'applied'; readonly changed: boolean; readonly held: boolean }
  | {
      readonly kind: 'refused';
      readonly code: number;
      readonly reason: RefusalReason;
      readonly message: string;
    }
  | { readonly kind: 'skipped' };

export type RefusalReason =
  | 'malformed'
  | 'invalid_shape'
  | 'document_too_big'
  | 'map_memory'
  | 'server_busy'
  | 'read_only'
  /** A participate link touched a root only edit links write (the Werkvorm). */
  | 'edit_only'
  /** A participate link's update depends on content the server lacks (it would be held back). */
  | 'depends_on_missing';

/** An update the doc emitted while applying the batch: exactly what must be stored and relayed. */
export interface EmittedUpdate {
  readonly update: Uint8Array;
  /** Index of the frame in the batch that caused it. */
  readonly frame: number;
  /** It integrated held-back content of others too: relay it to the sender as well. */
  readonly toSenderToo: boolean;
  /** Caused by a `stored` frame and carries nothing else: relay it, but do not store it again. */
  readonly stored?: boolean;
}

export interface ApplyResult {
  readonly results: FrameResult[];
  readonly emitted: EmittedUpdate[];
  /** Connections whose held-back content is now integrated (in `emitted`): their acks may advance. */
  readonly released: number[];
  /** Connections whose held-back content was dropped past the pending bound: close them to resync. */
  readonly dropped: number[];
  /** Connections whose held-back content broke the shape rules once integrated. */
  readonly invalid: number[];
  readonly stats: DocStats;
}

export type DocResponse =
  | {
      readonly ok: true;
      readonly stats?: DocStats;
      readonly apply?: ApplyResult;
      readonly state?: Uint8Array;
      readonly heapUsed?: number;
    }
  | {
      readonly ok: false;
      /** `threw`: Yjs or our code threw inside the doc, which is dropped (its state is unknown). */
      readonly error: 'threw' | 'not_loaded';
      readonly message: string;
      /** Connections whose held-back content caused the throw (their content broke the rules). */
      readonly invalid?: number[];
    };

/** What the worker posts: an answer to request `n`, or its readiness. */
export type WorkerMessage =
  /**
   * `cpuMs`: the thread's CPU clock when the reply was sent (Linux), so the main thread knows where
   * the next request's CPU time starts without reading /proc itself.
   */
  | { readonly n: number; readonly response: DocResponse; readonly busyMs: number; readonly cpuMs?: number }
  /** `tid`: the worker's OS thread id, so the main thread can read its CPU time (Linux). */
  | { readonly ready: true; readonly tid?: number; readonly cpuMs?: number };
