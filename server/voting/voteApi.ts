import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { translator } from '../../shared/i18n/translate';
import { ID_PATTERN } from '../../shared/protocol/syncProtocol';
import { randomId } from '../../shared/randomId';
import {
  DEFAULT_DOTS_PER_PERSON,
  isNoteKind,
  MAX_DOTS_PER_PERSON,
  MAX_VOTE_DURATION_MS,
  MAX_VOTE_ITEMS,
  VOTER_TOKEN_PATTERN,
} from '../../shared/voting/voteTypes';
import type { Authorizer } from '../access/Authorizer';
import type { Role } from '../access/mapKeys';
import { clientAddress } from '../clientAddress';
import { LruMap } from '../LruMap';
import type { Logger } from '../logger';
import { TokenBucket } from '../TokenBucket';
import { voteState } from './publicVote';
import type { VoteFeed } from './VoteFeed';
import type { DotRefusal, VoteStore } from './VoteStore';

/** Dot changes per client address: a room of ten behind one municipal NAT clicks far less. */
const DOTS_PER_SECOND = 10;
const DOT_BURST = 100;
/** Distinct voter tokens one vote takes; bounds what a hostile link holder minting tokens can add. */
export const MAX_VOTERS = 1000;
const MAX_BODY_BYTES = 64 * 1024;

export interface VoteApiDeps {
  authorizer: Pick<Authorizer, 'authorizeRequest'>;
  votes: VoteStore;
  feed: VoteFeed;
  log: Logger;
  now?: () => number;
}

type ErrorCode =
  | DotRefusal
  | 'bad_request'
  | 'no_key'
  | 'wrong_key'
  | 'no_map'
  | 'edit_only'
  | 'view_only'
  | 'rate'
  | 'busy';

const STATUS: Readonly<Record<ErrorCode, number>> = {
  no_vote: 409,
  closed: 409,
  unknown_item: 422,
  over_budget: 409,
  one_per_item: 409,
  too_many_voters: 409,
  bad_request: 400,
  no_key: 401,
  wrong_key: 403,
  no_map: 404,
  edit_only: 403,
  view_only: 403,
  rate: 429,
  busy: 503,
};

/** A refusal: nothing changed. The body is `{ error, code }`, `error` in Dutch. */
class VoteError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail = '',
  ) {
    super(code);
  }
}

const dutch = translator('nl');

/** The voter's trace in storage: a hash of the vote and the token, so votes cannot be linked. */
export function voterHash(voteId: string, token: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`${voteId}\n${token}`, 'utf8').digest());
}

/**
 * `/api/maps/<id>/votes…`: dot voting over HTTP (docs/API.md, "Stemmen"). Returns false when the
 * path is not one of its routes.
 */
