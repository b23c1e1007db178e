/**
 * A big map in Chromium: 1,000 actors and 2,000 links, served by the real server and the built client.
 * First paint of actors opening cold (fresh profile: from the server) and warm (IndexedDB of the same
 * profile) with its phases, remote edit → on screen (with the main-thread time it cost, from CDP
 * Performance.getMetrics), JS heap, and a 1-second drag: frames painted and doc bytes written.
 * Baselines for ratios, in the same run: an empty map (opening) and a small map of 10 actors + 20
 * links (edit, drag). The client is built with `--mode e2e` into its own folder: the drag reads the
 * doc's local updates through the e2e test hook `window.__ketenkaart`.
 * Uses /usr/bin/chromium; never downloads a browser.
 *
 *   npx tsx bench/browser.bench.ts             (--profile: CPU profiles; --trace: a timeline trace of the big drag)
 *   BENCH_PROFILE_TOP=60 …  --profile         (more functions in the profiles' top total time)
 *   npx tsx bench/browser.bench.ts --only drag (the drags only: both maps opened once, from the server)
 *   … --only open                             (only the openings: cold and warm first paint, no edits or drag;
 *                                              with --trace, a timeline of the big map's warm open)
 *   npx tsx bench/browser.bench.ts --only remote (the remote edits only, likewise; --profile: one CPU profile each)
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { ketenKaartArgs, spawnServer } from '../server/reliability/serverProcess';
import { buildClient } from './lib/buildClient';
import { PROFILE } from './lib/cpuProfile';
import { ACTOR_SELECTOR, DRAG_MS, type DragCost, dragCost } from './lib/dragCost';
import { firstPaint, stampFirstCard } from './lib/firstPaint';
import { type MainThread, mainThreadCost } from './lib/mainThreadCost';
import { PhaseTimeout, phase } from './lib/phase';
import { REMOTE_EDITS, type RemoteEdits, remoteEditCost } from './lib/remoteEditCost';
import { createMapOn, type MapKeys, seed } from './lib/seedMap';
import { fmt, ratio, table } from './lib/table';
import { printTraceSummary, printTraceTimeline } from './lib/traceSummary';

const ACTORS = 1000;
const LINKS = 2000;
const SMALL_ACTORS = 10;
const SMALL_LINKS = 20;
const _REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** With --trace: a Chromium timeline trace of the big map's drag, summed by event on the main thread. */
const TRACE = process.argv.includes('--trace');
/**
 * With `--only drag`: only the drags (no empty map, no warm opening, no remote edits), to iterate on
 * the drag in a fraction of the full run's time.
 */
const ONLY_DRAG = process.argv.join(' ').includes('--only drag');
/** With `--only remote`: only the remote edits (both maps opened once, from the server). */
const ONLY_REMOTE = process.argv.join(' ').includes('--only remote');

/** What a trace of an open records: tasks and their parts, and the page's user-timing marks. */
const OPEN_TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'loading'];

/** With `--only open`: the openings alone (first paint cold and warm), for iterating on opening. */
const ONLY_OPEN = (() => {
  const at = process.argv.indexOf('--only');
  return at >= 0 && process.argv[at + 1] === 'open';
})();

/** Per-phase deadlines: generous for a loaded 2-core machine, but a stall fails with the phase's name. */
const MINUTE = 60_000;

type Row = [string, number, number, string, number, string];
const renderRow = (r: Row) => [r[0], fmt(r[1], r[3], r[4]), fmt(r[2], r[3], r[4]), ratio(r[1], r[2]), r[5]];
const countIn = (page: Page, selector: string) => page.locator(selector).count();

/** How much of each map React Flow draws: cards and links in the DOM. */
async function domRows(big: Page, small: Page): Promise<Row[]> {
  return [
    [
      'actor nodes in the DOM',
      await countIn(big, ACTOR_SELECTOR),
      await countIn(small, ACTOR_SELECTOR),
      '',
      0,
      '—',
    ],
    [
      'link edges in the DOM',
      await countIn(big, '.react-flow__edge'),
      await countIn(small, '.react-flow__edge'),
      '',
      0,
      '—',
    ],
  ];
}

