import os from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { plainWorkerArgv } from '../plainWorkerArgv';
import type { DocRequest, DocResponse, DocWorkerConfig, WorkerMessage } from './docMessages';
import { threadCpuMs } from './threadCpu';

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
  /** The number its message was posted with; the reply carries it back. */
  readonly n: number;
  readonly mapId: string;
  readonly request: DocRequest;
  readonly deadlineMs: number;
  readonly resolve: (value: { response: DocResponse; busyMs: number }) => void;
  readonly reject: (err: unknown) => void;
}

export interface DocWorkerOptions {
  readonly tier: Tier;
  readonly config: DocWorkerConfig;
  readonly heapLimitMb: number;
  /** The worker's code (`docWorkerBundle()`). */
  readonly bundle: URL;
  /** Called once when the worker ended for any reason but `close()`. */
  readonly onDeath: (
    worker: DocWorker,
    reason: DeathReason,
    culprit: string | undefined,
    message: string,
  ) => void;
}

/**
 * Young generation of a shared worker's heap, in MB (V8 sizes it by the heap limit otherwise: 8 MB of
 * new space per shared worker was measured under the cluster bench). A shared worker only runs
 * small requests (heavier ones go to isolated workers, which keep V8's default), whose garbage is
 * short-lived; with 2 MB the node's RSS under that bench was 122–128 MB against 140–156 MB, its p99
 * no worse in five alternating pairs (`docs/performance.md`, "Several nodes"). Loading a 3 MB doc
 * under it cost 10–25 % more CPU, inside the deadlines' fourfold margin; such a doc is isolated anyway.
 */
const SHARED_YOUNG_GENERATION_MB = 2;
/** Nice value of isolated workers' threads (0 is normal, 19 the lowest priority). */
const ISOLATED_NICE = 15;
/** How often the watchdog reads the running worker's CPU time. */
const WATCH_EVERY_MS = 25;
/** Wall-time backstop: a request is ended after this many times its deadline, CPU used or not. */
const WALL_FACTOR = 20;

/**
 * One doc worker thread seen from the main thread: a FIFO of requests, posted to the thread as they
 * come and run there one at a time, each under a watchdog from when the one before it ended. A
 * request that misses its deadline terminates the thread (V8 stops it wherever it is, also inside
 * Yjs); so does running out of its heap limit. Then the running request rejects with
 * `culprit: true`, the queued ones with `culprit: false`, and `onDeath` tells the pool.
 *
 * Why posted at once: posted only after the previous reply was read, a shared worker serving many
 * rooms sat idle after every reply until the main thread, busy with sockets, got round to it. Under
 * the cluster bench's load (20 maps × 50 updates/s) a request waited p99 26 ms in that FIFO for
 * 0.1 ms of work (`docs/performance.md`, "Several nodes").
 *
 * Which request is running: the oldest one whose reply has not been read. Replies come on a port of
 * their own, which the watchdog and `end` drain synchronously (`receiveMessageOnPort`) before they
 * judge, so a reply waiting behind a busy main thread never makes the next request's CPU count
 * against the one before it (which would blame the wrong map).
 *
 * Deadlines are in CPU time of the worker's thread (read from /proc on Linux; wall time elsewhere):
 * what a request costs, not how long a busy machine made it wait for a core. A wall-time backstop of
 * twenty times the deadline remains.
 */
export class DocWorker {
  readonly rooms = new Set<string>();
  readonly ready: Promise<void>;
  /** Whether the thread finished starting (`ready` resolved). */
  isReady = false;
  /** Milliseconds the thread spent on requests, for placement and metrics. */
  busyMs = 0;
  private readonly worker: Worker;
  /** Where the thread posts its replies (`readReplies`). */
  private readonly replies: MessagePort;
  /** Posted and not yet answered, oldest first; the first one is `running`. */
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private timer: NodeJS.Timeout | undefined;
  private tid: number | undefined;
  private startedAt = 0;
  /**
   * The thread's CPU clock when the running request started: the clock the worker sent with its
   * previous reply (an idle worker uses no CPU in between). Undefined off Linux.
   */
  private cpuAtStart: number | undefined;
  /** The clock as last sent by the worker (ready or a reply). */
  private lastCpu: number | undefined;

  private n = 0;
  private ended = false;
  private closing = false;

