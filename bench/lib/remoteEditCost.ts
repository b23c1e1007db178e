import type { Page } from '@playwright/test';
import { ChainMap } from '../../shared/model/ChainMap';
import { mainThreadCost } from './mainThreadCost';
import { type MapKeys, provider, synced } from './seedMap';
import { median } from './stats';

/** How many remote edits each map gets; browser.bench.ts names it in its table rows. */
export const REMOTE_EDITS = 5;

/** What a remote edit costs a page: the median time to screen, and main-thread time per edit. */
export interface RemoteEdits {
  ms: number;
  /** Of `ms`: until the page's doc starts applying the edit (the peer's send, the server's relay, the socket). */
  arrivalMs: number;
  script: number;
  /** Of `script`: until the frame that paints the edit (the rest is deferred work, the analysis). */
  scriptToScreen: number;
  layout: number;
}

/**
 * Arms an in-page watch for the card showing `label`: a MutationObserver that, once the card is in
 * the DOM, stamps the start of the next animation frame (the frame that paints it) on the epoch
 * clock (timeOrigin + now, comparable with this process's). Playwright's waitForSelector polls at
 * 0, 20, 70, 170 ms…, so its time to screen came in those steps, and its querySelectorAll over the
 * big map's DOM counted as the page's script. It also stamps when the page's doc starts applying
 * the next remote transaction (the edit reached the page: what came before is the peer, the server
 * and the socket, not the page). A string, not a function: tsx's name-keeping helper
 * (__name) does not exist in the page.
 */
const armWatch = (page: Page, label: string) =>
  page.evaluate(`(() => {
    const doc = window.__ketenkaart.session.doc;
    window.__benchArrived = new Promise((resolve) => {
      const arrived = (tr) => {
        if (tr.local) return;
        doc.off('beforeTransaction', arrived);
        resolve(performance.timeOrigin + performance.now());
      };
      doc.on('beforeTransaction', arrived);
    });
    const selector = '[data-testid="actor-${label}"]';
    window.__benchShown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  })()`);

/** Until the page is idle again (the analysis caught up): each edit arrives at a quiet page, as a peer's edits mostly do. */
const settle = (page: Page) =>
  page.evaluate(
    'new Promise((r) => requestIdleCallback(() => setTimeout(() => requestIdleCallback(() => r()), 0)))',
  );

/**
 * Remote edits: rename a visible actor through a Node client (a second y-websocket peer), time until
 * the frame that paints the new label. With --profile, one CPU profile over the edits.
 */
export async function remoteEditCost(
  serverUrl: string,
  map: MapKeys,
  ids: string[],
  page: Page,
): Promise<RemoteEdits> {
  const chain = new ChainMap();
  const p = provider(serverUrl, map, chain.doc);
  await synced(p);
  const testId = await page.locator('[data-testid^="actor-"]').first().getAttribute('data-testid');
  const label = testId?.replace(/^actor-/, '') ?? 'actor-0';
  const id = ids[Number(label.replace('actor-', ''))] ?? ids[0]!;
  const editMs: number[] = [];
  const arrivalMs: number[] = [];
  // The page's script clock, read when each edit is painted: what the edit cost before it was seen.
  const clock = await page.context().newCDPSession(page);
  await clock.send('Performance.enable');
  const scriptNow = async () => {
    const { metrics } = await clock.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  let toScreen = 0;
  // Opening's own deferred work (the first analysis) is done before the clock starts.
  await settle(page);
  const cost = await mainThreadCost(`remote edits, ${map.id}`, page, async () => {
    for (let i = 0; i < REMOTE_EDITS; i++) {
      await armWatch(page, `remote-${i}`);
      const before = await scriptNow();
      const started = performance.timeOrigin + performance.now();
      chain.updateActor(id, { label: `remote-${i}` });
      const shown = (await page.evaluate('window.__benchShown')) as number;
      editMs.push(shown - started);
      arrivalMs.push(((await page.evaluate('window.__benchArrived')) as number) - started);
      toScreen += (await scriptNow()) - before;
      await settle(page);
    }
  });
  await clock.detach();
  p.destroy();
  return {
    ms: median(editMs),
    arrivalMs: median(arrivalMs),
    script: cost.script / REMOTE_EDITS,
    scriptToScreen: toScreen / REMOTE_EDITS,
    layout: cost.layoutAndStyle / REMOTE_EDITS,
  };
}
