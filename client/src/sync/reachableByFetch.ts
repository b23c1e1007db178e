/**
 * Whether this page may send an HTTP request to `serverUrl`. The page's Content-Security-Policy
 * lets HTTP reach only its own origin (sockets may go anywhere), so for a map kept on another server
 * the clock and the vote feed ask nothing rather than make a request the browser blocks (and
 * reports as a console error). Outside a browser every server is reachable.
 */
export function reachableByFetch(serverUrl: string): boolean {
  if (typeof location === 'undefined') return true;
  try {
    return new URL(serverUrl, location.href).origin === location.origin;
  } catch {
    return false;
  }
}
