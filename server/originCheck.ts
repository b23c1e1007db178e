import os from 'node:os';

/**
 * Browsers always send `Origin` on WebSocket upgrades, so checking it stops other sites from opening
 * sockets with a victim's key. A missing header means a non-browser client, which Origin cannot protect.
 *
 * The Origin is compared, scheme included, with a fixed list: the server's own origins and the
 * configured ones. Never with the `Host` header: a page on a DNS-rebinding name sends the same
 * name as Origin and Host, so "Origin equals Host" would let it in.
 */
export function isOriginAllowed(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  const normalized = normalizeOrigin(origin);
  return normalized !== undefined && allowed.has(normalized);
}

/** `scheme://host[:port]` in URL-standard form, or undefined for something that is not an origin. */
export function normalizeOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

/**
 * The origins a browser shows when it loads the client from this server directly: `http://` with
 * the listen port and every address the server listens on (all interfaces for 0.0.0.0 or ::, so
 * laptops on a workshop LAN can use the server's IP), plus `localhost`. Hostnames other than
 * localhost, and https behind a proxy, come from `PUBLIC_URL` or `ALLOWED_ORIGINS`.
 */
export function ownOrigins(listenAddress: string, port: number): string[] {
  const everywhere = listenAddress === '0.0.0.0' || listenAddress === '::' || listenAddress === '';
  const addresses = new Set<string>(['localhost']);
  if (everywhere) {
    for (const infos of Object.values(os.networkInterfaces())) {
      for (const info of infos ?? [])
        addresses.add(info.family === 'IPv6' ? `[${info.address}]` : info.address);
    }
  } else {
    addresses.add(listenAddress.includes(':') ? `[${listenAddress}]` : listenAddress);
  }
  const origins: string[] = [];
  for (const address of addresses) {
    const origin = normalizeOrigin(`http://${address.replace(/%.*\]$/, ']')}:${port}`);
    if (origin) origins.push(origin);
  }
  return origins;
}
