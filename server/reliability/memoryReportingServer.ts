/**
 * The production server (`createServer` with the same env options as main.ts) plus one addition for
 * tests: on an IPC 'memory' message it runs a full GC and answers its heap (the main thread's plus
 * every doc worker's, where the documents live) and RSS. Heap after GC is what a leak shows in; RSS
 * alone rarely shrinks after a peak. Start with `--expose-gc` and an IPC channel.
 */
import { optionsFromEnv } from '../config';
import { createServer } from '../createServer';

export interface MemoryReport {
  rss: number;
  /** The main thread's heap plus every doc worker's. */
  heapUsed: number;
  /** The doc workers' part of it, and how many workers there are (each carries its own code and warm-up). */
  workersHeapUsed: number;
  workers: number;
}

// Tests shorten the watchdog's deadlines (a JSON `Partial<CostModel>`), so that expensive updates
// are stopped within a CI-sized run; production reads only the documented variables.
const costModel = process.env.TEST_COST_MODEL ? JSON.parse(process.env.TEST_COST_MODEL) : undefined;
const server = await createServer({ ...optionsFromEnv(process.env), costModel });

process.on('message', async (message) => {
  if (message !== 'memory') return;
  const workersHeapUsed = await server.docWorkersHeapUsed();
  const workers = server.metrics.docWorkers;
  // Twice: the first pass can leave objects whose finalisers free more.
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.send?.({
    rss,
    heapUsed: heapUsed + workersHeapUsed,
    workersHeapUsed,
    workers,
  } satisfies MemoryReport);
});
