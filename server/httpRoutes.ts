import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authorizer } from './access/Authorizer';
import { createApiHandler } from './httpApi';
import { sendJson } from './httpJson';
import { serverInterchange } from './interchange/serverInterchange';
import type { Limits } from './limits';
import type { Logger } from './logger';
import { mapKeyCheck } from './mapKeyCheck';
import type { Metrics } from './metrics';
import type { RoomRegistry } from './RoomRegistry';
import type { RoomRelay } from './relay/RoomRelay';
import { setSecurityHeaders } from './securityHeaders';
import type { ShareBaseAnswer } from './shareBase';
import { createStaticHandler } from './staticFiles';
import type { MapStore } from './storage/MapStore';
import { sendServerTime } from './workshop/serverTime';

export interface HttpRoutesDeps {
  readonly store: MapStore;
  readonly rooms: RoomRegistry;
  readonly limits: Limits;
  readonly log: Logger;
  readonly metrics: Metrics;
  /** Open sync sockets, for `/healthz`. */
  readonly connectionCount: () => number;
  readonly authorizer: Authorizer;
  /** Fan-out between nodes, when there are several. */
  readonly relay: RoomRelay | undefined;
  readonly onKeysRotated: (mapId: string, keyVersion: number) => void;
  /** Called after a map was created, before it is answered (its conversation doc's row). */
  readonly onMapCreated: (mapId: string) => Promise<void>;
  /** Dot voting's routes (`voting/`); false for a path that is not theirs. */
  readonly voting?: (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>;
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
 * the static client. A key in `Authorization: Bearer` is checked by the `Authorizer`, as the sync
 * socket's key is.
 */
export function createHttpRoutes(deps: HttpRoutesDeps): HttpRoutes {
  const { rooms, metrics, log, relay } = deps;
  const checkKey = mapKeyCheck(deps.authorizer);
  const interchange = serverInterchange({ rooms, checkKey, limits: deps.limits, log });
  const handleApi = createApiHandler({
    checkKey,
    interchange: interchange.routes,
    store: deps.store,
    authorizer: deps.authorizer,
    limits: deps.limits,
    log,
    onKeysRotated: deps.onKeysRotated,
    onMapCreated: deps.onMapCreated,
    shareBase: deps.shareBase,
  });
  const handleStatic = createStaticHandler(deps.staticDir, log);

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res);
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = async () => {
      if (pathname === '/healthz') {
        // Without the relay every node still serves its own clients (from the shared store), but
        // clients of one map on different nodes stop seeing each other: a load balancer should
        // know, so the degraded state answers 503.
        const relayDown = relay !== undefined && !relay.connected;
        sendJson(res, relayDown ? 503 : 200, {
          status: relayDown ? 'degraded' : 'ok',
          ...(relay ? { relay: relay.connected ? 'connected' : 'disconnected' } : {}),
          loadedMaps: rooms.size,
          connections: deps.connectionCount(),
        });
      } else if (pathname === '/metrics') {
        res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        metrics.loadedHeapBytes = rooms.loadedHeapBytes();
        if (relay) metrics.relayConnected = relay.connected ? 1 : 0;
        res.end(metrics.render());
      } else if (pathname === '/api/time' && (req.method === 'GET' || req.method === 'HEAD')) {
        sendServerTime(res);
      } else if (pathname === '/api' || pathname.startsWith('/api/')) {
        if (!(await deps.voting?.(req, res, pathname))) await handleApi(req, res, pathname);
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
