import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../createServer';
import { startServer } from '../test/helpers';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /api/time', () => {
  it("answers the server's clock, uncached, for the timer's offset", async () => {
    server = await startServer();
    const before = Date.now();
    const res = await fetch(`${server.url}/api/time`);
    const after = Date.now();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { now } = (await res.json()) as { now: number };
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(after);
    expect((await fetch(`${server.url}/api/time`, { method: 'POST' })).status).toBe(404);
  });
});