export function createVoteApi(deps: VoteApiDeps) {
  const now = deps.now ?? Date.now;
  const buckets = new LruMap<string, TokenBucket>(10_000);

  /** The key's role, decided by the server's one access policy (the `Authorizer`), as for sync. */
  const roleOf = async (mapId: string, key: string | undefined): Promise<Role> => {
    const grant = await deps.authorizer.authorizeRequest(mapId, key);
    if (grant.ok) return grant.role;
    throw new VoteError(grant.status === 401 ? 'no_key' : grant.status === 404 ? 'no_map' : 'wrong_key');
  };

  const requireEdit = (role: Role) => {
    if (role !== 'edit') throw new VoteError('edit_only');
  };

  const allowDot = (req: IncomingMessage): void => {
    const address = clientAddress(req.socket.remoteAddress);
    let bucket = buckets.get(address);
    if (!bucket) {
      bucket = new TokenBucket(DOTS_PER_SECOND, DOT_BURST);
      buckets.set(address, bucket);
    }
    if (!bucket.take()) throw new VoteError('rate');
  };

  const sendState = async (res: ServerResponse, mapId: string, token?: string) => {
    const stored = await deps.votes.current(mapId, now());
    const state = voteState(stored, now());
    const mine =
      token && stored && stored.vote.closedAt === null
        ? await deps.votes.ballot(mapId, stored.vote.voteId, voterHash(stored.vote.voteId, token))
        : {};
    send(res, 200, { ...state, mine });
  };

  const start = async (req: IncomingMessage, mapId: string) => {
    const body = await readJson(req);
    const kinds = body.kinds;
    if (!Array.isArray(kinds) || kinds.length === 0 || kinds.length > 3 || !kinds.every(isNoteKind)) {
      throw new VoteError('bad_request', '"kinds" moet een lijst van notitiesoorten zijn');
    }
    const items = body.items;
    if (
      !Array.isArray(items) ||
      items.length === 0 ||
      items.length > MAX_VOTE_ITEMS ||
      !items.every((id) => typeof id === 'string' && ID_PATTERN.test(id)) ||
      new Set(items).size !== items.length
    ) {
      throw new VoteError('bad_request', `"items" moet 1 tot ${MAX_VOTE_ITEMS} verschillende ids bevatten`);
    }
    const dots = body.dotsPerPerson ?? DEFAULT_DOTS_PER_PERSON;
    if (!Number.isInteger(dots) || (dots as number) < 1 || (dots as number) > MAX_DOTS_PER_PERSON) {
      throw new VoteError(
        'bad_request',
        `"dotsPerPerson" moet een geheel getal van 1 tot ${MAX_DOTS_PER_PERSON} zijn`,
      );
    }
    const duration = body.durationMs ?? null;
    if (
      duration !== null &&
      (!Number.isInteger(duration) ||
        (duration as number) < 1000 ||
        (duration as number) > MAX_VOTE_DURATION_MS)
    ) {
      throw new VoteError('bad_request', '"durationMs" moet null zijn of tussen 1 s en 12 uur liggen');
    }
    for (const flag of ['maxOnePerItem', 'hidden'] as const) {
      if (body[flag] !== undefined && typeof body[flag] !== 'boolean') {
        throw new VoteError('bad_request', `"${flag}" moet true of false zijn`);
      }
    }
    const startedAt = now();
    await deps.votes.start(mapId, {
      voteId: randomId(),
      kinds: kinds as never,
      items: items as string[],
      dotsPerPerson: dots as number,
      maxOnePerItem: body.maxOnePerItem === true,
      hidden: body.hidden === true,
      startedAt,
      endsAt: duration === null ? null : startedAt + (duration as number),
      closedAt: null,
      revealed: false,
    });
    deps.log.info({ mapId }, 'vote started');
  };

  const changeDot = async (req: IncomingMessage, res: ServerResponse, mapId: string) => {
    allowDot(req);
    const body = await readJson(req);
    const { token, itemId, dots, voteId } = body;
    if (typeof token !== 'string' || !VOTER_TOKEN_PATTERN.test(token)) {
      throw new VoteError(
        'bad_request',
        '"token" moet een stemtoken zijn (22 tot 64 tekens A-Z, a-z, 0-9, _ of -)',
      );
    }
    if (typeof voteId !== 'string' || !ID_PATTERN.test(voteId)) {
      throw new VoteError('bad_request', '"voteId" ontbreekt');
    }
    if (typeof itemId !== 'string' || !ID_PATTERN.test(itemId)) {
      throw new VoteError('bad_request', '"itemId" ontbreekt');
    }
    if (!Number.isInteger(dots) || (dots as number) < 0 || (dots as number) > MAX_DOTS_PER_PERSON) {
      throw new VoteError(
        'bad_request',
        `"dots" moet een geheel getal van 0 tot ${MAX_DOTS_PER_PERSON} zijn`,
      );
    }
    const outcome = await deps.votes.changeDot({
      mapId,
      voteId,
      voter: voterHash(voteId, token),
      itemId,
      dots: dots as number,
      now: now(),
      maxVoters: MAX_VOTERS,
    });
    if (!outcome.ok) throw new VoteError(outcome.reason);
    send(res, 200, { mine: outcome.ballot });
  };

  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    const match = /^\/api\/maps\/([^/]+)\/votes(?:\/(events|dots|stop|reveal))?$/.exec(pathname);
    if (!match) return false;
    const mapId = match[1] ?? '';
    const action = match[2] ?? '';
    const method = req.method ?? 'GET';
    try {
      if (action === 'events') {
        if (method !== 'GET') throw methodNotAllowed(res, 'GET');
        // EventSource cannot send headers: the key comes in the query, as on the sync socket.
        const key = new URL(req.url ?? '/', 'http://localhost').searchParams.get('key') ?? undefined;
        await roleOf(mapId, key);
        if (!deps.feed.subscribe(mapId, res)) throw new VoteError('busy');
        return true;
      }
      const role = await roleOf(mapId, bearer(req));
      if (action === '') {
        if (method === 'GET') {
          const token = req.headers['x-voter-token'];
          await sendState(
            res,
            mapId,
            typeof token === 'string' && VOTER_TOKEN_PATTERN.test(token) ? token : undefined,
          );
          return true;
        }
        if (method !== 'POST' && method !== 'DELETE') throw methodNotAllowed(res, 'GET, POST, DELETE');
        requireEdit(role);
        if (method === 'POST') await start(req, mapId);
        else await deps.votes.clear(mapId);
      } else {
        if (method !== 'POST') throw methodNotAllowed(res, 'POST');
        if (action === 'dots') {
          if (role === 'view') throw new VoteError('view_only');
          await changeDot(req, res, mapId);
          await deps.feed.publish(mapId);
          return true;
        }
        requireEdit(role);
        const done = action === 'stop' ? await deps.votes.stop(mapId, now()) : await deps.votes.reveal(mapId);
        if (!done) throw new VoteError(action === 'stop' ? 'closed' : 'no_vote');
      }
      await deps.feed.publish(mapId);
      await sendState(res, mapId);
    } catch (err) {
      if (err instanceof VoteError) {
        const params = err.detail ? { detail: err.detail } : undefined;
        send(res, STATUS[err.code], { error: dutch(`voting.error.${err.code}`, params), code: err.code });
      } else if (err instanceof HttpStatus) {
        send(res, err.status, { error: err.message });
      } else {
        deps.log.error({ err }, 'vote request failed');
        send(res, 500, { error: 'interne fout' });
      }
    }
    return true;
  };
}

class HttpStatus extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function methodNotAllowed(res: ServerResponse, allow: string): HttpStatus {
  res.setHeader('Allow', allow);
  return new HttpStatus(405, 'methode niet toegestaan');
}

function bearer(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** JSON only (a cross-site form cannot send it without a preflight); at most 64 KB. */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpStatus(415, 'stuur de inhoud als application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new HttpStatus(413, `de inhoud is groter dan ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new VoteError('bad_request', 'geen geldige JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new VoteError('bad_request', 'de inhoud moet een JSON-object zijn');
  }
  return parsed as Record<string, unknown>;
}