function vsSmallTable(rows: Row[]): string {
  const baseline = `small map (${SMALL_ACTORS} + ${SMALL_LINKS}, baseline)`;
  return table(['figure', 'big map', baseline, 'big ÷ small', 'target'], rows.map(renderRow));
}

interface Drags {
  big: DragCost;
  small: DragCost;
  bigCpu: MainThread;
  smallCpu: MainThread;
}

/** The big map's drag (traced with --trace), then the small map's, each with its main-thread cost. */
async function measureDrags(bigPage: Page, smallPage: Page, browser: Browser): Promise<Drags> {
  let big: DragCost | undefined;
  let small: DragCost | undefined;
  if (TRACE)
    await browser.startTracing(bigPage, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        // What each frame repaints, and why (PaintInvalidationTracking, StyleInvalidatorInvalidationTracking).
        'disabled-by-default-devtools.timeline.invalidationTracking',
        'v8',
      ],
    });
  const bigCpu = await phase('drag, big map', 2 * MINUTE, () =>
    mainThreadCost('drag, big map', bigPage, async () => {
      big = await dragCost(bigPage);
    }),
  );
  if (TRACE) {
    const trace = await phase('stop tracing', 2 * MINUTE, () => browser.stopTracing());
    const file = path.join(os.tmpdir(), 'ketenkaart-drag-trace.json');
    fs.writeFileSync(file, trace);
    printTraceSummary('drag, big map', trace);
    console.error(`  (whole trace, for chrome://tracing or Perfetto: ${file})`);
  }
  const smallCpu = await phase('drag, small map', MINUTE, () =>
    mainThreadCost('drag, small map', smallPage, async () => {
      small = await dragCost(smallPage);
    }),
  );
  if (!big || !small) throw new Error('drag not measured');
  return { big, small, bigCpu, smallCpu };
}

function dragRows({ big, small, bigCpu, smallCpu }: Drags): Row[] {
  return [
    [`drag ${DRAG_MS} ms: frames painted`, big.frames, small.frames, 'frames', 0, '≈ 60'],
    [`drag ${DRAG_MS} ms: main-thread script`, bigCpu.script, smallCpu.script, 'ms', 0, '—'],
    [`drag ${DRAG_MS} ms: main-thread tasks, all`, bigCpu.task, smallCpu.task, 'ms', 0, '—'],
    [`drag ${DRAG_MS} ms: longest frame`, big.longestFrameMs, small.longestFrameMs, 'ms', 1, '—'],
    [`drag ${DRAG_MS} ms: mouse moves dispatched`, big.moves, small.moves, '', 0, '—'],
    [`drag ${DRAG_MS} ms: doc bytes written`, big.docBytes, small.docBytes, 'B', 0, '—'],
    [`drag ${DRAG_MS} ms: doc updates written`, big.docUpdates, small.docUpdates, '', 0, '1'],
  ];
}

/** The big map's remote edits, then the small map's. */
async function measureRemoteEdits(
  serverUrl: string,
  big: { map: MapKeys; ids: string[]; page: Page },
  small: { map: MapKeys; ids: string[]; page: Page },
): Promise<{ big: RemoteEdits; small: RemoteEdits }> {
  const bigEdit = await phase('remote edits, big map', 2 * MINUTE, () =>
    remoteEditCost(serverUrl, big.map, big.ids, big.page),
  );
  const smallEdit = await phase('remote edits, small map', MINUTE, () =>
    remoteEditCost(serverUrl, small.map, small.ids, small.page),
  );
  return { big: bigEdit, small: smallEdit };
}

function remoteEditRows(edits: { big: RemoteEdits; small: RemoteEdits }): Row[] {
  const { big, small } = edits;
  return [
    [`remote edit → on screen (median of ${REMOTE_EDITS})`, big.ms, small.ms, 'ms', 1, '< 50 ms'],
    ['  of which until it reaches the page (median)', big.arrivalMs, small.arrivalMs, 'ms', 1, '—'],
    ['  main-thread script per remote edit', big.script, small.script, 'ms', 1, '—'],
    ['    of which until on screen', big.scriptToScreen, small.scriptToScreen, 'ms', 1, '—'],
    ['  layout + style per remote edit', big.layout, small.layout, 'ms', 1, '—'],
  ];
}

