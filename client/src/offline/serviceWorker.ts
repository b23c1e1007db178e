/**
 * The service worker: precaches the app shell of one build and serves it offline.
 * Built by the `ketenkaart-offline-shell` plugin in vite.config.ts as a standalone /sw.js; the
 * plugin prepends `self.__KK_MANIFEST = { version, urls }` for the build it belongs to.
 * It imports only swPolicy.ts, so the bundle stays a single classic script.
 */
import { CACHE_PREFIX, NAVIGATION_TIMEOUT_MS, SHELL_URL, SKIP_WAITING, strategyFor } from './swPolicy';

// The DOM lib is in scope for the whole project; the few worker types used here are declared locally.
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly __KK_MANIFEST: { version: string; urls: string[] };
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const manifest = scope.__KK_MANIFEST;
const CACHE_NAME = `${CACHE_PREFIX}${manifest.version}`;
const precached = new Set(manifest.urls);

scope.addEventListener('install', (event) => {
  // All or nothing: a half-filled cache would open a broken app offline. `no-cache` revalidates
  // with the server so a stale HTTP cache entry never lands in the precache.
  event.waitUntil(
    caches
      .open(CACHE_NAME)
      .then((cache) => cache.addAll(manifest.urls.map((url) => new Request(url, { cache: 'no-cache' })))),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE_NAME).map((n) => caches.delete(n)),
      );
      // The first install takes over the open page at once, so it works offline without a reload.
      await scope.clients.claim();
    })(),
  );
});

scope.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) void scope.skipWaiting();
});

scope.addEventListener('fetch', (event) => {
  const strategy = strategyFor(event.request, scope.location.origin, precached);
  if (strategy === 'shell') event.respondWith(shell(event.request));
  else if (strategy === 'cacheFirst') event.respondWith(cacheFirst(event.request));
});

async function shell(request: Request): Promise<Response> {
  try {
    return await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
  } catch (error) {
    const cached = await caches.match(SHELL_URL, { cacheName: CACHE_NAME });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  // Hashed names never change content, so a file a newer page asked for is safe to keep.
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) {
    void cache.put(request, response.clone());
  }
  return response;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
