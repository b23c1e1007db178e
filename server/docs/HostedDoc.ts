import * as Y from 'yjs';
import { checkUpdateShape } from '../../shared/model/docShape';
import { DOC_ROOTS, type RootsDeclaration } from '../../shared/model/layout';
import {
  CLOSE_FORBIDDEN,
  CLOSE_INVALID_CONTENT,
  CLOSE_PROTOCOL_ERROR,
  CLOSE_RESYNC,
  CLOSE_SERVER_BUSY,
  CLOSE_TOO_BIG,
} from '../../shared/protocol/syncProtocol';
import { estimatedHeapBytes } from './costModel';
import type {
  ApplyResult,
  DocFrame,
  DocStats,
  DocWorkerConfig,
  EmittedUpdate,
  FrameResult,
  RefusalReason,
} from './docMessages';

const APPLY_ORIGIN = Symbol('apply');
const ANSWER_CACHE_SIZE = 16;

/**
 * Thrown when the doc can no longer be trusted: Yjs or our code threw while applying, or content
 * that Yjs held back turned out, once integrated, to break the rules. The doc is dropped and the map
 * reloaded from storage; nothing of the batch was stored or acknowledged.
 */
export class DocFailure extends Error {
  constructor(
    message: string,
    /** Connections whose held-back content caused it. */
    readonly invalid: number[] = [],
  ) {
    super(message);
    this.name = 'DocFailure';
  }
}

/**
 * One map's Y.Doc inside a doc worker.
 *
 * Invariants:
 * - The doc's integrated content is exactly the stored log plus what the current batch emitted; the
 *   main thread stores `emitted` before it relays or acknowledges anything.
 * - Content Yjs holds back (pending structs and deletes, waiting for content the doc lacks) is never
 *   emitted, never part of an answer, and bounded by `maxPendingBytes`; the connections that
 *   contributed it are tracked so their acks wait until it is integrated (and stored) or dropped.
 * - Every update is checked against the document shape, the size limit and the map's memory budget
 *   before it is applied.
 */
export class HostedDoc {
  private readonly emitted: EmittedUpdate[] = [];
  private currentFrame = -1;
  private readonly held = new Set<number>();
  private bytes = 0;
  private version = 0;
  /**
   * Sync step 1 answers of the current version by state vector: the clients of one workshop ask with
   * the same vector, and each answer walks the whole doc. Cleared when the doc changes.
   */
  private readonly answers = new Map<string, Uint8Array>();
  private answersVersion = 0;
  /** Estimated heap the current batch may still add (the server-wide budget's headroom). */
  private growthLeft = Number.POSITIVE_INFINITY;

  private constructor(
    readonly doc: Y.Doc,
    private readonly config: DocWorkerConfig,
    /** The roots this kind of doc may have: a map's, or its conversation's. */
    private readonly roots: RootsDeclaration,
  ) {
    doc.on('update', (update: Uint8Array) => {
      this.emitted.push({ update, frame: this.currentFrame, toSenderToo: false });
    });
  }

