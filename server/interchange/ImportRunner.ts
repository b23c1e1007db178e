import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import type { ImportJob, ImportReply, ImportResult } from './importMessages';

export interface ImportRunnerOptions {
  /** The worker's module (`importWorkerThread.ts`, bundled). */
  readonly workerUrl: () => Promise<URL>;
  /** An import that takes longer is stopped: its worker is ended and the import refused. */
  readonly deadlineMs: number;
  /** Heap of the worker: a file that needs more ends the worker, not the server. */
  readonly heapMb: number;
  readonly log: Logger;
}

/** The import ran past its deadline or ended its worker; nothing was written. */
export class ImportFailed extends Error {
  constructor(
    readonly reason: 'deadline' | 'worker',
    message: string,
  ) {
    super(message);
    this.name = 'ImportFailed';
  }
}

type Job = Omit<ImportJob, 'id'>;

/**
 * Runs imports on one worker thread, one at a time, so that reading and planning a file (CPU-bound,
 * a second or more for a large workbook, unbounded for a hostile one) never holds up the server's
 * event loop, and two imports never take both cores from the doc workers. The worker starts on the
 * first import and is kept; one that ran past its deadline or died is replaced by the next import.
 */
export class ImportRunner {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(private readonly options: ImportRunnerOptions) {}

  run(job: Job): Promise<ImportResult> {
    const result = this.queue.then(() => this.runNow(job));
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private async runNow(job: Job): Promise<ImportResult> {
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise<ImportResult>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      const timer = setTimeout(() => {
        done();
        this.options.log.warn({ deadlineMs: this.options.deadlineMs }, 'an import ran past its deadline');
        void this.stop(worker);
        reject(new ImportFailed('deadline', 'the import took too long'));
      }, this.options.deadlineMs);
      const onMessage = (reply: ImportReply) => {
        if (reply.id !== id) return;
        done();
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply.result);
      };
      const onExit = (code: number) => {
        done();
        reject(new ImportFailed('worker', `the import worker ended (${code})`));
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ ...job, id } satisfies ImportJob);
    });
  }

  private async start(): Promise<Worker> {
    if (this.worker) return this.worker;
    const worker = new Worker(await this.options.workerUrl(), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    worker.on('error', (err) => this.options.log.warn({ err: err.message }, 'the import worker failed'));
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
