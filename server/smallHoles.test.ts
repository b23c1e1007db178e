/**
 * The small holes: Origin checked with its scheme against the server's own origins and PUBLIC_URL
 * (never against Host, which a DNS-rebinding page controls), POST /api/maps only as JSON (a
 * cross-site form cannot create maps), and no key or token in any log line at any level.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer, ServerOptions } from './createServer';
import { createLogger } from './logger';
import { createMap, openRaw, startServer, updateFrame, waitFor, wsUrl } from './test/helpers';

let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Opens a sync socket with these headers; resolves the HTTP status of a refusal, or 101. */
async function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  const raw = openRaw(url, headers);
  return new Promise((resolve) => {
    raw.ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    raw.ws.once('open', () => {
      raw.ws.close();
      resolve(101);
    });
  });
}

describe('Origin', () => {
  it('is compared with its scheme to the own origin and PUBLIC_URL, never to the Host header', async () => {
    server = await startServer({ publicUrl: 'https://kaart.gemeente.example' });
    const map = await createMap(server.url);
    const url = `${wsUrl(server.url)}/sync/${map.id}?key=${map.viewKey}`;
    const own = new URL(server.url);
    // DNS rebinding: the attacker's name resolves to the server; Origin and Host agree.
    expect(await upgradeStatus(url, { Origin: 'http://rebind.example', Host: 'rebind.example' })).toBe(403);
    expect(await upgradeStatus(url, { Origin: `https://${own.host}` }), 'the wrong scheme').toBe(403);
    expect(
      await upgradeStatus(url, { Origin: 'http://kaart.gemeente.example' }),
      'PUBLIC_URL has https',
    ).toBe(403);
    expect(await upgradeStatus(url, { Origin: server.url })).toBe(101);
    expect(await upgradeStatus(url, { Origin: `http://localhost:${own.port}` })).toBe(101);
    expect(await upgradeStatus(url, { Origin: 'https://kaart.gemeente.example' })).toBe(101);
    expect(server.metrics.rejectedCount('origin')).toBe(3);
  });
});

describe('POST /api/maps', () => {
  it('requires application/json, so a cross-site text/plain form creates nothing', async () => {
    server = await startServer();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await fetch(`${server.url}/api/maps`, {
        method: 'POST',
        headers: { 'Content-Type': type },
        body: JSON.stringify({ title: 'cross-site' }),
      });
      expect(res.status, type).toBe(415);
    }
    const ok = await fetch(`${server.url}/api/maps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(ok.status).toBe(201);
  });
});

describe('logs', () => {
  it('no key or token appears in any log line, at any level, whatever the request', async () => {
    const lines: string[] = [];
    const token = 'create-token-that-must-not-leak-42';
    const options: ServerOptions = {
      logger: createLogger('trace', { write: (line: string) => lines.push(line) }),
      createMapsToken: token,
      limits: { maxMessageBytes: 1024 },
    };
    server = await startServer(options);
    const auth = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
    const res = await fetch(`${server.url}/api/maps`, { method: 'POST', headers: auth, body: '{}' });
    const map = (await res.json()) as { id: string; editKey: string; viewKey: string };
    const wrongKey = 'wrong-key-that-must-not-leak-1234567';
    const base = `${wsUrl(server.url)}/sync/${map.id}`;

    // Sockets: good keys, a wrong key, bad frames, a too-big frame, a foreign Origin, a wrong path.
    for (const key of [map.editKey, map.viewKey]) {
      const raw = openRaw(`${base}?key=${key}&ack=1`);
      await raw.opened;
      raw.ws.send(Uint8Array.of(9, 9, 9));
      await raw.closed;
    }
    const big = openRaw(`${base}?key=${map.editKey}`);
    await big.opened;
    big.ws.send(updateFrame(new Uint8Array(4096)));
    await big.closed;
    await openRaw(`${base}?key=${wrongKey}`).closed;
    await upgradeStatus(`${base}?key=${map.editKey}`, { Origin: 'http://evil.example' });
    await upgradeStatus(`${wsUrl(server.url)}/elsewhere?key=${map.editKey}`, {});
    // A malformed request whose request line carries the key: Node's parser error holds the raw bytes.
    await rawHttp(server.url, `GET /sync/${map.id}?key=${map.editKey} HTTP/1.1\r\nBad Header\r\n\r\n`);
    await rawHttp(
      server.url,
      `GET /x?token=${token} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`,
    );
    // Key rotation with the edit key as bearer, then the old key refused.
    const rotated = await fetch(`${server.url}/api/maps/${map.id}/keys`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${map.editKey}` },
    });
    const fresh = (await rotated.json()) as { editKey: string; viewKey: string };
    await fetch(`${server.url}/api/maps/${map.id}/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${wrongKey}` },
    });
    await server.close();
    server = undefined;

    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    expect(text).toMatch(/"level":20/); // debug lines were written too (the level is trace)
    for (const secret of [map.editKey, map.viewKey, fresh.editKey, fresh.viewKey, wrongKey, token]) {
      expect(text.includes(secret), `a log line holds a secret (${secret.slice(0, 4)}…)`).toBe(false);
    }
  });
});

/** Sends raw bytes as an HTTP request and resolves when the server closed or answered. */
function rawHttp(url: string, request: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => socket.write(request));
    socket.on('data', () => socket.end());
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
    socket.resume();
    void waitFor(() => socket.destroyed, 'raw request answered').catch(() => socket.destroy());
  });
}