async function main(): Promise<void> {
  const outDir = await phase('build the e2e client', 5 * MINUTE, async () =>
    buildClient({ name: 'browser-bench-client', mode: 'e2e', minify: !PROFILE }),
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-browser-bench-'));
  const server = await phase('start the server', MINUTE, () =>
    spawnServer({
      args: ketenKaartArgs,
      env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', STATIC_DIR: outDir },
      // The phase's own deadline: tsx compiling the server on a loaded machine outlasts the default 15 s.
      readyTimeoutMs: MINUTE,
    }),
  );
  let browser: Browser | undefined;
  try {
    const big = await createMapOn(server.url, 'big');
    const small = await createMapOn(server.url, 'small');
    const empty = await createMapOn(server.url, 'empty');
    const bigIds = await phase('seed the big map', 2 * MINUTE, () => seed(server.url, big, ACTORS, LINKS));
    const smallIds = await phase('seed the small map', MINUTE, () =>
      seed(server.url, small, SMALL_ACTORS, SMALL_LINKS),
    );
    await phase('seed the empty map', MINUTE, () => seed(server.url, empty, 0, 0));

    browser = await phase('launch Chromium', MINUTE, () =>
      chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--enable-precise-memory-info',
        ],
      }),
    );
    const newContext = async (selector: string) => {
      const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
      // A stored identity: the first-use name dialog would sit on top of the canvas.
      await context.addInitScript(() => {
        try {
          localStorage.setItem('ketenkaart.identity', JSON.stringify({ name: 'Bench', colour: '#0ea5e9' }));
        } catch {}
      });
      await context.addInitScript(stampFirstCard, selector);
      return context;
    };
    const openCold = async (map: MapKeys, selector: string) => {
      const page = await (await newContext(selector)).newPage();
      await firstPaint(page, `${server.url}/#/kaart/${map.id}?key=${map.editKey}`, selector);
      return page;
    };
    if (ONLY_DRAG || ONLY_REMOTE) {
      const smallPage = await phase('open the small map', 2 * MINUTE, () => openCold(small, ACTOR_SELECTOR));
      const bigPage = await phase('open the big map', 3 * MINUTE, () => openCold(big, ACTOR_SELECTOR));
      if (ONLY_REMOTE) {
        const edits = await measureRemoteEdits(
          server.url,
          { map: big, ids: bigIds, page: bigPage },
          { map: small, ids: smallIds, page: smallPage },
        );
        console.log(
          `## Remote edits in the browser (Chromium, ${ACTORS} actors + ${LINKS} links; --only remote)\n`,
        );
        console.log(vsSmallTable(remoteEditRows(edits)));
        return;
      }
      const drag = await measureDrags(bigPage, smallPage, browser);
      console.log(`## Drag in the browser (Chromium, ${ACTORS} actors + ${LINKS} links; --only drag)\n`);
      console.log(vsSmallTable([...(await domRows(bigPage, smallPage)), ...dragRows(drag)]));
      return;
    }
    const open = async (map: MapKeys, selector: string) => {
      const context = await newContext(selector);
      const page = await context.newPage();
      const profiled = map === big;
      const cold = await firstPaint(
        page,
        `${server.url}/#/kaart/${map.id}?key=${map.editKey}`,
        selector,
        profiled ? 'open big map, cold' : undefined,
      );
      const warmPage = await context.newPage();
      // With --trace and --only open: the timeline of the big map's warm open (the drag is not run).
      const traced = TRACE && ONLY_OPEN && profiled;
      if (traced) await browser!.startTracing(warmPage, { categories: OPEN_TRACE_CATEGORIES });
      const warm = await firstPaint(
        warmPage,
        `${server.url}/#/kaart/${map.id}`,
        selector,
        profiled ? 'open big map, warm' : undefined,
      );
      if (traced) printTraceTimeline('open big map, warm', await browser!.stopTracing());
      await page.close();
      return { context, page: warmPage, cold, warm };
    };
    const baseline = await phase('open the empty map, cold and warm', 2 * MINUTE, () =>
      open(empty, '.react-flow'),
    );
    // Opened before the big map (as in every run before `--only open`), so the big map opens beside it.
    const smallMapOpened = ONLY_OPEN
      ? undefined
      : await phase('open the small map, cold and warm', 2 * MINUTE, () => open(small, ACTOR_SELECTOR));
    const bigMap = await phase('open the big map, cold and warm', 3 * MINUTE, () =>
      open(big, ACTOR_SELECTOR),
    );
    // Where opening the big map spends its time: the app's own marks, ms since navigation start.
    for (const [name, opening] of [
      ['empty map, cold', baseline.cold],
      ['empty map, warm', baseline.warm],
      ['big map, cold', bigMap.cold],
      ['big map, warm', bigMap.warm],
    ] as const) {
      const phases = Object.entries(opening.marks)
        .sort((a, b) => a[1] - b[1])
        .map(([mark, at]) => `${mark.replace(/^kk:/, '')} ${at.toFixed(0)}`)
        .join(' → ');
      console.error(`[open ${name}] ms since navigation: ${phases || '(no marks)'}`);
    }

    const heap = (page: Page) =>
      page.evaluate(
        () =>
          (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
          Number.NaN,
      );
    const printOpenings = (bigHeap: number, emptyHeap: number) => {
      const rows: Row[] = [
        [
          'first paint, cold (fresh profile, from server)',
          bigMap.cold.painted,
          baseline.cold.painted,
          'ms',
          0,
          '< 1000 ms',
        ],
        ['  as waitForSelector saw it', bigMap.cold.seen, baseline.cold.seen, 'ms', 0, '—'],
        [
          '  of which: until the map session is ready',
          bigMap.cold.session,
          baseline.cold.session,
          'ms',
          0,
          '—',
        ],
        ['first paint, warm (IndexedDB)', bigMap.warm.painted, baseline.warm.painted, 'ms', 0, '< 1000 ms'],
        ['  as waitForSelector saw it', bigMap.warm.seen, baseline.warm.seen, 'ms', 0, '—'],
        [
          '  of which: until the map session is ready (local load)',
          bigMap.warm.session,
          baseline.warm.session,
          'ms',
          0,
          '—',
        ],
        ['JS heap used', bigHeap / 2 ** 20, emptyHeap / 2 ** 20, 'MB', 1, '—'],
      ];
      console.log(`## Big map in the browser (Chromium, ${ACTORS} actors + ${LINKS} links)\n`);
      console.log(
        table(['figure', 'big map', 'empty map (baseline)', 'big ÷ empty', 'target'], rows.map(renderRow)),
      );
    };
    if (ONLY_OPEN) {
      printOpenings(await heap(bigMap.page), await heap(baseline.page));
      return;
    }

    if (!smallMapOpened) throw new Error('the small map was not opened');
    const smallMap = smallMapOpened;
    // Counted right after opening, before the edits and drags move anything.
    const dom = await domRows(bigMap.page, smallMap.page);

    const edits = await measureRemoteEdits(
      server.url,
      { map: big, ids: bigIds, page: bigMap.page },
      { map: small, ids: smallIds, page: smallMap.page },
    );

    const bigHeap = await heap(bigMap.page);
    const emptyHeap = await heap(baseline.page);

    const drag = await measureDrags(bigMap.page, smallMap.page, browser);

    const vsSmall: Row[] = [...remoteEditRows(edits), ...dom, ...dragRows(drag)];
    printOpenings(bigHeap, emptyHeap);
    console.log('');
    console.log(vsSmallTable(vsSmall));
  } finally {
    // Bounded too: a wedged browser must not turn a failed phase back into a silent hang.
    await phase('close Chromium', MINUTE, async () => browser?.close()).catch((error) =>
      process.stderr.write(`[bench] ${String(error)}\n`),
    );
    await server.kill();
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`[bench] failed: ${error instanceof PhaseTimeout ? error.message : String(error)}\n`);
  if (!(error instanceof PhaseTimeout) && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}
// Everything is printed and cleaned up; a lingering Playwright or child-process handle must not keep
// `npm run bench` waiting.
process.exit(0);