  constructor(private readonly options: DocWorkerOptions) {
    const channel = new MessageChannel();
    this.replies = channel.port1;
    this.worker = new Worker(options.bundle, {
      // The bundle is plain JavaScript: no TypeScript loader per thread.
      execArgv: plainWorkerArgv(),
      workerData: { config: options.config, replies: channel.port2 },
      transferList: [channel.port2],
      resourceLimits: {
        maxOldGenerationSizeMb: options.heapLimitMb,
        ...(options.tier === 'shared' ? { maxYoungGenerationSizeMb: SHARED_YOUNG_GENERATION_MB } : {}),
      },
    });
    // The worker's own handle keeps the process alive while requests are in flight; this port never.
    this.replies.unref();
    this.replies.on('message', (message: Extract<WorkerMessage, { n: number }>) => this.finish(message));
    // An idle pool must not keep the process alive; a request in flight must (a script awaiting it).
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if ('ready' in message) {
          this.worker.off('message', onMessage);
          this.tid = message.tid;
          this.lastCpu = message.cpuMs;
          if (options.tier === 'isolated') this.lowerPriority();
          this.isReady = true;
          resolve();
        }
      };
      this.worker.on('message', onMessage);
      this.worker.once('exit', () => reject(new Error('doc worker exited before it was ready')));
    });
    this.ready.catch(() => {});
    this.worker.on('error', (err: Error & { code?: string }) => {
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.end(memory ? 'memory' : 'crash', err.message);
    });
    this.worker.on('exit', (code) => this.end('crash', `exited with code ${code}`));
  }

  /**
   * Isolated workers run heavy or suspect maps; with a lower scheduling priority (nice 15, per
   * thread on Linux) a busy one gets a small share of a contended core, and the main thread and the
   * shared workers, which serve everyone else, keep theirs.
   */
  private lowerPriority(): void {
    if (this.tid === undefined) return;
    try {
      os.setPriority(this.tid, ISOLATED_NICE);
    } catch {
      // Not permitted or not Linux: isolation by thread only.
    }
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
      const job: Job = { n: ++this.n, mapId, request, deadlineMs, resolve, reject };
      this.worker.ref();
      this.worker.postMessage({ n: job.n, request }, [...transfer]);
      this.queue.push(job);
      if (!this.running) this.next();
    });
  }

  /** Stops the thread without reporting a death (server shutdown). */
  async close(): Promise<void> {
    this.closing = true;
    this.end('crash', 'closed');
    await this.worker.terminate();
  }

  /** The oldest unanswered request becomes the running one: its deadline starts now. */
  private next(): void {
    const job = this.queue[0];
    if (!job) {
      this.worker.unref();
      return;
    }
    this.running = job;
    this.startedAt = performance.now();
    this.cpuAtStart = this.lastCpu;
    this.timer = setInterval(() => this.watch(job), Math.min(WATCH_EVERY_MS, job.deadlineMs));
  }

  /** Reads the replies already posted, in order: whatever runs after them is the running request. */
  private readReplies(): void {
    for (;;) {
      const reply = receiveMessageOnPort(this.replies);
      if (!reply) return;
      this.finish(reply.message as Extract<WorkerMessage, { n: number }>);
    }
  }

  /**
   * Milliseconds of the running request so far: wall time, and CPU time of the worker's thread
   * since the request started. The start is the clock the worker sent with its previous reply, so
   * the main thread reads /proc only at watchdog ticks (most requests end before the first one).
   * Time the request waited for a core, or that the main thread's timers ran late, never counts:
   * on a loaded machine the first tick can come well past the deadline in wall time, and counting
   * that as CPU once ended an honest map's shared worker for a 1 ms edit.
   */
  private elapsed(): { cpu: number | undefined; wall: number } {
    const wall = performance.now() - this.startedAt;
    if (this.tid === undefined || this.cpuAtStart === undefined) return { cpu: undefined, wall };
    const now = threadCpuMs(this.tid);
    if (now === undefined) return { cpu: undefined, wall };
    return { cpu: now - this.cpuAtStart, wall };
  }

  private watch(job: Job): void {
    this.readReplies();
    if (this.running !== job || this.ended) return;
    const { cpu, wall } = this.elapsed();
    if ((cpu ?? wall) <= job.deadlineMs && wall <= job.deadlineMs * WALL_FACTOR) return;
    const spent = cpu === undefined ? `${Math.round(wall)} ms` : `${Math.round(cpu)} ms of CPU`;
    const deadline = Math.round(job.deadlineMs);
    this.end(
      'deadline',
      `a ${job.request.op} of map ${job.mapId} used ${spent}, past its ${deadline} ms deadline`,
    );
  }

  private finish(message: Extract<WorkerMessage, { n: number }>): void {
    const job = this.running;
    if (!job || message.n !== job.n) return;
    clearInterval(this.timer);
    this.queue.shift();
    this.running = undefined;
    // What the request cost this thread: the difference of its CPU clock (10 ms ticks, so one
    // request reads 0 or 10 for 1 ms, and the sum over many is right), else the worker's own
    // account of its busy time (wall time, which on a loaded machine includes waiting for a core).
    const cpu =
      message.cpuMs !== undefined && this.cpuAtStart !== undefined
        ? Math.max(0, message.cpuMs - this.cpuAtStart)
        : undefined;
    const busyMs = cpu ?? message.busyMs;
    this.lastCpu = message.cpuMs;
    this.busyMs += busyMs;
    job.resolve({ response: message.response, busyMs });
    this.next();
  }

  private end(reason: DeathReason, message: string): void {
    if (this.ended) return;
    // Requests the thread answered before it ended are not lost with it.
    if (!this.closing) this.readReplies();
    this.ended = true;
    clearInterval(this.timer);
    const running = this.running;
    this.running = undefined;
    // The running request (the oldest unanswered one) is the culprit; those behind it are not.
    for (const job of this.queue.splice(0)) job.reject(new HostLostError(reason, job === running, this.tier));
    this.replies.close();
    if (reason === 'deadline') void this.worker.terminate();
    if (!this.closing) this.options.onDeath(this, reason, running?.mapId, message);
  }
}
