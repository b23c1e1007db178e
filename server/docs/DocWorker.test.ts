/**
 * The watchdog counts what a request costs the worker's thread, not how late the main thread got
 * round to looking: on a loaded machine the first watchdog tick can come long after the deadline in
 * wall time, and a 1 ms request must not be taken for one that spent its whole deadline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DOC_SHAPE_LIMITS } from '../../shared/model/docShape';
import { DEFAULT_LIMITS } from '../limits';
import { COST_MODEL } from './costModel';
import { type DeathReason, DocWorker } from './DocWorker';
import { docWorkerBundle } from './workerBundle';

let worker: DocWorker | undefined;

afterEach(async () => {
  await worker?.close();
  worker = undefined;
});

async function startWorker(onDeath: (reason: DeathReason, message: string) => void): Promise<DocWorker> {
  const started = new DocWorker({
    tier: 'shared',
    bundle: await docWorkerBundle(),
    config: {
      maxDocumentBytes: DEFAULT_LIMITS.maxDocumentBytes,
      maxMapHeapBytes: DEFAULT_LIMITS.maxMapHeapBytes,
      maxPendingBytes: DEFAULT_LIMITS.maxPendingBytes,
      shape: DOC_SHAPE_LIMITS,
      cost: COST_MODEL,
    },
    heapLimitMb: 256,
    onDeath: (_worker, reason, _culprit, message) => onDeath(reason, message),
  });
  await started.ready;
  return started;
}

/** Keeps the main thread busy, as a loaded machine or a burst of other sockets' work would. */
function blockMainThread(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: no timer or message can run meanwhile
  }
}

describe('doc worker watchdog', () => {
  it('a cheap request whose first watchdog tick comes past the deadline in wall time is not ended', async () => {
    const deaths: string[] = [];
    worker = await startWorker((reason, message) => deaths.push(`${reason}: ${message}`));
    for (let i = 0; i < 3; i++) {
      // The worker answers within a millisecond, but the main thread is busy for three times the
      // deadline. Issued and blocked in the check phase, the next loop turn runs the expired
      // watchdog tick (timers) before it reads the worker's answer (poll): the late-tick case.
      const { response, busyMs } = await new Promise<Awaited<ReturnType<DocWorker['request']>>>(
        (resolve, reject) =>
          setImmediate(() => {
            worker!.request('map', { op: 'load', mapId: 'map', rows: [] }, 100).then(resolve, reject);
            blockMainThread(300);
          }),
      );
      expect(response.ok).toBe(true);
      expect(busyMs).toBeLessThan(100);
    }
    expect(deaths).toEqual([]);
    expect(worker.isAlive).toBe(true);
  });
});
