/**
 * Requests are posted to the thread as they come, so the thread may be well into the next one
 * before the main thread reads a reply; the watchdog must still blame the request that is running.
 *
 * The watchdog counts what a request costs the worker's thread, not how late the main thread got
 * round to looking: on a loaded machine the first watchdog tick can come long after the deadline in
 * wall time, and a 1 ms request must not be taken for one that spent its whole deadline.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_SHAPE_LIMITS } from '../../shared/model/docShape';
import { keyChainQuadratic } from '../../shared/testing/hostileUpdates';
import { DEFAULT_LIMITS } from '../limits';
import { putLabel } from '../test/helpers';
import { COST_MODEL } from './costModel';
import { type DeathReason, DocWorker, HostLostError } from './DocWorker';
import { currentThreadId, threadCpuMs } from './threadCpu';
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

/** CPU time of every thread of this process but the calling one, in ms (Linux). */
function otherThreadsCpuMs(): number {
  const self = currentThreadId();
  let sum = 0;
  for (const tid of fs.readdirSync('/proc/self/task').map(Number)) {
    if (tid !== self) sum += threadCpuMs(tid) ?? 0;
  }
  return sum;
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

  it('a request whose reply waits behind a busy main thread is not blamed for the CPU of the one posted after it', async () => {
    const deaths: string[] = [];
    worker = await startWorker((reason, message) => deaths.push(`${reason}: ${message}`));
    for (const mapId of ['honest', 'hostile'])
      await worker.request(mapId, { op: 'load', mapId, rows: [] }, 1000);
    const edit = new Y.Doc();
    putLabel(edit, 'a1', 'an honest edit');
    const frames = (update: Uint8Array) => [{ kind: 'update' as const, conn: 1, update }];
    const quadratic = keyChainQuadratic(40_000);
    const settled = await new Promise<[PromiseSettledResult<unknown>, PromiseSettledResult<unknown>]>(
      (resolve) =>
        setImmediate(() => {
          const honest = worker!.request(
            'honest',
            {
              op: 'apply',
              mapId: 'honest',
              frames: frames(Y.encodeStateAsUpdate(edit)),
              maxGrowthBytes: 1e9,
            },
            50,
          );
          const hostile = worker!.request(
            'hostile',
            { op: 'apply', mapId: 'hostile', frames: frames(quadratic), maxGrowthBytes: 1e9 },
            100,
          );
          // The thread answers the honest edit within a millisecond and spins on the quadratic while
          // the main thread cannot read the answer: the watchdog's next tick sees both at once. The
          // main thread stays busy until the thread has used more than both deadlines together (a
          // loaded machine gives it its core late), at most 10 s.
          const from = otherThreadsCpuMs();
          const until = performance.now() + 10_000;
          while (otherThreadsCpuMs() - from < 250 && performance.now() < until) blockMainThread(5);
          void Promise.allSettled([honest, hostile]).then(resolve);
        }),
    );
    expect(settled[0].status).toBe('fulfilled');
    expect(settled[1].status).toBe('rejected');
    const lost = (settled[1] as PromiseRejectedResult).reason;
    expect(lost).toBeInstanceOf(HostLostError);
    expect((lost as HostLostError).culprit).toBe(true);
    expect(deaths).toHaveLength(1);
    expect(deaths[0]).toMatch(/^deadline: a apply of map hostile used/);
  });
});
