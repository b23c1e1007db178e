/**
 * Where share links point. A link made from `localhost` is useless to the laptops in the room, so:
 *
 * 1. the server's `PUBLIC_URL`, when it has one, is the base of every link;
 * 2. otherwise, when this page was opened through a loopback address, the links need another
 *    base: the server lists its own network addresses (`GET /api/share-base`, answered with
 *    addresses only to loopback clients) and the share dialog warns and offers them;
 * 3. otherwise the page's own origin is the base (the address the sharer used works for others).
 *
 * Framework-free; the share dialog renders the choice.
 */

/** What the server says about link bases (docs/API.md, `GET /api/share-base`). */
export interface ShareBaseInfo {
  readonly publicUrl: string | null;
  readonly lanUrls: readonly string[];
}

export type ShareBase =
  | { readonly kind: 'public' | 'origin'; readonly base: string }
  | { readonly kind: 'loopback'; readonly base: string; readonly alternatives: readonly string[] };

export const SHARE_BASE_PATH = '/api/share-base';

/** The server's answer, or null when it has none (an older server, or no network). */
export async function fetchShareBase(serverUrl: string): Promise<ShareBaseInfo | null> {
  try {
    const response = await fetch(new URL(SHARE_BASE_PATH, serverUrl), { cache: 'no-store' });
    if (!response.ok) return null;
    return parseShareBaseInfo(await response.json());
  } catch {
    return null;
  }
}

/** A validated answer: only http(s) origins survive. */
export function parseShareBaseInfo(json: unknown): ShareBaseInfo | null {
  if (typeof json !== 'object' || json === null) return null;
  const { publicUrl, lanUrls } = json as { publicUrl?: unknown; lanUrls?: unknown };
  return {
    publicUrl: typeof publicUrl === 'string' ? originOf(publicUrl) : null,
    lanUrls: Array.isArray(lanUrls)
      ? lanUrls
          .map((u) => (typeof u === 'string' ? originOf(u) : null))
          .filter((u): u is string => u !== null)
      : [],
  };
}

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: addresses only this computer reaches. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

export function chooseShareBase(pageOrigin: string, info: ShareBaseInfo | null): ShareBase {
  if (info?.publicUrl) return { kind: 'public', base: info.publicUrl };
  const origin = originOf(pageOrigin) ?? pageOrigin;
  if (!isLoopbackHost(new URL(origin).hostname)) return { kind: 'origin', base: origin };
  const alternatives = (info?.lanUrls ?? []).filter((u) => !isLoopbackHost(new URL(u).hostname));
  return { kind: 'loopback', base: alternatives[0] ?? origin, alternatives };
}

/** The origin (scheme, host, port) of an http(s) URL, without a trailing slash; null otherwise. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    // A base with a path (behind a reverse proxy under /kaart) keeps it.
    const path = parsed.pathname.replace(/\/+$/, '');
    return `${parsed.origin}${path}`;
  } catch {
    return null;
  }
}
