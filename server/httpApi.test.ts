import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../shared/protocol/syncProtocol';
import { randomId } from '../shared/randomId';
import type { RunningServer } from './createServer';
import { CONTENT_SECURITY_POLICY } from './securityHeaders';
import { createMap, startServer, tempDir } from './test/helpers';

let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (url: string, body?: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });

/** A request with the path sent byte for byte (fetch would normalise away `..`). */
function rawGet(url: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP API', () => {
  it('GET /healthz answers 200 { status: "ok" }', async () => {
    server = await startServer();
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('POST /api/maps creates a map with random URL-safe id and keys, hashed in storage', async () => {
    const dataDir = tempDir();
    server = await startServer({ dataDir });
    const res = await post(`${server.url}/api/maps`, JSON.stringify({ title: 'Ketenkaart Utrecht' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['editKey', 'id', 'participateKey', 'viewKey']);
    for (const value of Object.values(body)) expect(value).toMatch(ID_PATTERN);
    expect(new Set(Object.values(body)).size).toBe(4);
    expect((await post(`${server.url}/api/maps`)).status).toBe(201);
    await server.close();
    server = undefined;
    const dbBytes = Buffer.concat(
      fs.readdirSync(dataDir).map((f) => fs.readFileSync(path.join(dataDir, f))),
    ).toString('latin1');
    expect(dbBytes).toContain(body.id);
    expect(dbBytes).not.toContain(body.editKey);
    expect(dbBytes).not.toContain(body.viewKey);
    expect(dbBytes).not.toContain(body.participateKey);
  });

  it('accepts a client-chosen id once: 409 for a duplicate, 400 for a malformed one', async () => {
    server = await startServer();
    const id = randomId();
    const first = await post(`${server.url}/api/maps`, JSON.stringify({ id }));
    expect(first.status).toBe(201);
    expect(((await first.json()) as { id: string }).id).toBe(id);
    const dup = await post(`${server.url}/api/maps`, JSON.stringify({ id }));
    expect(dup.status).toBe(409);
    expect(await dup.json()).toHaveProperty('error');
    for (const bad of ['short', '../../etc/passwd', 'a'.repeat(65), 42]) {
      const res = await post(`${server.url}/api/maps`, JSON.stringify({ id: bad }));
      expect(res.status).toBe(400);
      expect(await res.json()).toHaveProperty('error');
    }
  });

  it('answers 400 to invalid JSON or a non-object body, 413 to a too large body', async () => {
    server = await startServer({ limits: { maxBodyBytes: 1024 } });
    for (const body of ['{not json', '[1,2]', '"x"', JSON.stringify({ title: 5 })]) {
      const res = await post(`${server.url}/api/maps`, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toHaveProperty('error');
    }
    const big = await post(`${server.url}/api/maps`, JSON.stringify({ title: 'x'.repeat(4096) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toHaveProperty('error');
  });

  it('rate-limits map creation per address with 429', async () => {
    server = await startServer({ limits: { createMapsBurst: 2, createMapsPerMinute: 1 } });
    expect((await post(`${server.url}/api/maps`)).status).toBe(201);
    expect((await post(`${server.url}/api/maps`)).status).toBe(201);
    expect((await post(`${server.url}/api/maps`)).status).toBe(429);
  });

  it('key rotation: 401 without key, 403 with the view key, 404 for an unknown map', async () => {
    server = await startServer();
    const map = await createMap(server.url);
    const rotate = (id: string, key?: string) =>
      post(`${server!.url}/api/maps/${id}/keys`, undefined, key ? { Authorization: `Bearer ${key}` } : {});
    expect((await rotate(map.id)).status).toBe(401);
    expect((await rotate(map.id, map.viewKey)).status).toBe(403);
    expect((await rotate(map.id, randomId())).status).toBe(403);
    expect((await rotate(randomId(), map.editKey)).status).toBe(404);
    const ok = await rotate(map.id, map.editKey);
    expect(ok.status).toBe(200);
    expect(Object.keys((await ok.json()) as object).sort()).toEqual([
      'editKey',
      'id',
      'participateKey',
      'viewKey',
    ]);
  });

  it('GET /metrics exposes the Prometheus series without secrets', async () => {
    server = await startServer();
    const map = await createMap(server.url);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    for (const name of [
      'ketenkaart_connections',
      'ketenkaart_loaded_maps',
      'ketenkaart_updates_in_total',
      'ketenkaart_updates_out_total',
      'ketenkaart_bytes_stored_total',
      'ketenkaart_storage_write_seconds_bucket',
      'ketenkaart_storage_write_seconds_count',
      'ketenkaart_rejected_messages_total',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain(map.id);
    expect(text).not.toContain(map.editKey);
  });
});

describe('static files', () => {
  function builtClient(): string {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>KetenKaart</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
    return dir;
  }

  it('serves the client with content types, cache policy and security headers', async () => {
    server = await startServer({ staticDir: builtClient() });
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    expect(index.headers.get('x-frame-options')).toBe('DENY');

    const asset = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('falls back to index.html for client routes, 404 for missing files', async () => {
    server = await startServer({ staticDir: builtClient() });
    const route = await fetch(`${server.url}/map/${randomId()}`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>KetenKaart</title>');
    expect((await fetch(`${server.url}/assets/missing-123.js`)).status).toBe(404);
  });

  it('refuses path traversal', async () => {
    const root = builtClient();
    fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'top secret');
    server = await startServer({ staticDir: root });
    for (const p of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]) {
      const res = await rawGet(server.url, p);
      expect(res.body).not.toContain('top secret');
      expect([403, 404]).toContain(res.status);
    }
  });

  it('without a built client, answers 503 telling to run npm run build', async () => {
    server = await startServer({ staticDir: path.join(tempDir(), 'missing') });
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
