import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApiHandler } from './httpApi';
import { sendJson } from './httpJson';
import { serverInterchange } from './interchange/serverInterchange';
import type { Limits } from './limits';
import type { Logger } from './logger';
import { mapKeyCheck } from './mapKeyCheck';
import type { Metrics } from './metrics';
import type { RoomRegistry } from './RoomRegistry';
import { setSecurityHeaders } from './securityHeaders';
import type { ShareBaseAnswer } from './shareBase';
import { createStaticHandler } from './staticFiles';
import type { MapStore } from './storage/MapStore';

export interface HttpRoutesDeps {
  readonly store: MapStore;
  readonly rooms: RoomRegistry;
  readonly limits: Limits;
  readonly log: Logger;
  readonly metrics: Metrics;
  /** Open sync sockets, for `/healthz`. */
  readonly connectionCount: () => number;
  /** Lowest key version still valid for a map (raised by rotations). */
  readonly minKeyVersion: (mapId: string) => number;
  readonly onKeysRotated: (mapId: string, keyVersion: number) => void;
  readonly createMapsToken: string | undefined;
  readonly staticDir: string;
  readonly shareBase: (req: IncomingMessage) => ShareBaseAnswer;
}

export interface HttpRoutes {
  /** Answers one request: `/healthz`, `/metrics`, `/api/…` (docs/API.md), else the built client. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Ends what the routes started (the interchange worker). */
  close(): Promise<void>;
}

/**
 * Every HTTP route of the server but the sync socket's upgrade: health, metrics, the JSON API (maps,
 * keys, share base, and the import and export API with its interchange worker, `interchange/`), and
 * the static client. A key in `Authorization: Bearer` is checked as the sync socket checks its key.
 */
export function createHttpRoutes(deps: HttpRoutesDeps): HttpRoutes {
  const { rooms, metrics, log } = deps;
  const checkKey = mapKeyCheck(deps.store, deps.minKeyVersion);
  const interchange = serverInterchange({ rooms, checkKey, limits: deps.limits, log });
  const handleApi = createApiHandler({
    checkKey,
    interchange: interchange.routes,
    store: deps.store,
    limits: deps.limits,
    log,
    onKeysRotated: deps.onKeysRotated,
    createMapsToken: deps.createMapsToken,
    shareBase: deps.shareBase,
  });
  const handleStatic = createStaticHandler(deps.staticDir, log);

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res);
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = async () => {
      if (pathname === '/healthz') {
        sendJson(res, 200, { status: 'ok', loadedMaps: rooms.size, connections: deps.connectionCount() });
      } else if (pathname === '/metrics') {
        res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        metrics.loadedHeapBytes = rooms.loadedHeapBytes();
        res.end(metrics.render());
      } else if (pathname === '/api' || pathname.startsWith('/api/')) {
        await handleApi(req, res, pathname);
      } else if (req.method === 'GET' || req.method === 'HEAD') {
        handleStatic(req, res, pathname);
      } else {
        res.setHeader('Allow', 'GET, HEAD');
        sendJson(res, 405, { error: 'method not allowed' });
      }
    };
    route().catch((err: unknown) => {
      log.error({ err, path: pathname }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  };

  return { handle, close: interchange.close };
}
