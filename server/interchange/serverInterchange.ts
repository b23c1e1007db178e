import { bundleWorker } from '../docs/workerBundle';
import type { Limits } from '../limits';
import type { Logger } from '../logger';
import type { MapKeyCheck } from '../mapKeyCheck';
import type { RoomRegistry } from '../RoomRegistry';
import { ImportRunner } from './ImportRunner';
import { createInterchangeApi, type InterchangeRoutes } from './interchangeApi';
import { roomContent } from './roomContent';

/** The import worker's module, bundled like the doc worker's. */
export const importWorkerBundle = (): Promise<URL> =>
  bundleWorker(new URL('./importWorkerThread.ts', import.meta.url), 'import');

/** The server's import and export API: its routes over the rooms, and its import worker. */
export function serverInterchange(deps: {
  rooms: RoomRegistry;
  checkKey: MapKeyCheck;
  limits: Limits;
  log: Logger;
}): { routes: InterchangeRoutes; close: () => Promise<void> } {
  const imports = new ImportRunner({
    workerUrl: importWorkerBundle,
    deadlineMs: deps.limits.importDeadlineMs,
    heapMb: deps.limits.importWorkerHeapMb,
    log: deps.log,
  });
  const routes = createInterchangeApi({
    content: roomContent(deps.rooms),
    checkKey: deps.checkKey,
    imports,
    log: deps.log,
    maxImportBytes: deps.limits.maxImportBytes,
  });
  return { routes, close: () => imports.close() };
}
