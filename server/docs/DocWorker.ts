import { Worker } from 'node:worker_threads';
import type { DocRequest, DocResponse, DocWorkerConfig, WorkerMessage } from './docMessages';

export type Tier = 'shared' | 'isolated';

/** Why a worker ended: the watchdog, its heap limit, or anything else. */
export type DeathReason = 'deadline' | 'memory' | 'crash';

/** A request failed because its worker ended. `culprit`: this request was the one running. */
export class HostLostError extends Error {
  constructor(
    readonly reason: DeathReason,
    readonly culprit: boolean,
    readonly tier: Tier,
  ) {
    super(`doc worker ended (${reason})${culprit ? ' while running this request' : ''}`);
    this.name = 'HostLostError';
  }
}

interface Job {
  readonly mapId: string;
  readonly request: DocRequest;
  readonly deadlineMs: number;
  readonly transfer: readonly ArrayBuffer[];
  readonly resolve: (value: { response: DocResponse; busyMs: number }) => void;
  readonly reject: (err: unknown) => void;
}

export interface DocWorkerOptions {
  readonly tier: Tier;
  readonly config: DocWorkerConfig;
  readonly heapLimitMb: number;
  /** Called once when the worker ended for any reason but `close()`. */
  readonly onDeath: (
    worker: DocWorker,
    reason: DeathReason,
    culprit: string | undefined,
    message: string,
  ) => void;
}

const BOOT = new URL('./docWorkerBoot.mjs', import.meta.url);
const ENTRY = new URL('./docWorkerThread.ts', import.meta.url).href;

/**
 * One doc worker thread seen from the main thread: a FIFO of requests, one running at a time, each
 * under a watchdog. A request that misses its deadline terminates the thread (V8 stops it wherever
 * it is, also inside Yjs); so does running out of its heap limit. Then the running request rejects
 * with `culprit: true`, the queued ones with `culprit: false`, and `onDeath` tells the pool.
 */
export class DocWorker {
  readonly rooms = new Set<string>();
  readonly ready: Promise<void>;
  /** Milliseconds the thread spent on requests, for placement and metrics. */
  busyMs = 0;
  private readonly worker: Worker;
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private timer: NodeJS.Timeout | undefined;
  private n = 0;
  private ended = false;
  private closing = false;

  constructor(private readonly options: DocWorkerOptions) {
    this.worker = new Worker(BOOT, {
      workerData: { entry: ENTRY, config: options.config },
      resourceLimits: { maxOldGenerationSizeMb: options.heapLimitMb },
    });
    // An idle pool must not keep the process alive; a request in flight must (a script awaiting it).
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if ('ready' in message) {
          this.worker.off('message', onMessage);
          resolve();
        }
      };
      this.worker.on('message', onMessage);
      this.worker.once('exit', () => reject(new Error('doc worker exited before it was ready')));
    });
    this.ready.catch(() => {});
    this.worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) return;
      this.finish(message);
    });
    this.worker.on('error', (err: Error & { code?: string }) => {
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.end(memory ? 'memory' : 'crash', err.message);
    });
    this.worker.on('exit', (code) => this.end('crash', `exited with code ${code}`));
  }

  get tier(): Tier {
    return this.options.tier;
  }

  get isAlive(): boolean {
    return !this.ended;
  }

  get threadId(): number {
    return this.worker.threadId;
  }

  /** Queues a request; its deadline starts when it starts running. `transfer`: buffers handed over. */
  request(
    mapId: string,
    request: DocRequest,
    deadlineMs: number,
    transfer: readonly ArrayBuffer[] = [],
  ): Promise<{ response: DocResponse; busyMs: number }> {
    return new Promise((resolve, reject) => {
      if (this.ended) {
        reject(new HostLostError('crash', false, this.tier));
        return;
      }
      this.queue.push({ mapId, request, deadlineMs, transfer, resolve, reject });
      if (!this.running) this.next();
    });
  }

  /** Stops the thread without reporting a death (server shutdown). */
  async close(): Promise<void> {
    this.closing = true;
    this.end('crash', 'closed');
    await this.worker.terminate();
  }

  private next(): void {
    const job = this.queue.shift();
    if (!job) {
      this.worker.unref();
      return;
    }
    this.running = job;
    this.worker.ref();
    this.timer = setTimeout(
      () =>
        this.end(
          'deadline',
          `a ${job.request.op} of map ${job.mapId} ran past its ${Math.round(job.deadlineMs)} ms deadline`,
        ),
      job.deadlineMs,
    );
    this.worker.postMessage({ n: ++this.n, request: job.request }, [...job.transfer]);
  }

  private finish(message: Extract<WorkerMessage, { n: number }>): void {
    const job = this.running;
    if (!job || message.n !== this.n) return;
    clearTimeout(this.timer);
    this.running = undefined;
    this.busyMs += message.busyMs;
    job.resolve({ response: message.response, busyMs: message.busyMs });
    this.next();
  }

  private end(reason: DeathReason, message: string): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    const running = this.running;
    this.running = undefined;
    running?.reject(new HostLostError(reason, true, this.tier));
    for (const job of this.queue.splice(0)) job.reject(new HostLostError(reason, false, this.tier));
    if (reason === 'deadline') void this.worker.terminate();
    if (!this.closing) this.options.onDeath(this, reason, running?.mapId, message);
  }
}
