import type os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { optionsFromEnv } from './config';
import type { RunningServer } from './createServer';
import { isLoopbackAddress, networkUrls } from './shareBase';
import { startServer } from './test/helpers';

type Interfaces = ReturnType<typeof os.networkInterfaces>;
type Entry = NonNullable<Interfaces[string]>[number];

const entry = (address: string, family: 'IPv4' | 'IPv6', internal = false): Entry =>
  ({
    address,
    family,
    internal,
    netmask: '',
    mac: '',
    cidr: null,
    ...(family === 'IPv6' ? { scopeid: 0 } : {}),
  }) as Entry;

/** A laptop in a workshop: loopback, wifi with IPv4 and IPv6 (one of them link-local), a docker bridge. */
const LAPTOP: Interfaces = {
  lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
  wlan0: [entry('fd00::7', 'IPv6'), entry('192.168.1.23', 'IPv4'), entry('fe80::1c2b', 'IPv6')],
  docker0: [entry('172.17.0.1', 'IPv4')],
};

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('network addresses for share links', () => {
  it('lists every non-loopback IPv4 address when listening on 0.0.0.0, and IPv6 too (not link-local) on ::', () => {
    expect(networkUrls('0.0.0.0', 8080, LAPTOP)).toEqual([
      'http://192.168.1.23:8080',
      'http://172.17.0.1:8080',
    ]);
    expect(networkUrls('::', 8080, LAPTOP)).toEqual([
      'http://192.168.1.23:8080',
      'http://172.17.0.1:8080',
      'http://[fd00::7]:8080',
    ]);
  });

  it('lists only the listen address when it is a specific one, and none when it is loopback', () => {
    expect(networkUrls('192.168.1.23', 80, LAPTOP)).toEqual(['http://192.168.1.23:80']);
    expect(networkUrls('fd00::7', 80, LAPTOP)).toEqual(['http://[fd00::7]:80']);
    for (const host of ['127.0.0.1', '::1', 'localhost']) expect(networkUrls(host, 80, LAPTOP)).toEqual([]);
  });

  it('counts 127.0.0.0/8, ::1 and IPv4-mapped loopback as loopback, and nothing else', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['192.168.1.23', '::ffff:10.0.0.1', 'fd00::1', '', undefined])
      expect(isLoopbackAddress(a)).toBe(false);
  });

  it('GET /api/share-base gives a client on this computer addresses that reach this server', async () => {
    server = await startServer({ host: '0.0.0.0' });
    const res = await fetch(`http://127.0.0.1:${server.port}/api/share-base`);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { publicUrl: string | null; lanUrls: string[] };
    expect(answer.publicUrl).toBeNull();
    for (const url of answer.lanUrls) {
      expect(url).toMatch(new RegExp(`^http://[^/]+:${server.port}$`));
      expect(isLoopbackAddress(new URL(url).hostname.replace(/^\[|\]$/g, ''))).toBe(false);
      // Each address is a real way into this server, not just an interface name.
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    }
    expect(answer.lanUrls).toEqual(networkUrls('0.0.0.0', server.port));
  });

  it('tells no addresses through a proxy, nor when the server listens on loopback only', async () => {
    server = await startServer({ host: '0.0.0.0' });
    const proxied = await fetch(`http://127.0.0.1:${server.port}/api/share-base`, {
      headers: { 'X-Forwarded-For': '203.0.113.9' },
    });
    expect(await proxied.json()).toEqual({ publicUrl: null, lanUrls: [] });
    await server.close();
    server = await startServer({ host: '127.0.0.1' });
    expect(await (await fetch(`${server.url}/api/share-base`)).json()).toEqual({
      publicUrl: null,
      lanUrls: [],
    });
    expect((await fetch(`${server.url}/api/share-base`, { method: 'POST' })).status).toBe(405);
  });

  it('PUBLIC_URL is the base of every link: validated, its path kept, its trailing slash dropped', async () => {
    expect(optionsFromEnv({ PUBLIC_URL: 'https://kaart.gemeente.be/ketenkaart/' }).publicUrl).toBe(
      'https://kaart.gemeente.be/ketenkaart',
    );
    expect(optionsFromEnv({}).publicUrl).toBeUndefined();
    for (const bad of ['kaart.gemeente.be', 'ftp://kaart.gemeente.be'])
      expect(() => optionsFromEnv({ PUBLIC_URL: bad })).toThrow(/PUBLIC_URL must be an http\(s\) URL/);
    server = await startServer({ host: '0.0.0.0', publicUrl: 'https://kaart.gemeente.be' });
    const answer = await (await fetch(`http://127.0.0.1:${server.port}/api/share-base`)).json();
    expect(answer).toEqual({ publicUrl: 'https://kaart.gemeente.be', lanUrls: [] });
  });
});