  /** Builds the doc from stored rows; throws when Yjs does (a poisoned stored map). */
  static load(
    rows: readonly Uint8Array[],
    config: DocWorkerConfig,
    roots: RootsDeclaration = DOC_ROOTS,
  ): HostedDoc {
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      for (const row of rows) Y.applyUpdate(doc, row);
    });
    // Stored content whose dependencies were never stored can never be shown; it is not kept
    // pending, where it would count against connections that did not send it.
    doc.store.pendingStructs = null;
    doc.store.pendingDs = null;
    const hosted = new HostedDoc(doc, config, roots);
    hosted.bytes = rows.reduce((sum, row) => sum + row.byteLength, 0);
    return hosted;
  }

  stats(): DocStats {
    return {
      structs: this.structCount(),
      bytes: this.bytes,
      pendingBytes: this.pendingBytes(),
      version: this.version,
      stateVector: Y.encodeStateVector(this.doc),
    };
  }

  private structCount(): number {
    let structs = 0;
    for (const list of this.doc.store.clients.values()) structs += list.length;
    return structs;
  }

  /** The full state without held-back content: what a compaction stores. */
  encodeState(): Uint8Array {
    return this.encodeWithoutPending();
  }

  /** Drops held-back content; returns the connections that had contributed to it. */
  dropPending(): number[] {
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
    const dropped = [...this.held];
    this.held.clear();
    return dropped;
  }

  destroy(): void {
    this.doc.destroy();
  }

  /** Applies a batch in order. Throws DocFailure (after which the doc must be dropped). */
  apply(frames: readonly DocFrame[], maxGrowthBytes = Number.POSITIVE_INFINITY): ApplyResult {
    this.emitted.length = 0;
    this.growthLeft = maxGrowthBytes;
    const results: FrameResult[] = [];
    const released: number[] = [];
    const dropped: number[] = [];
    const refusedConns = new Set<number>();
    frames.forEach((frame, index) => {
      if (refusedConns.has(frame.conn)) {
        results.push({ kind: 'skipped' });
        return;
      }
      const result =
        frame.kind === 'step1'
          ? this.answer(frame.stateVector)
          : frame.kind === 'stored'
            ? this.applyStored(frame, index)
            : this.applyUpdate(frame, index);
      if (result.kind === 'refused') refusedConns.add(frame.conn);
      results.push(result);
      if (frame.kind === 'step1' || result.kind !== 'applied') return;
      if (this.held.size > 0 && this.pendingBytes() === 0) {
        released.push(...this.held);
        this.held.clear();
      }
      if (this.pendingBytes() > this.config.maxPendingBytes) dropped.push(...this.dropPending());
    });
    this.currentFrame = -1;
    return { results, emitted: this.emitted.splice(0), released, dropped, invalid: [], stats: this.stats() };
  }

  private answer(stateVector: Uint8Array): FrameResult {
    try {
      Y.decodeStateVector(stateVector);
    } catch {
      return refused(CLOSE_PROTOCOL_ERROR, 'malformed', 'malformed state vector');
    }
    if (this.answersVersion !== this.version) {
      this.answers.clear();
      this.answersVersion = this.version;
    }
    const key = Buffer.from(stateVector).toString('latin1');
    let update = this.answers.get(key);
    if (!update) {
      update = this.encodeWithoutPending(stateVector);
      if (this.answers.size >= ANSWER_CACHE_SIZE) this.answers.clear();
      this.answers.set(key, update);
    }
    return { kind: 'answer', update };
  }

  private applyUpdate(frame: DocFrame & { kind: 'update' }, index: number): FrameResult {
    const { update } = frame;
    const verdict = checkUpdateShape(update, this.doc, this.config.shape, this.roots, frame.writer);
    if (!verdict.ok) {
      switch (verdict.rule) {
        case 'undecodable':
          return refused(CLOSE_PROTOCOL_ERROR, 'malformed', 'malformed update');
        // Close reasons are at most 123 bytes; the app shows its own text per close code.
        case 'edit_only':
          return refused(CLOSE_FORBIDDEN, 'edit_only', 'Alleen de begeleider (bewerklink) leidt de werkvorm');
        case 'depends_on_missing':
          return refused(CLOSE_RESYNC, 'depends_on_missing', `resync: ${verdict.message}`);
        default:
          return refused(
            CLOSE_INVALID_CONTENT,
            'invalid_shape',
            `not a KetenKaart document: ${verdict.message}`,
          );
      }
    }
    const pendingBefore = this.pendingBytes();
    if (this.bytes + pendingBefore + update.byteLength > this.config.maxDocumentBytes) {
      // The running sum overestimates (overwritten and deleted content); measure before refusing.
      this.bytes = this.encodeWithoutPending().byteLength;
      if (this.bytes + pendingBefore + update.byteLength > this.config.maxDocumentBytes) {
        return refused(CLOSE_TOO_BIG, 'document_too_big', 'document size limit reached');
      }
    }
    // stats() would also encode the state vector; only the struct count is needed per frame.
    const structs = this.structCount() + verdict.structs;
    const heap = estimatedHeapBytes(this.config.cost, structs, this.bytes + update.byteLength);
    if (heap > this.config.maxMapHeapBytes) {
      return refused(CLOSE_TOO_BIG, 'map_memory', 'the map would exceed its memory budget on this server');
    }
    const growth = estimatedHeapBytes(this.config.cost, verdict.structs, update.byteLength);
    if (growth > this.growthLeft) {
      return refused(CLOSE_SERVER_BUSY, 'server_busy', 'the server is at its memory budget; try again later');
    }
    this.growthLeft -= growth;

    const { pendingStructs, pendingDs } = this.doc.store;
    // Yjs merges new held-back structs into an existing pendingStructs object in place (its
    // `update` replaced, the object kept): compare the update too, or a second connection's
    // held-back frame looks integrated and would be acknowledged without being stored.
    const pendingUpdate = pendingStructs?.update;
    const emittedBefore = this.emitted.length;
    this.currentFrame = index;
    try {
      Y.applyUpdate(this.doc, update, APPLY_ORIGIN);
    } catch (err) {
      throw new DocFailure(`applying an update threw: ${err instanceof Error ? err.message : String(err)}`);
    }
    const ownEmitted = this.emitted.slice(emittedBefore);
    for (const emitted of ownEmitted) this.bytes += emitted.update.byteLength;
    if (ownEmitted.length > 0) this.version++;
    const store = this.doc.store;
    const pendingChanged =
      store.pendingStructs !== pendingStructs ||
      store.pendingStructs?.update !== pendingUpdate ||
      store.pendingDs !== pendingDs;
    const held = (store.pendingStructs !== null || store.pendingDs !== null) && pendingChanged;
    if (pendingBefore > 0 && ownEmitted.length > 0) this.checkIntegratedPending(ownEmitted, frame.conn);
    if (held) this.held.add(frame.conn);
    if (this.bytes > this.config.maxDocumentBytes) {
      this.bytes = this.encodeWithoutPending().byteLength;
      if (this.bytes > this.config.maxDocumentBytes) {
        throw new DocFailure('integrated content pushed the document over its size limit', [
          ...this.held,
          frame.conn,
        ]);
      }
    }
    return { kind: 'applied', changed: ownEmitted.length > 0, held };
  }

  /**
   * A stored row: nobody may refuse it (the doc must hold what the store holds). When it integrates
   * held-back content of local clients, what it emits carries that unstored content too, so it is
   * stored like any client's change; otherwise it is marked `stored`.
   */
  private applyStored(frame: DocFrame & { kind: 'stored' }, index: number): FrameResult {
    const pendingBefore = this.pendingBytes();
    const emittedBefore = this.emitted.length;
    this.currentFrame = index;
    try {
      Y.applyUpdate(this.doc, frame.update, APPLY_ORIGIN);
    } catch (err) {
      throw new DocFailure(
        `applying a stored row threw: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const own = this.emitted.slice(emittedBefore);
    for (const emitted of own) this.bytes += emitted.update.byteLength;
    if (own.length > 0) this.version++;
    if (pendingBefore > 0 && own.length > 0) this.checkIntegratedPending(own, frame.conn);
    else {
      for (let i = emittedBefore; i < this.emitted.length; i++) {
        this.emitted[i] = { ...this.emitted[i]!, stored: true };
      }
    }
    return { kind: 'applied', changed: own.length > 0, held: false };
  }

  /**
   * Content held back was placed without the shape check knowing where it would land; now that
   * it is integrated, the emitted update says exactly what changed. It also carries others' content,
   * which the sender may lack: relay it to the sender too.
   */
  private checkIntegratedPending(emitted: EmittedUpdate[], sender: number): void {
    emitted.forEach((entry, i) => {
      emitted[i] = { ...entry, toSenderToo: true };
      const at = this.emitted.indexOf(entry);
      if (at >= 0) this.emitted[at] = emitted[i]!;
      const verdict = checkUpdateShape(entry.update, this.doc, this.config.shape, this.roots);
      if (!verdict.ok) {
        const culprits = this.held.size > 0 ? [...this.held] : [sender];
        throw new DocFailure(`held-back content broke the document shape: ${verdict.message}`, culprits);
      }
    });
  }

  private pendingBytes(): number {
    const { pendingStructs, pendingDs } = this.doc.store;
    return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
  }

  /** Yjs appends held-back content to every state it encodes; no client may get unstored content. */
  private encodeWithoutPending(stateVector?: Uint8Array): Uint8Array {
    const store = this.doc.store;
    const { pendingStructs, pendingDs } = store;
    store.pendingStructs = null;
    store.pendingDs = null;
    try {
      return Y.encodeStateAsUpdate(this.doc, stateVector);
    } finally {
      store.pendingStructs = pendingStructs;
      store.pendingDs = pendingDs;
    }
  }
}

const refused = (code: number, reason: RefusalReason, message: string): FrameResult => ({
  kind: 'refused',
  code,
  reason,
  message,
});
