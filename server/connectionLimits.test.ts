/**
 * Connections are bounded: sync sockets in total and per address (a clear 1013 with a reason, a log
 * line, a metric), TCP connections per address, and idle, silent or slow sockets reaped on their
 * deadlines, so idle sockets cannot exhaust file descriptors and /healthz keeps answering.
 */
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_IDLE, CLOSE_SERVER_BUSY } from '../shared/protocol/syncProtocol';
import type { RunningServer, ServerOptions } from './createServer';
import { createLogger } from './logger';
import { createMap, openRaw, startServer, waitFor, wsUrl } from './test/helpers';

let server: RunningServer | undefined;
const sockets: net.Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  server = undefined;
});

/** A server whose log lines are kept in `lines`. */
async function startWithLog(options: ServerOptions): Promise<string[]> {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => lines.push(line) });
  server = await startServer({ ...options, logger });
  return lines;
}

/** GET /healthz from a given local address (another client machine, as far as the server can tell). */
function healthzFrom(url: string, localAddress: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname, port, path: '/healthz', localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

function tcp(url: string, localAddress = '127.0.0.1'): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port), localAddress }, () => resolve(socket));
    // Read (and drop) whatever arrives, so the close of the other side is seen.
    socket.resume();
    socket.on('error', reject);
    sockets.push(socket);
  });
}

const closedSoon = (socket: net.Socket): Promise<void> =>
  new Promise((resolve) => {
    if (socket.destroyed) resolve();
    socket.once('close', () => resolve());
  });

describe('connection caps', () => {
  it(`sync sockets over the per-address cap are closed with ${CLOSE_SERVER_BUSY}, logged and counted; others still connect`, async () => {
    const lines = await startWithLog({ limits: { maxConnectionsPerAddress: 3 } });
    const map = await createMap(server!.url);
    const url = `${wsUrl(server!.url)}/sync/${map.id}?key=${map.viewKey}`;
    const first = Array.from({ length: 3 }, () => openRaw(url));
    await Promise.all(first.map((raw) => raw.opened));
    const refused = openRaw(url);
    const closed = await refused.closed;
    expect(closed.code).toBe(CLOSE_SERVER_BUSY);
    expect(closed.reason).toMatch(/too many connections/);
    expect(server!.metrics.rejectedCount('too_many_connections')).toBe(1);
    expect(lines.some((line) => line.includes('connection limit reached'))).toBe(true);
    const elsewhere = openRaw(url, {}, '127.0.0.2');
    await elsewhere.opened;
    await waitFor(() => elsewhere.messages.length > 0, 'a socket from another address is served');
    expect(await healthzFrom(server!.url, '127.0.0.1')).toBe(200);
    for (const raw of [...first, elsewhere]) raw.ws.close();
  });

  it(`the total cap holds across addresses (${CLOSE_SERVER_BUSY})`, async () => {
    server = await startServer({ limits: { maxConnections: 2 } });
    const map = await createMap(server.url);
    const url = `${wsUrl(server.url)}/sync/${map.id}?key=${map.viewKey}`;
    const a = openRaw(url, {}, '127.0.0.2');
    const b = openRaw(url, {}, '127.0.0.3');
    await Promise.all([a.opened, b.opened]);
    expect((await openRaw(url, {}, '127.0.0.4').closed).code).toBe(CLOSE_SERVER_BUSY);
    a.ws.close();
    b.ws.close();
  });

  it('TCP connections over the per-address cap are dropped; /healthz answers another address', async () => {
    server = await startServer({ limits: { maxSocketsPerAddress: 5 } });
    const held = await Promise.all(Array.from({ length: 5 }, () => tcp(server!.url)));
    const extra = await tcp(server.url);
    await closedSoon(extra);
    expect(server.metrics.rejectedCount('too_many_sockets')).toBe(1);
    expect(await healthzFrom(server.url, '127.0.0.2')).toBe(200);
    for (const socket of held) expect(socket.destroyed).toBe(false);
  });
});

describe('deadlines', () => {
  it(`a sync socket that answers pings but sends nothing is closed with ${CLOSE_IDLE}`, async () => {
    server = await startServer({ pingIntervalMs: 100, limits: { idleSocketMs: 300 } });
    const map = await createMap(server.url);
    const raw = openRaw(`${wsUrl(server.url)}/sync/${map.id}?key=${map.viewKey}`);
    await raw.opened;
    const started = performance.now();
    expect((await raw.closed).code).toBe(CLOSE_IDLE);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(server.metrics.rejectedCount('idle')).toBe(1);
  });

  it('a connection that never sends a request, and one whose body trickles, are reaped', async () => {
    server = await startServer({ limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });
    const silent = await tcp(server.url);
    const slow = await tcp(server.url);
    slow.write(
      'POST /api/maps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    const started = performance.now();
    await Promise.all([closedSoon(silent), closedSoon(slow)]);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
