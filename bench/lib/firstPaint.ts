import type { Page } from '@playwright/test';
import { PROFILE, startProfile, stopProfile } from './cpuProfile';

/** One opening of a map in the browser bench, timed in the page. */
export interface Opening {
  /**
   * Navigation start → the first frame painted after the first actor (or the canvas) entered the
   * DOM, on the page's own clock (`kk:first-card-painted`, see `stampFirstCard`).
   */
  painted: number;
  /**
   * Navigation → Playwright's `waitForSelector` saw the first actor, on this process's clock. It
   * polls 20, 50, 100, 100 ms apart, then every 500 ms, so a slow open is seen up to 500 ms late:
   * kept for comparison with the runs before `painted`.
   */
  seen: number;
  /** Navigation → the map session exists with its doc loaded (local store read, model ready). */
  session: number;
  /** The app's own `kk:` performance marks (ms since navigation start), for the phases of opening. */
  marks: Record<string, number>;
}

/**
 * An init script: stamps `kk:first-card` when the first element matching `selector` is in the
 * DOM (a MutationObserver, so at the end of the task that inserted it) and `kk:first-card-painted`
 * in a task posted from the next animation frame, which runs once that frame is painted. No named
 * functions inside: tsx would wrap them in a `__name` helper the page does not have.
 */
export function stampFirstCard(selector: string): void {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    performance.mark('kk:first-card');
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.mark('kk:first-card-painted');
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** In-page clock: each phase is stamped in the page, relative to navigation start. */
export async function firstPaint(
  page: Page,
  url: string,
  selector: string,
  profileLabel?: string,
): Promise<Opening> {
  const cdp = PROFILE && profileLabel ? await page.context().newCDPSession(page) : null;
  if (cdp) await startProfile(cdp);
  const started = performance.now();
  await page.goto(url);
  const sessionAt = page
    .waitForFunction(
      () => (window as unknown as { __ketenkaart?: unknown }).__ketenkaart !== undefined,
      null,
      {
        polling: 'raf',
        timeout: 30_000,
      },
    )
    .then(() => performance.now() - started);
  await page.waitForSelector(selector, { timeout: 30_000 });
  const seen = performance.now() - started;
  await page.waitForFunction(() => performance.getEntriesByName('kk:first-card-painted').length > 0, null, {
    polling: 'raf',
    timeout: 30_000,
  });
  if (cdp) {
    await stopProfile(cdp, profileLabel!);
    await cdp.detach();
  }
  const marks = await page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('kk:'))
        .map((m) => [m.name, m.startTime]),
    ),
  );
  return { painted: marks['kk:first-card-painted']!, seen, session: await sessionAt, marks };
}
