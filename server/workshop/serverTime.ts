import type { ServerResponse } from 'node:http';
import { sendJson } from '../httpJson';

/**
 * `GET /api/time`: the server's clock, so every device measures its offset to it (the workshop
 * timer counts down in server time, not on laptops whose clocks may be minutes off). No
 * authentication: the time is no secret.
 */
export function sendServerTime(res: ServerResponse): void {
  sendJson(res, 200, { now: Date.now() });
}
