import { describe, expect, it } from 'vitest';
import { ServerClock } from './serverClock';

describe('ServerClock', () => {
  it('takes the offset from the shortest round trip, from its middle', async () => {
    // The server runs 5 minutes ahead; one slow sample must not skew the offset.
    const ahead = 5 * 60_000;
    let call = 0;
    const clock = new ServerClock('http://server.test', async () => {
      const slow = call++ === 0;
      if (slow) await new Promise((r) => setTimeout(r, 60));
      return { now: Date.now() + ahead };
    });
    await clock.measure(4);
    expect(clock.isMeasured).toBe(true);
    expect(Math.abs(clock.getOffset() - ahead)).toBeLessThan(25);
    expect(Math.abs(clock.now() - (Date.now() + ahead))).toBeLessThan(25);
  });

  it('keeps its last offset when the server cannot be reached', async () => {
    let reachable = true;
    const clock = new ServerClock('http://server.test', async () => {
      if (!reachable) throw new Error('offline');
      return { now: Date.now() - 90_000 };
    });
    await clock.measure(2);
    const offset = clock.getOffset();
    reachable = false;
    await clock.measure(2);
    expect(clock.getOffset()).toBe(offset);
  });

  it('asks the server nothing while the browser is offline, and measures once it is back', async () => {
    let online = false;
    let asked = 0;
    const clock = new ServerClock(
      'http://server.test',
      async () => {
        asked++;
        return { now: Date.now() + 30_000 };
      },
      () => online,
    );
    await clock.measure(3);
    expect(asked).toBe(0);
    expect(clock.isMeasured).toBe(false);
    online = true;
    await clock.measure(3);
    expect(asked).toBe(3);
    expect(clock.isMeasured).toBe(true);
  });
});
