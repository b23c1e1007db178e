import {
  type CostModel,
  estimatedHeapBytes,
  isolatedDeadlineMs,
  type OpSize,
  predictedMs,
} from './docs/costModel';
import type { DocHostPool } from './docs/DocHostPool';
import { type DocWorker, HostLostError, type Tier } from './docs/DocWorker';
import type { DocFrame, DocRequest, DocResponse, DocStats } from './docs/docMessages';
import type { Logger } from './logger';
import type { MapBudget } from './MapBudget';
import type { Metrics } from './metrics';
import type { MapStore } from './storage/MapStore';

const NOTHING: OpSize = { appliedBytes: 0, encodedBytes: 0, frames: 0 };

/** Attempts at one request when workers keep ending under it for other rooms' sake. */
const MAX_ATTEMPTS = 4;
/** A request that missed its isolated deadline gets one more try with this many times the deadline. */
const SECOND_CHANCE = 4;

/** Loading or changing the map cost more than the server allows; the registry quarantines it. */
export class QuarantineError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'QuarantineError';
  }
}

export interface RoomDocDeps {
  store: MapStore;
  pool: DocHostPool;
  cost: CostModel;
  cpu: MapBudget;
  metrics: Metrics;
}

/**
 * A room's Y.Doc on a doc worker, and the ladder it climbs when a request costs too much:
 *
 * 1. On a shared worker every request has the short shared deadline. A request predicted to need
 *    longer (a heavy map or batch) or sent by a suspect address moves the doc to an isolated
 *    worker first; one that misses the shared deadline ends that worker (its other rooms reload)
 *    and moves the doc to an isolated worker, where it is tried again.
 * 2. On an isolated worker the deadline is derived from the request's size; a miss (or running out
 *    of memory) ends the worker and the request is tried once more with four times the deadline,
 *    on a fresh worker, so a machine that is merely busy does not quarantine an honest map.
 * 3. A second miss is a QuarantineError.
 *
 * Before a reload the room commits what the doc integrated and the store lacks (`beforeReload`), so
 * moving or reloading the doc is: read the log, load it on the new worker.
 */
export class RoomDoc {
  stats: DocStats = { structs: 0, bytes: 0, pendingBytes: 0, version: 0, stateVector: Uint8Array.of(0) };
  tier: Tier = 'shared';
  /** Seq of the last stored row (compaction replaces the log up to it) and the number of rows. */
  lastSeq = 0;
  rowCount = 0;
  /** Called when the doc was loaded again (its held-back content is gone). */
  onReload: () => void = () => {};
  /**
   * Awaited before the doc is loaded again: the room commits the batches it applied and has not
   * committed yet, so the store holds everything the doc integrated (a reload reads the store).
   */
  beforeReload: () => Promise<void> = () => Promise.resolve();
  private host: DocWorker | undefined;
  /** The last request that ended an isolated worker is being tried again (with a longer deadline). */
  private secondChance = false;

  constructor(
    readonly mapId: string,
    private readonly deps: RoomDocDeps,
    private readonly log: Logger,
  ) {}

  get heapBytes(): number {
    return estimatedHeapBytes(this.deps.cost, this.stats.structs, this.stats.bytes + this.stats.pendingBytes);
  }

  /**
   * Frames per batch: on a shared worker few enough that a batch stays well inside the shared
   * deadline (half the isolation threshold at the typical per-frame cost); elsewhere `max`.
   */
  maxBatchFrames(max: number): number {
    if (this.tier !== 'shared') return max;
    const { isolateAboveMs, typicalFrameMs } = this.deps.cost;
    return Math.max(1, Math.min(max, Math.floor(isolateAboveMs / 2 / typicalFrameMs)));
  }

  get isHosted(): boolean {
    return this.host?.isAlive === true;
  }

  /** Reads the stored log and loads it on a worker (an isolated one when it is heavy). */
  async load(tier: Tier = 'shared'): Promise<void> {
    const rows = await this.deps.store.loadUpdates(this.mapId);
    const bytes = rows.reduce((sum, row) => sum + row.data.byteLength, 0);
    const size: OpSize = { appliedBytes: bytes, encodedBytes: 0, frames: rows.length };
    const heavy = predictedMs(this.deps.cost, size) > this.deps.cost.isolateAboveMs;
    let target: Tier = heavy ? 'isolated' : tier;
    let scale = 1;
    for (let attempt = 1; ; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error('doc workers kept ending while the map loaded');
      this.host = await this.deps.pool.place(this.mapId, target);
      this.tier = target;
      let response: DocResponse;
      try {
        const request: DocRequest = { op: 'load', mapId: this.mapId, rows: rows.map((r) => r.data) };
        response = await this.request(request, size, scale);
      } catch (err) {
        if (!(err instanceof HostLostError)) throw err;
        if (err.culprit) [target, scale] = this.nextRung(err, 'loading');
        continue;
      }
      if (!response.ok) throw new QuarantineError(`loading failed: ${response.message}`);
      if (response.stats) this.stats = response.stats;
      this.lastSeq = rows.at(-1)?.seq ?? 0;
      this.rowCount = rows.length;
      return;
    }
  }

