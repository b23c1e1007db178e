import { bundleWorker } from '../docs/workerBundle';
import type { Limits } from '../limits';
import type { Logger } from '../logger';
import type { MapKeyCheck } from '../mapKeyCheck';
import type { RoomRegistry } from '../RoomRegistry';
import { InterchangeRunner } from './InterchangeRunner';
import { createInterchangeApi, type InterchangeRoutes } from './interchangeApi';
import { roomContent } from './roomContent';

/** The interchange worker's module, bundled like the doc worker's. */
export const interchangeWorkerBundle = (): Promise<URL> =>
  bundleWorker(new URL('./interchangeWorkerThread.ts', import.meta.url), 'interchange');

/** The server's import and export API: its routes over the rooms, and its interchange worker. */
export function serverInterchange(deps: {
  rooms: RoomRegistry;
  checkKey: MapKeyCheck;
  limits: Limits;
  log: Logger;
}): { routes: InterchangeRoutes; close: () => Promise<void> } {
  const worker = new InterchangeRunner({
    workerUrl: interchangeWorkerBundle,
    deadlineMs: deps.limits.interchangeDeadlineMs,
    heapMb: deps.limits.interchangeWorkerHeapMb,
    idleMs: deps.limits.interchangeWorkerIdleMs,
    log: deps.log,
  });
  const routes = createInterchangeApi({
    content: roomContent(deps.rooms),
    checkKey: deps.checkKey,
    worker,
    log: deps.log,
    maxImportBytes: deps.limits.maxImportBytes,
  });
  return { routes, close: () => worker.close() };
}
