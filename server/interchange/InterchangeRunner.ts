import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import { plainWorkerArgv } from '../plainWorkerArgv';
import type { InterchangeJob, InterchangeReply, JobResult } from './interchangeMessages';

export interface InterchangeRunnerOptions {
  /** The worker's module (`interchangeWorkerThread.ts`, bundled). */
  readonly workerUrl: () => Promise<URL>;
  /** A job that takes longer is stopped: its worker is ended and the job refused. */
  readonly deadlineMs: number;
  /** Heap of the worker: a file that needs more ends the worker, not the server. */
  readonly heapMb: number;
  /** A worker with no job for this long is ended (its libraries and heap are freed); the next job starts one. */
  readonly idleMs: number;
  readonly log: Logger;
}

/** The job ran past its deadline or ended its worker (an import then wrote nothing). */
export class InterchangeFailed extends Error {
  constructor(
    readonly reason: 'deadline' | 'worker',
    message: string,
  ) {
    super(message);
    this.name = 'InterchangeFailed';
  }
}

/**
 * Runs imports and exports on one worker thread, one at a time, so that reading and planning a file
 * or writing a workbook (CPU-bound, a second or more for a large one, unbounded for a hostile file)
 * never holds up the server's event loop, and two never take both cores from the doc workers. The
 * worker starts on the first job and is kept while jobs come, ended `idleMs` after the last one
 * (its libraries alone, the auto-layout's ELK first, hold some 70 MiB); one that ran past its
 * deadline or died is replaced by the next job.
 */
export class InterchangeRunner {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  /** Jobs queued or running; the idle timer runs only at zero. */
  private jobs = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: InterchangeRunnerOptions) {}

  run<J extends InterchangeJob>(job: J): Promise<JobResult<J>> {
    this.jobs++;
    clearTimeout(this.idleTimer);
    const result = this.queue.then(() => this.runNow(job) as Promise<JobResult<J>>);
    this.queue = result.catch(() => undefined).then(() => this.jobDone());
    return result;
  }

  /** Whether a worker thread is up (started by a job, not yet ended for idleness). */
  get hasWorker(): boolean {
    return this.worker !== undefined;
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private jobDone(): void {
    if (--this.jobs > 0 || !this.worker) return;
    const worker = this.worker;
    this.idleTimer = setTimeout(() => void this.stop(worker), this.options.idleMs);
    this.idleTimer.unref();
  }

  private async runNow(job: InterchangeJob): Promise<JobResult<InterchangeJob>> {
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      const timer = setTimeout(() => {
        done();
        this.options.log.warn(
          { job: job.kind, deadlineMs: this.options.deadlineMs },
          'an interchange job ran past its deadline',
        );
        void this.stop(worker);
        reject(new InterchangeFailed('deadline', `the ${job.kind} took too long`));
      }, this.options.deadlineMs);
      const onMessage = (reply: InterchangeReply) => {
        if (reply.id !== id) return;
        done();
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply.result as JobResult<InterchangeJob>);
      };
      const onExit = (code: number) => {
        done();
        reject(new InterchangeFailed('worker', `the interchange worker ended (${code})`));
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ ...job, id });
    });
  }

  private async start(): Promise<Worker> {
    if (this.worker) return this.worker;
    // Plain JavaScript (the bundle): without the TypeScript loader each start would register it again.
    const worker = new Worker(await this.options.workerUrl(), {
      execArgv: plainWorkerArgv(),
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    worker.on('error', (err) => this.options.log.warn({ err: err.message }, 'the interchange worker failed'));
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private async stop(worker: Worker): Promise<void> {
    if (this.worker === worker) this.worker = undefined;
    await worker.terminate();
  }
}
