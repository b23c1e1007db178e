import type { Logger } from '../logger';
import { type DeathReason, DocWorker, type Tier } from './DocWorker';
import type { DocWorkerConfig } from './docMessages';
import { docWorkerBundle } from './workerBundle';

export interface DocHostPoolOptions {
  readonly config: DocWorkerConfig;
  /** Workers every ordinary room shares. */
  readonly sharedWorkers: number;
  /** Workers for rooms too heavy, too slow or too suspect for the shared ones; started when needed. */
  readonly isolatedWorkers: number;
  /** `resourceLimits.maxOldGenerationSizeMb` of every worker. */
  readonly heapLimitMb: number;
  readonly log: Logger;
  /** A worker ended: the rooms it hosted (the culprit first, if one was running) must move or quit. */
  readonly onWorkerDeath: (death: WorkerDeath) => void;
  /** Live worker threads, after every start and end. */
  readonly onWorkerCount?: (count: number) => void;
}

export interface WorkerDeath {
  readonly tier: Tier;
  readonly reason: DeathReason;
  /** The map whose request was running, if any. */
  readonly culprit: string | undefined;
  /** Every map the worker hosted, the culprit included. */
  readonly rooms: readonly string[];
  readonly message: string;
}

/**
 * The doc worker threads and which room lives on which.
 *
 * Two tiers. Ordinary rooms share `sharedWorkers` threads, where every request has a short, fixed
 * deadline: a room never waits longer than that behind another room. Rooms predicted to need longer
 * (a big map, a big frame), rooms whose request missed the shared deadline, and rooms a suspect
 * address writes to run on `isolatedWorkers` threads under deadlines derived from the request's size;
 * there they can only delay each other. A shared worker that ends is replaced by a spare started in
 * advance (a worker takes 200–400 ms to start), so the rooms it hosted move on at once. The spare
 * is started at the first sign of trouble (`keepSpare`: the first room moved off the shared tier, or
 * the first worker that ended), not with the server: a thread costs about 10–15 MB of memory, and a
 * server whose shared rooms never misbehave never needs it; the first shared worker to end before
 * any move (a request that missed the shared deadline on its first try) is replaced by a fresh
 * thread instead.
 */
export class DocHostPool {
  private readonly shared: DocWorker[] = [];
  private readonly isolated: DocWorker[] = [];
  private spare: DocWorker | undefined;
  private readonly placement = new Map<string, DocWorker>();
  private readonly live = new Set<DocWorker>();
  private bundle: URL | undefined;
  private closed = false;

  constructor(private readonly options: DocHostPoolOptions) {}

  /**
   * Builds the worker code and starts the shared workers without waiting for them: a
   * join that arrives while they start waits for them, and its deadline is renewed meanwhile
   * (`isStarting`), so a restart under load neither refuses nor delays listening.
   */
  async start(): Promise<void> {
    this.bundle = await docWorkerBundle();
    for (let i = 0; i < this.options.sharedWorkers; i++) this.shared.push(this.spawn('shared'));
  }

  /** Whether a worker thread is still starting (a join waiting for it is not late; the server is). */
  get isStarting(): boolean {
    for (const worker of this.live) if (!worker.isReady) return true;
    return false;
  }

  /** The worker hosting `mapId`, if it is placed. */
  hostOf(mapId: string): DocWorker | undefined {
    const worker = this.placement.get(mapId);
    return worker?.isAlive ? worker : undefined;
  }

  /** Places a room on the tier asked for (the least busy worker of it) and returns its worker. */
  async place(mapId: string, tier: Tier): Promise<DocWorker> {
    if (this.closed) throw new Error('the doc workers are closed');
    this.release(mapId);
    const worker = tier === 'shared' ? this.leastLoaded(this.liveShared()) : this.isolatedWorker();
    worker.rooms.add(mapId);
    this.placement.set(mapId, worker);
    await worker.ready;
    return worker;
  }

  /** Forgets a room's placement (after its doc was unloaded, or its worker ended). */
  release(mapId: string): void {
    this.placement.get(mapId)?.rooms.delete(mapId);
    this.placement.delete(mapId);
  }

