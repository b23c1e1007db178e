import type { ServerResponse } from 'node:http';

/**
 * No 'unsafe-eval'; ws:/wss: for the sync socket; inline styles are needed by React Flow.
 * `worker-src blob:`: the XLSX export's zip library (fflate, through write-excel-file) compresses each
 * sheet over 160 KB in a dedicated worker made from a blob: URL of its own code. A blob: URL can only
 * be made by script already running on this origin, and scripts stay `'self'` only, so this grants
 * injected markup nothing; without it a large map's XLSX export fails in the browser.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** Set on every response. `no-referrer` matters: map keys live in page URLs. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}
