/**
 * Creating maps: the per-address limiter keeps its promise under address churn (least recently
 * used addresses are forgotten one at a time, never the whole table), and an operator can require a
 * token (CREATE_MAPS_TOKEN); without one, creation stays open.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CREATE_TOKEN_REQUIRED } from '../shared/protocol/syncProtocol';
import type { RunningServer } from './createServer';
import { startServer } from './test/helpers';

let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** POST /api/maps from a chosen loopback address; resolves the status and JSON body. */
function createFrom(
  url: string,
  localAddress: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname,
        port,
        path: '/api/maps',
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'Content-Type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('map-creation limiter', () => {
  it('an address that used its budget stays limited while many other addresses come and go', async () => {
    server = await startServer({
      limits: { createMapsBurst: 2, createMapsPerMinute: 1, createMapsTrackedAddresses: 4 },
    });
    const busy = '127.0.0.10';
    expect((await createFrom(server.url, busy)).status).toBe(201);
    expect((await createFrom(server.url, busy)).status).toBe(201);
    expect((await createFrom(server.url, busy)).status).toBe(429);
    // Twenty other addresses, five times the table's size: a table cleared when full would have
    // forgotten the busy address and given it a fresh budget.
    for (let i = 0; i < 20; i++) {
      expect((await createFrom(server.url, `127.0.1.${i + 1}`)).status).toBe(201);
      expect((await createFrom(server.url, busy)).status, `after ${i + 1} other addresses`).toBe(429);
    }
  });
});

describe('CREATE_MAPS_TOKEN', () => {
  it('when set, creating a map needs it as a bearer token: 401 without, 403 when wrong, 201 with it', async () => {
    server = await startServer({ createMapsToken: 'gemeente-geheim' });
    const without = await createFrom(server.url, '127.0.0.1');
    expect(without.status).toBe(401);
    expect(without.body[CREATE_TOKEN_REQUIRED]).toBe(true);
    const wrong = await createFrom(server.url, '127.0.0.1', { Authorization: 'Bearer raden' });
    expect(wrong.status).toBe(403);
    expect(wrong.body[CREATE_TOKEN_REQUIRED]).toBe(true);
    const right = await createFrom(server.url, '127.0.0.1', { Authorization: 'Bearer gemeente-geheim' });
    expect(right.status).toBe(201);
    expect(Object.keys(right.body).sort()).toEqual(['editKey', 'id', 'participateKey', 'viewKey']);
  });

  it('when unset, anyone may create a map, as before', async () => {
    server = await startServer();
    expect((await createFrom(server.url, '127.0.0.1')).status).toBe(201);
  });
});