  /**
   * Applies a batch. Resolves the worker's response (which may say the apply threw); replays the
   * batch on a reloaded doc when a worker ended under it; rejects with QuarantineError at the top
   * of the ladder. `onCulprit` hears when this batch ended a worker (its senders become suspect).
   */
  async apply(
    frames: readonly DocFrame[],
    size: OpSize,
    suspect: boolean,
    onCulprit: () => void,
    maxGrowthBytes: number,
  ): Promise<DocResponse> {
    const predicted = predictedMs(this.deps.cost, size);
    if (this.tier === 'shared' && (suspect || predicted > this.deps.cost.isolateAboveMs)) {
      await this.reload('isolated', suspect ? 'a suspect address writes to it' : 'a heavy batch');
    }
    let scale = 1;
    for (let attempt = 1; ; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error('doc workers kept ending under this batch');
      if (!this.isHosted) await this.reload(this.tier, 'its doc worker ended');
      try {
        // Copied to the worker, not transferred: a replay after a worker ended needs the bytes again.
        const request: DocRequest = { op: 'apply', mapId: this.mapId, frames, maxGrowthBytes };
        const response = await this.request(request, size, scale);
        if (response.ok || response.error !== 'not_loaded') return response;
        await this.reload(this.tier, 'the doc was not on its worker');
      } catch (err) {
        if (!(err instanceof HostLostError)) throw err;
        if (!err.culprit) continue;
        onCulprit();
        const [tier, next] = this.nextRung(err, 'a change');
        scale = next;
        await this.reload(tier, `a batch missed its ${err.tier} deadline`);
      }
    }
  }

  /** Drops held-back content; resolves the connections that had contributed to it. */
  async dropPending(): Promise<number[]> {
    try {
      const response = await this.request({ op: 'dropPending', mapId: this.mapId }, NOTHING);
      if (!response.ok) return [];
      if (response.stats) this.stats = response.stats;
      return response.apply?.dropped ?? [];
    } catch (err) {
      if (err instanceof HostLostError) return [];
      throw err;
    }
  }

  /** The full state for a compaction, or undefined when the doc is not available right now. */
  async encodeState(): Promise<Uint8Array | undefined> {
    try {
      const size = { appliedBytes: 0, encodedBytes: this.stats.bytes, frames: 0 };
      const response = await this.request({ op: 'encode', mapId: this.mapId }, size);
      return response.ok ? response.state : undefined;
    } catch (err) {
      if (err instanceof HostLostError && err.culprit && err.tier === 'isolated') {
        throw new QuarantineError('compaction missed its deadline');
      }
      // The log is untouched; the next batch reloads the doc and compaction runs later.
      if (err instanceof HostLostError) return undefined;
      throw err;
    }
  }

  /**
   * Replaces the stored rows up to `upToSeq` with the doc's state, which holds every row up to it (with
   * several nodes, rows after it stay). Runs between batches of the room's queue; a failure leaves the
   * log untouched.
   */
  async compact(upToSeq: number): Promise<void> {
    const state = await this.encodeState();
    if (!state) return;
    try {
      const rowsBefore = this.rowCount;
      await this.deps.store.compact(this.mapId, upToSeq, state);
      this.rowCount = 1;
      this.deps.metrics.compactions++;
      this.log.debug({ rowsBefore, bytesAfter: state.byteLength }, 'compacted update log');
    } catch (err) {
      // The log is untouched on failure (one transaction), so serving can go on.
      this.log.error({ err }, 'compaction failed');
    }
  }

  /**
   * Loads the doc again from storage, on `tier`. `discard`: what the doc holds beyond the store is to
   * be dropped, not committed first (the store refused it).
   */
  async reload(tier: Tier, why: string, discard = false): Promise<void> {
    if (!discard) await this.beforeReload();
    if (this.tier === 'shared' && tier === 'isolated') this.deps.pool.keepSpare();
    this.deps.metrics.roomsMoved++;
    this.log.info({ from: this.tier, to: tier, why }, 'loading the map on another doc worker');
    this.onReload();
    await this.unload();
    await this.load(tier);
  }

  async unload(): Promise<void> {
    const host = this.host;
    this.host = undefined;
    this.deps.pool.release(this.mapId);
    if (!host?.isAlive) return;
    const request: DocRequest = { op: 'unload', mapId: this.mapId };
    await host.request(this.mapId, request, this.deps.cost.sharedDeadlineMs).catch(() => {});
  }

  /** Where a request that ended its worker goes next: isolated, then a second chance, then quarantine. */
  private nextRung(err: HostLostError, what: string): [Tier, number] {
    if (err.tier === 'shared') return ['isolated', 1];
    if (this.secondChance) {
      this.secondChance = false;
      throw new QuarantineError(
        err.reason === 'memory' ? `${what} ran out of memory` : `${what} missed its deadline twice`,
      );
    }
    this.secondChance = true;
    return ['isolated', SECOND_CHANCE];
  }

  private request(request: DocRequest, size: OpSize, scale = 1): Promise<DocResponse> {
    const host = this.host;
    if (!host?.isAlive) return Promise.reject(new HostLostError('crash', false, this.tier));
    const deadline =
      this.tier === 'shared'
        ? this.deps.cost.sharedDeadlineMs
        : scale * isolatedDeadlineMs(this.deps.cost, size);
    return host.request(this.mapId, request, deadline).then(({ response, busyMs }) => {
      this.deps.cpu.charge(this.mapId, busyMs);
      if (scale > 1) this.secondChance = false;
      return response;
    });
  }
}
