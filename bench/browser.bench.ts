/**
 * A big map in Chromium: 1,000 actors and 2,000 links, served by the real server and the built client.
 * First paint of actors opening cold (fresh profile: from the server) and warm (IndexedDB of the same
 * profile), remote edit → on screen, and JS heap. Baseline for ratios: an empty map in the same run.
 * Uses /usr/bin/chromium; never downloads a browser.
 *
 *   npx tsx bench/browser.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ketenKaartArgs, spawnServer } from '../server/reliability/serverProcess';
import { ChainMap } from '../shared/model/ChainMap';
import { buildClient } from './bundle.bench';
import { median } from './lib/stats';
import { fmt, ratio, table } from './lib/table';

const ACTORS = 1000;
const LINKS = 2000;
const REMOTE_EDITS = 5;
const ACTOR_SELECTOR = '.react-flow__node-actor';

interface MapKeys {
  id: string;
  editKey: string;
}

async function createMapOn(url: string, title: string): Promise<MapKeys> {
  const res = await fetch(`${url}/api/maps`, { method: 'POST', body: JSON.stringify({ title }) });
  return (await res.json()) as MapKeys;
}

function provider(url: string, map: MapKeys, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(`${url.replace(/^http/, 'ws')}/sync`, map.id, doc, {
    params: { key: map.editKey },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

const synced = (p: WebsocketProvider) =>
  new Promise<void>((resolve) => (p.synced ? resolve() : p.once('sync', () => resolve())));

/** Seeds through a stock client and waits until a second client sees it all (the server relays only what it stored). */
async function seed(url: string, map: MapKeys, actors: number, links: number): Promise<string[]> {
  const doc = new Y.Doc();
  const p = provider(url, map, doc);
  await synced(p);
  const chain = ChainMap.create(doc, { title: 'bench' });
  const ids: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < actors; i++) {
      ids.push(
        chain.addActor({
          kind: 'service',
          label: `actor-${i}`,
          position: { x: (i % 40) * 220, y: Math.floor(i / 40) * 140 },
        }),
      );
    }
    for (let i = 0; i < links; i++) {
      chain.addLink({ kind: 'handover', source: ids[i % actors]!, target: ids[(i * 7 + 1) % actors]! });
    }
  });
  const check = new Y.Doc();
  const q = provider(url, map, check);
  const deadline = Date.now() + 30_000;
  while (check.getMap('actors').size < actors && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  q.destroy();
  p.destroy();
  return ids;
}

async function firstPaint(page: Page, url: string, selector: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page.waitForSelector(selector, { timeout: 30_000 });
  return performance.now() - started;
}

async function main(): Promise<void> {
  const outDir = buildClient();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-browser-bench-'));
  const server = await spawnServer({
    args: ketenKaartArgs,
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', STATIC_DIR: outDir },
  });
  let browser: Browser | undefined;
  try {
    const big = await createMapOn(server.url, 'big');
    const empty = await createMapOn(server.url, 'empty');
    const ids = await seed(server.url, big, ACTORS, LINKS);
    await seed(server.url, empty, 0, 0);

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const open = async (map: MapKeys, selector: string) => {
      const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const cold = await firstPaint(page, `${server.url}/#/kaart/${map.id}?key=${map.editKey}`, selector);
      const warmPage = await context.newPage();
      const warm = await firstPaint(warmPage, `${server.url}/#/kaart/${map.id}`, selector);
      return { context, page: warmPage, cold, warm };
    };
    const baseline = await open(empty, '.react-flow');
    const bigMap = await open(big, ACTOR_SELECTOR);
    const rendered = await bigMap.page.locator(ACTOR_SELECTOR).count();

    // Remote edits: rename a visible actor through a Node client, time until the page shows the label.
    const doc = new Y.Doc();
    const p = provider(server.url, big, doc);
    await synced(p);
    const chain = new ChainMap(doc);
    const testId = await bigMap.page.locator('[data-testid^="actor-"]').first().getAttribute('data-testid');
    const label = testId?.replace(/^actor-/, '') ?? 'actor-0';
    const id = ids[Number(label.replace('actor-', ''))] ?? ids[0]!;
    const editMs: number[] = [];
    for (let i = 0; i < REMOTE_EDITS; i++) {
      const started = performance.now();
      chain.updateActor(id, { label: `remote-${i}` });
      await bigMap.page.waitForSelector(`[data-testid="actor-remote-${i}"]`, { timeout: 10_000 });
      editMs.push(performance.now() - started);
    }
    p.destroy();
    const heap = (page: Page) =>
      page.evaluate(
        () =>
          (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
          Number.NaN,
      );
    const bigHeap = await heap(bigMap.page);
    const emptyHeap = await heap(baseline.page);

    console.log(`## Big map in the browser (Chromium, ${ACTORS} actors + ${LINKS} links)\n`);
    console.log(
      table(
        ['figure', 'big map', 'empty map (baseline)', 'big ÷ empty', 'target'],
        [
          [
            'first paint, cold (fresh profile, from server)',
            fmt(bigMap.cold, 'ms', 0),
            fmt(baseline.cold, 'ms', 0),
            ratio(bigMap.cold, baseline.cold),
            '< 1000 ms',
          ],
          [
            'first paint, warm (IndexedDB)',
            fmt(bigMap.warm, 'ms', 0),
            fmt(baseline.warm, 'ms', 0),
            ratio(bigMap.warm, baseline.warm),
            '< 1000 ms',
          ],
          [
            `remote edit → on screen (median of ${REMOTE_EDITS})`,
            fmt(median(editMs), 'ms', 1),
            '—',
            '—',
            '< 50 ms',
          ],
          [
            'JS heap used',
            fmt(bigHeap / 2 ** 20, 'MB', 1),
            fmt(emptyHeap / 2 ** 20, 'MB', 1),
            ratio(bigHeap, emptyHeap),
            '—',
          ],
          ['actor nodes in the DOM', `${rendered}`, '0', '—', '—'],
        ],
      ),
    );
    console.log('\nNot measured yet: the cost of a 1-second drag (frames and doc bytes written).');
  } finally {
    await browser?.close();
    await server.kill();
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
