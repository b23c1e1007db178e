/**
 * What the service worker does with a request. Pure, so it is unit-tested without a worker.
 *
 * - `shell`: a page navigation. Network first (a deploy is picked up at once), falling back to the
 *   precached index.html when the network fails or is too slow: the app opens offline.
 * - `cacheFirst`: a precached or content-hashed build file (/assets/*). Never changes under its name.
 * - `bypass`: everything else goes to the network untouched, and in particular the server's live
 *   endpoints (/api/*, /sync, /healthz, /metrics) are never answered from or written to a cache.
 */
export type Strategy = 'shell' | 'cacheFirst' | 'bypass';

export interface RequestFacts {
  method: string;
  mode: string;
  url: string;
}

/** Paths the server answers live; never cached, also not as a navigation fallback. */
export const LIVE_PATHS = ['/api/', '/sync', '/healthz', '/metrics'] as const;

export const CACHE_PREFIX = 'ketenkaart-shell-';
export const SHELL_URL = '/index.html';
/** After this long without a network answer, a navigation is served from the cache. */
export const NAVIGATION_TIMEOUT_MS = 4000;
/** Message a page posts to a waiting worker when the user chose to load the new version. */
export const SKIP_WAITING = 'ketenkaart:skip-waiting';

export function isLivePath(pathname: string): boolean {
  return LIVE_PATHS.some((p) => {
    const base = p.replace(/\/$/, '');
    return pathname === base || pathname.startsWith(`${base}/`);
  });
}

export function strategyFor(req: RequestFacts, origin: string, precached: ReadonlySet<string>): Strategy {
  if (req.method !== 'GET') return 'bypass';
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return 'bypass';
  }
  if (url.origin !== origin || isLivePath(url.pathname)) return 'bypass';
  if (req.mode === 'navigate') return 'shell';
  if (url.pathname.startsWith('/assets/') || precached.has(url.pathname)) return 'cacheFirst';
  return 'bypass';
}

/**
 * The files to precache for a build: the app shell page and every emitted file the page may load,
 * but not source maps nor the worker itself.
 */
export function precacheList(fileNames: readonly string[], workerFileName: string): string[] {
  const urls = new Set<string>(['/', SHELL_URL]);
  for (const name of fileNames) {
    if (name === workerFileName || name.endsWith('.map') || name === 'index.html') continue;
    urls.add(`/${name}`);
  }
  return [...urls].sort();
}
