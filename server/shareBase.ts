import type { IncomingMessage } from 'node:http';
import os from 'node:os';

/**
 * What the server tells the share dialog about link bases (`GET /api/share-base`, docs/API.md).
 *
 * A link made from `localhost` opens nowhere but on the sharer's own computer. The server knows two
 * things the page does not: the operator's `PUBLIC_URL`, and the network addresses it listens on.
 * The addresses go only to a client on this computer (the only one that can have come through a
 * loopback address); anyone else already reached the server through an address that works, and a
 * server behind a proxy does not tell the internet its internal addresses.
 */
export interface ShareBaseAnswer {
  readonly publicUrl: string | null;
  readonly lanUrls: readonly string[];
}

type Interfaces = ReturnType<typeof os.networkInterfaces>;

/**
 * `http://address:port` for every non-loopback address the server is reachable on: all interfaces'
 * addresses when it listens on a wildcard (`0.0.0.0`: IPv4 only; `::`: both), the listen address
 * itself when it is a specific non-loopback one, none when it listens on loopback only. IPv4 first
 * (easier to type from a projector); link-local IPv6 is left out (it needs a zone id no link can carry).
 */
export function networkUrls(
  host: string,
  port: number,
  interfaces: Interfaces = os.networkInterfaces(),
): string[] {
  const url = (address: string, family: string) =>
    family === 'IPv6' ? `http://[${address}]:${port}` : `http://${address}:${port}`;
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare !== '0.0.0.0' && bare !== '::') {
    if (isLoopbackAddress(bare) || bare === 'localhost') return [];
    return [url(bare, bare.includes(':') ? 'IPv6' : 'IPv4')];
  }
  const found: { address: string; family: string }[] = [];
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.internal || isLoopbackAddress(entry.address)) continue;
      if (entry.family === 'IPv6' && (bare === '0.0.0.0' || /^fe[89ab]/i.test(entry.address))) continue;
      found.push(entry);
    }
  }
  found.sort((a, b) => (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1));
  return [...new Set(found.map((entry) => url(entry.address, entry.family)))];
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (`::ffff:127.0.0.1`), which Node reports on dual-stack sockets. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const bare = address.toLowerCase().replace(/^::ffff:/, '');
  return bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** The answer for one request: addresses only to a direct client on this computer (not via a proxy). */
export function shareBaseFor(
  req: IncomingMessage,
  publicUrl: string | null,
  lanUrls: () => readonly string[],
): ShareBaseAnswer {
  const proxied = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  const local = !proxied && isLoopbackAddress(req.socket.remoteAddress);
  return { publicUrl, lanUrls: publicUrl === null && local ? lanUrls() : [] };
}
