/**
 * Registers /sw.js (built only by `vite build`, see vite.config.ts) and tracks whether a newer
 * version is waiting. Framework-free; the UI reads it through `subscribe`/`updateWaiting`.
 */

/** Same string as `SKIP_WAITING` in swPolicy.ts (not imported: the worker bundle must stay separate). */
export const SKIP_WAITING_MESSAGE = 'ketenkaart:skip-waiting';
export const SW_URL = '/sw.js';

type Container = Pick<ServiceWorkerContainer, 'register' | 'controller' | 'addEventListener'>;

let waiting: ServiceWorker | null = null;
let reloadRequested = false;
const listeners = new Set<() => void>();

function setWaiting(worker: ServiceWorker | null): void {
  if (worker === waiting) return;
  waiting = worker;
  for (const listener of listeners) listener();
}

export function subscribeToUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A newer version is installed and waits for this page to let it take over. */
export function updateWaiting(): boolean {
  return waiting !== null;
}

/** Lets the waiting version take over; the page reloads once it controls this page. */
export function applyUpdate(): void {
  if (!waiting) return;
  reloadRequested = true;
  waiting.postMessage(SKIP_WAITING_MESSAGE);
}

export async function registerServiceWorker(
  container: Container,
  reload: () => void = () => window.location.reload(),
): Promise<ServiceWorkerRegistration> {
  // controllerchange also fires when the very first worker claims the page; reload only on request.
  container.addEventListener('controllerchange', () => {
    if (reloadRequested) reload();
  });
  const registration = await container.register(SW_URL, { scope: '/' });
  const track = (worker: ServiceWorker) => {
    worker.addEventListener('statechange', () => {
      // "installed" with a controller means an older version still runs this page.
      if (worker.state === 'installed' && container.controller) setWaiting(worker);
    });
  };
  if (registration.waiting && container.controller) setWaiting(registration.waiting);
  if (registration.installing) track(registration.installing);
  registration.addEventListener('updatefound', () => {
    if (registration.installing) track(registration.installing);
  });
  return registration;
}

/** Registers after the page has loaded, so the precache never competes with the first paint. */
export function startOfflineShell(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    registerServiceWorker(navigator.serviceWorker).catch((error: unknown) => {
      // The app still works online; only the offline shell is missing.
      console.warn('KetenKaart: service worker registration failed', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