  /** Threads and rooms per tier, for /metrics and tests. */
  describe(): { shared: number[]; isolated: number[] } {
    return {
      shared: this.shared.filter((w) => w.isAlive).map((w) => w.rooms.size),
      isolated: this.isolated.filter((w) => w.isAlive).map((w) => w.rooms.size),
    };
  }

  /** Heap used by all live workers after a full GC (tests run with --expose-gc to measure it). */
  async heapUsed(): Promise<number> {
    const sizes = await Promise.all(
      [...this.live].map((w) =>
        w
          .request('', { op: 'heap', mapId: '' }, 10_000)
          .then(({ response }) => (response.ok ? (response.heapUsed ?? 0) : 0))
          .catch(() => 0),
      ),
    );
    return sizes.reduce((a, b) => a + b, 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.shared, ...this.isolated, ...(this.spare ? [this.spare] : [])];
    await Promise.allSettled(all.map((w) => w.close()));
  }

  private liveShared(): DocWorker[] {
    const live = this.shared.filter((w) => w.isAlive);
    if (live.length > 0) return live;
    // Every shared worker ended at once: start one now rather than refuse.
    const worker = this.spawn('shared');
    this.shared.push(worker);
    return [worker];
  }

  /**
   * A room leaves the shared tier (a suspect address writes to it, a batch too heavy for it): trouble
   * that may end a shared worker next, so from now on a spare is kept ready. A heavy map loaded
   * straight onto an isolated worker threatens no shared worker and starts none.
   */
  keepSpare(): void {
    if (!this.spare && !this.closed && this.bundle) this.spare = this.spawn('shared');
  }

  private isolatedWorker(): DocWorker {
    const live = this.isolated.filter((w) => w.isAlive);
    this.isolated.splice(0, this.isolated.length, ...live);
    // A new thread while below the cap and every existing one is taken; past it, share the least loaded.
    if (live.length < this.options.isolatedWorkers && live.every((w) => w.rooms.size > 0)) {
      const worker = this.spawn('isolated');
      this.isolated.push(worker);
      return worker;
    }
    return this.leastLoaded(live);
  }

  private leastLoaded(workers: DocWorker[]): DocWorker {
    return workers.reduce((best, w) =>
      w.rooms.size < best.rooms.size || (w.rooms.size === best.rooms.size && w.busyMs < best.busyMs)
        ? w
        : best,
    );
  }

  private spawn(tier: Tier): DocWorker {
    if (!this.bundle) throw new Error('the doc worker pool was not started');
    const worker = new DocWorker({
      tier,
      bundle: this.bundle,
      config: this.options.config,
      heapLimitMb: this.options.heapLimitMb,
      onDeath: (dead, reason, culprit, message) => this.onDeath(dead, reason, culprit, message),
    });
    this.live.add(worker);
    this.options.onWorkerCount?.(this.live.size);
    return worker;
  }

  private onDeath(
    worker: DocWorker,
    reason: DeathReason,
    culprit: string | undefined,
    message: string,
  ): void {
    this.live.delete(worker);
    const rooms = [...worker.rooms];
    for (const mapId of rooms) if (this.placement.get(mapId) === worker) this.placement.delete(mapId);
    worker.rooms.clear();
    if (worker === this.spare) this.spare = undefined;
    const sharedAt = this.shared.indexOf(worker);
    if (sharedAt >= 0 && !this.closed) {
      // The spare takes the dead worker's place; a new spare starts in the background.
      this.shared[sharedAt] = this.spare ?? this.spawn('shared');
      this.spare = this.spawn('shared');
    }
    this.options.log.warn(
      { tier: worker.tier, reason, culprit, rooms: rooms.length, thread: worker.threadId },
      `doc worker ended: ${message}`,
    );
    this.options.onWorkerCount?.(this.live.size);
    if (!this.closed) {
      const ordered = culprit ? [culprit, ...rooms.filter((r) => r !== culprit)] : rooms;
      this.options.onWorkerDeath({ tier: worker.tier, reason, culprit, rooms: ordered, message });
    }
  }
}
