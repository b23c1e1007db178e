/**
 * Browsers always send `Origin` on WebSocket upgrades, so checking it stops other sites from opening
 * sockets with a victim's key. A missing header means a non-browser client, which Origin cannot protect.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host !== undefined && parsed.host.toLowerCase() === host.toLowerCase()) return true;
  return allowedOrigins.some((allowed) => normalizeOrigin(allowed) === parsed.origin);
}

export function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}
