import type { IncomingMessage, ServerResponse } from 'node:http';
import { CREATE_TOKEN_REQUIRED, ID_PATTERN } from '../shared/protocol/syncProtocol';
import { randomId } from '../shared/randomId';
import type { Authorizer } from './access/Authorizer';
import { keyHashes, newKeys } from './access/mapKeys';
import { clientAddress } from './clientAddress';
import { bearerToken, HttpError, methodNotAllowed, readBody, sendJson } from './httpJson';
import type { InterchangeRoutes } from './interchange/interchangeApi';
import { LruMap } from './LruMap';
import type { Limits } from './limits';
import type { Logger } from './logger';
import type { MapKeyCheck } from './mapKeyCheck';
import type { ShareBaseAnswer } from './shareBase';
import type { MapStore } from './storage/MapStore';
import { TokenBucket } from './TokenBucket';

const MAX_TITLE_LENGTH = 200;

export interface HttpApiDeps {
  store: MapStore;
  authorizer: Authorizer;
  limits: Limits;
  log: Logger;
  /** Called after keys were rotated, so open sockets that used the old keys can be closed. */
  onKeysRotated: (mapId: string, keyVersion: number) => void;
  checkKey: MapKeyCheck;
  /** `GET /api/maps/:id/export` and `POST /api/maps/:id/import`. */
  interchange: InterchangeRoutes;
  /** The answer of `GET /api/share-base` for this request. */
  shareBase: (req: IncomingMessage) => ShareBaseAnswer;
  /** Called after a map was created, before it is answered (its conversation doc's row). */
  onMapCreated?: (mapId: string) => Promise<void>;
}

export type ApiHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>;

/** Routes under /api. Every answer, errors included, is JSON; errors are `{ error }`. */
export function createApiHandler(deps: HttpApiDeps): ApiHandler {
  // Least recently used addresses are forgotten first, one at a time: churn through many addresses
  // cannot reset the budget of the addresses in use (a table that is cleared when full would).
  const buckets = new LruMap<string, TokenBucket>(deps.limits.createMapsTrackedAddresses);

  const allowCreate = (req: IncomingMessage): boolean => {
    const address = clientAddress(req.socket.remoteAddress);
    let bucket = buckets.get(address);
    if (!bucket) {
      bucket = new TokenBucket(deps.limits.createMapsPerMinute / 60, deps.limits.createMapsBurst);
      buckets.set(address, bucket);
    }
    return bucket.take();
  };

  const checkCreateToken = (req: IncomingMessage): void => {
    const refusal = deps.authorizer.refuseCreate(bearerToken(req));
    if (refusal) {
      throw new HttpError(refusal.status, refusal.message, {
        [CREATE_TOKEN_REQUIRED]: refusal.tokenRequired,
      });
    }
  };

  const createMap = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // A cross-site form can POST text/plain without a preflight; JSON needs one, which CORS refuses.
    if (!isJson(req)) throw new HttpError(415, 'send the body as application/json');
    checkCreateToken(req);
    if (!allowCreate(req))
      throw new HttpError(429, 'too many maps created from this address; try again later');
    const body = await readJsonBody(req, deps.limits.maxBodyBytes);
    // The title is accepted (and checked) for the clients that send it, but not stored: the map's
    // title lives in its doc, where access control covers it.
    const title = body.title ?? '';
    if (typeof title !== 'string' || title.length > MAX_TITLE_LENGTH) {
      throw new HttpError(400, `"title" must be a string of at most ${MAX_TITLE_LENGTH} characters`);
    }
    if (body.id !== undefined && (typeof body.id !== 'string' || !ID_PATTERN.test(body.id))) {
      throw new HttpError(400, `"id" must match ${ID_PATTERN.source}`);
    }
    const id = typeof body.id === 'string' ? body.id : randomId();
    const keys = newKeys();
    const created = await deps.store.createMap({ id, ...keyHashes(keys) });
    if (!created) throw new HttpError(409, 'a map with this id already exists');
    await deps.onMapCreated?.(id);
    deps.log.info({ mapId: id }, 'map created');
    sendJson(res, 201, { id, ...keys });
  };

  const rotateKeys = async (req: IncomingMessage, res: ServerResponse, id: string): Promise<void> => {
    const key = bearerToken(req);
    if (!key) throw new HttpError(401, 'send the edit key as "Authorization: Bearer <editKey>"');
    if (!ID_PATTERN.test(id)) throw new HttpError(404, 'no such map');
    const rotation = await deps.authorizer.rotateKeys(id, key);
    if (!rotation.ok) throw new HttpError(rotation.status, rotation.message);
    deps.onKeysRotated(id, rotation.keyVersion);
    deps.log.info({ mapId: id, keyVersion: rotation.keyVersion }, 'keys rotated');
    sendJson(res, 200, { id, ...rotation.keys });
  };

  return async (req, res, pathname) => {
    try {
      if (pathname === '/api/maps') {
        if (req.method !== 'POST') throw methodNotAllowed(res, 'POST');
        await createMap(req, res);
        return;
      }
      const rotate = /^\/api\/maps\/([^/]+)\/keys$/.exec(pathname);
      if (rotate) {
        if (req.method !== 'POST') throw methodNotAllowed(res, 'POST');
        await rotateKeys(req, res, rotate[1] ?? '');
        return;
      }
      if (pathname === '/api/share-base') {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(res, 'GET, HEAD');
        sendJson(res, 200, deps.shareBase(req));
        return;
      }
      const interchange = /^\/api\/maps\/([^/]+)\/(export|import)$/.exec(pathname);
      if (interchange) {
        const [, id = '', action] = interchange;
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (action === 'export') {
          if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(res, 'GET, HEAD');
          await deps.interchange.exportRoute(req, res, id, url);
        } else {
          if (req.method !== 'POST') throw methodNotAllowed(res, 'POST');
          await deps.interchange.importRoute(req, res, id, url);
        }
        return;
      }
      throw new HttpError(404, 'no such endpoint');
    } catch (err) {
      if (err instanceof HttpError) {
        if (err.status === 413 || err.status === 415) res.setHeader('Connection', 'close');
        sendJson(res, err.status, { error: err.message, ...err.details });
        return;
      }
      deps.log.error({ err }, 'API request failed');
      sendJson(res, 500, { error: 'internal error' });
    }
  };
}

function isJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

/** Reads at most `maxBytes`; an empty body counts as `{}`. */
async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const tooLarge = () => new HttpError(413, `request body larger than ${maxBytes} bytes`);
  const body = await readBody(req, maxBytes, tooLarge);
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, 'request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}
