/**
 * A doc worker thread: holds the Y.Docs of the rooms placed on it and answers one request at a time
 * (`docMessages.ts`). The main thread's watchdog terminates this thread when a request misses its
 * deadline, and `resourceLimits` end it instead of the process when its heap runs out; either way
 * nothing here was stored or acknowledged yet.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { docRoots } from '../../shared/model/layout';
import { rootsOfRoom } from '../../shared/model/roomRoots';
import type { DocRequest, DocResponse, DocWorkerConfig, WorkerMessage } from './docMessages';
import { DocFailure, HostedDoc } from './HostedDoc';
import { currentThreadId, threadCpuMs } from './threadCpu';

const { config, replies } = workerData as { config: DocWorkerConfig; replies: MessagePort };
const docs = new Map<string, HostedDoc>();
const port = parentPort!;
const tid = currentThreadId();
/** This thread's CPU clock, read once per reply here rather than per request on the main thread. */
const cpuNow = (): number | undefined => (tid === undefined ? undefined : threadCpuMs(tid));

function handle(request: DocRequest): { response: DocResponse; transfer: ArrayBuffer[] } {
  if (request.op === 'load') {
    docs.get(request.mapId)?.destroy();
    // A conversation doc is checked against its own roots; every other room is a map.
    const hosted = HostedDoc.load(request.rows, config, rootsOfRoom(request.mapId));
    docs.set(request.mapId, hosted);
    return { response: { ok: true, stats: hosted.stats() }, transfer: [] };
  }
  if (request.op === 'heap') {
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    collect?.();
    return { response: { ok: true, heapUsed: process.memoryUsage().heapUsed }, transfer: [] };
  }
  const hosted = docs.get(request.mapId);
  if (!hosted)
    return { response: { ok: false, error: 'not_loaded', message: 'map not loaded here' }, transfer: [] };
  switch (request.op) {
    case 'apply': {
      const apply = hosted.apply(request.frames, request.maxGrowthBytes);
      const buffers = new Set<ArrayBuffer>();
      for (const e of apply.emitted) buffers.add(e.update.buffer as ArrayBuffer);
      // Answers stay in the doc's cache for the next joiner: they are copied, not transferred.
      return { response: { ok: true, stats: apply.stats, apply }, transfer: [...buffers] };
    }
    case 'encode': {
      const state = hosted.encodeState();
      return {
        response: { ok: true, stats: hosted.stats(), state },
        transfer: [state.buffer as ArrayBuffer],
      };
    }
    case 'dropPending': {
      const dropped = hosted.dropPending();
      const stats = hosted.stats();
      return {
        response: {
          ok: true,
          stats,
          apply: { results: [], emitted: [], released: [], dropped, invalid: [], stats },
        },
        transfer: [],
      };
    }
    case 'unload': {
      const stats = hosted.stats();
      hosted.destroy();
      docs.delete(request.mapId);
      return { response: { ok: true, stats }, transfer: [] };
    }
  }
}

port.on('message', ({ n, request }: { n: number; request: DocRequest }) => {
  const started = performance.now();
  let result: { response: DocResponse; transfer: ArrayBuffer[] };
  try {
    result = handle(request);
  } catch (err) {
    // The doc's state is unknown after a throw inside it: drop it; the map reloads from storage.
    docs.get(request.mapId)?.destroy();
    docs.delete(request.mapId);
    const message = err instanceof Error ? err.message : String(err);
    const invalid = err instanceof DocFailure ? err.invalid : [];
    result = { response: { ok: false, error: 'threw', message, invalid }, transfer: [] };
  }
  const busyMs = performance.now() - started;
  const reply: WorkerMessage = { n, response: result.response, busyMs, cpuMs: cpuNow() };
  replies.postMessage(reply, result.transfer);
});

/**
 * Runs every doc operation a few times before the thread says it is ready: the first runs of
 * Yjs's and our code are interpreted and many times slower, and a cold worker must not miss the
 * first real request's deadline (measured: 15–25 ms for the first small apply, 1 ms after).
 */
function warmUp(): void {
  const source = new Y.Doc();
  const element = new Y.Map<unknown>();
  docRoots(source).actors.set('warm', element);
  element.set('label', 'warm');
  docRoots(source).meta.set('title', 'warm');
  const state = Y.encodeStateAsUpdate(source);
  for (let i = 0; i < 20; i++) {
    const hosted = HostedDoc.load([], config);
    element.set('position', { x: i, y: i });
    hosted.apply([
      { kind: 'update', conn: 0, update: state },
      { kind: 'update', conn: 0, update: Y.encodeStateAsUpdate(source) },
      { kind: 'step1', conn: 0, stateVector: Uint8Array.of(0) },
    ]);
    hosted.encodeState();
    hosted.destroy();
  }
  source.destroy();
}

warmUp();
port.postMessage({ ready: true, tid, cpuMs: cpuNow() } satisfies WorkerMessage);
