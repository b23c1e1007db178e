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
 */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { ketenKaartArgs, spawnServer } from '../server/reliability/serverProcess';
import { ChainMap } from '../shared/model/ChainMap';
import { PhaseTimeout, phase } from './lib/phase';
import { median } from './lib/stats';
import { fmt, ratio, table } from './lib/table';

const ACTORS = 1000;
const LINKS = 2000;
const SMALL_ACTORS = 10;
const SMALL_LINKS = 20;
const REMOTE_EDITS = 5;
const DRAG_MS = 1000;
const ACTOR_SELECTOR = '.react-flow__node-actor';
const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** The client with the e2e test hook, in its own folder (never dist/client). */
function buildE2eClient(): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-browser-bench-client-'));
  execFileSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--mode',
      'e2e',
      '--outDir',
      outDir,
      '--emptyOutDir',
      // Readable function names in --profile output.
      ...(process.argv.includes('--profile') ? ['--minify', 'false'] : []),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return outDir;
}

interface MapKeys {
  id: string;
  editKey: string;
}

/** The server refuses a body that is not declared as JSON (415); any refusal stops the run with its answer. */
async function createMapOn(url: string, title: string): Promise<MapKeys> {
  const res = await fetch(`${url}/api/maps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (!res.ok) throw new Error(`POST /api/maps answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as MapKeys;
}

function provider(url: string, map: MapKeys, doc: ChainMap['doc']): WebsocketProvider {
  return new WebsocketProvider(`${url.replace(/^http/, 'ws')}/sync`, map.id, doc, {
    params: { key: map.editKey },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

/**
 * Resolves on the first sync. A close in 4400–4499 (refused: bad map id, key, quarantine) stops
 * y-websocket's reconnect loop, so the sync would never come: that rejects with the server's reason.
 */
const synced = (p: WebsocketProvider) =>
  new Promise<void>((resolve, reject) => {
    if (p.synced) return resolve();
    p.once('sync', () => resolve());
    p.on('connection-close', (event) => {
      if (event && event.code >= 4400 && event.code < 4500)
        reject(new Error(`sync refused: ${event.code} ${event.reason}`));
    });
  });

/** Seeds through a stock client and waits until a second client sees it all (the server relays only what it stored). */
async function seed(url: string, map: MapKeys, actors: number, links: number): Promise<string[]> {
  const { doc } = new ChainMap();
  const p = provider(url, map, doc);
  await synced(p);
  const chain = ChainMap.create(doc, { title: 'bench' });
  const ids: string[] = [];
  chain.transact(() => {
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
  const check = new ChainMap();
  const q = provider(url, map, check.doc);
  const deadline = Date.now() + 30_000;
  while (check.storedIds().actors.length < actors && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const seen = check.storedIds().actors.length;
  q.destroy();
  if (seen < actors) {
    p.destroy();
    throw new Error(`seeding: a second client saw ${seen} of ${actors} actors after 30 s`);
  }
  p.destroy();
  return ids;
}

interface Opening {
  /** Navigation → first actor (or canvas) in the DOM. */
  total: number;
  /** Navigation → the map session exists with its doc loaded (local store read, model ready). */
  session: number;
  /** The app's own `kk:` performance marks (ms since navigation start), for the phases of opening. */
  marks: Record<string, number>;
}

/** In-page clock: each phase is stamped by a rAF-polling observer, relative to navigation start. */
async function firstPaint(
  page: Page,
  url: string,
  selector: string,
  profileLabel?: string,
): Promise<Opening> {
  const cdp = PROFILE && profileLabel ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
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
  const total = performance.now() - started;
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    printTopFunctions(profileLabel!, profile);
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
  return { total, session: await sessionAt, marks };
}

interface MainThread {
  script: number;
  layoutAndStyle: number;
  /** All main-thread tasks (script, style, layout, paint, GC, …). */
  task: number;
}

const PROFILE = process.argv.includes('--profile');
/** With --trace: a Chromium timeline trace of the big map's drag, summed by event on the main thread. */
const TRACE = process.argv.includes('--trace');

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  ts?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/**
 * Main-thread time by top-level trace event (script, style, layout, paint, raster, GC): what a drag
 * frame is actually spent on. Only events that do not nest in another counted one are summed.
 */
function printTraceSummary(label: string, trace: Buffer): void {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  // Every open page has its own renderer main thread: the traced page's is the one that worked most.
  const work = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && e.dur) work.set(`${e.pid}:${e.tid}`, (work.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const main = events
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .sort((a, b) => (work.get(`${b.pid}:${b.tid}`) ?? 0) - (work.get(`${a.pid}:${a.tid}`) ?? 0))[0];
  if (!main) return;
  const COUNTED = new Set([
    'FunctionCall',
    'EventDispatch',
    'TimerFire',
    'FireAnimationFrame',
    'RunMicrotasks',
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
    'UpdateLayer',
    'CompositeLayers',
    'MajorGC',
    'MinorGC',
    'V8.GC_SCAVENGER',
    'ParseHTML',
    'HitTest',
  ]);
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur || !COUNTED.has(e.name)) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.error(`\n[trace] ${label}: main-thread ms by event (nested events counted in each)`);
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]))
    console.error(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  // Tiles are rasterised off the main thread: a frame waits for them, so count them too.
  const raster = events.filter((e) => e.pid === main.pid && e.name === 'RasterTask' && e.ph === 'X');
  const rasterMs = raster.reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const e of events)
    if (e.pid === main.pid && e.ph === 'X' && e.ts !== undefined) {
      first = Math.min(first, e.ts);
      last = Math.max(last, e.ts + (e.dur ?? 0));
    }
  const spanMs = (last - first) / 1000;
  console.error(
    `  ${rasterMs.toFixed(1).padStart(8)} ms  RasterTask on raster workers (${raster.length} tiles) in a ${spanMs.toFixed(0)} ms trace`,
  );
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** With --profile: the functions with the most self time, and the most total (inclusive) time, in a CDP CPU profile. */
function printTopFunctions(label: string, profile: CpuProfile): void {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++)
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0));
  const key = (node: CpuProfile['nodes'][number]) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
  };
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    byName.set(key(node), (byName.get(key(node)) ?? 0) + (self.get(node.id) ?? 0) / 1000);
  }
  // Inclusive time: a node's self time plus its subtree's, counted once per function on each stack.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = key(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + us / 1000);
    }
  }
  const print = (title: string, map: Map<string, number>, n: number) => {
    console.error(`\n[profile] ${label}: ${title}`);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.error(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  };
  print('top self time', byName, 15);
  total.delete('(root) :0');
  print('top total time', total, Number(process.env.BENCH_PROFILE_TOP ?? 25));
}

async function mainThreadCost(label: string, page: Page, action: () => Promise<void>): Promise<MainThread> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return {
      script: get('ScriptDuration') * 1000,
      layoutAndStyle: (get('LayoutDuration') + get('RecalcStyleDuration')) * 1000,
      task: get('TaskDuration') * 1000,
    };
  };
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const before = await read();
  await action();
  const after = await read();
  if (PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    printTopFunctions(label, profile);
  }
  await cdp.detach();
  return {
    script: after.script - before.script,
    layoutAndStyle: after.layoutAndStyle - before.layoutAndStyle,
    task: after.task - before.task,
  };
}

interface DragCost {
  frames: number;
  longestFrameMs: number;
  moves: number;
  docBytes: number;
  docUpdates: number;
}

/**
 * Drags the first visible actor for DRAG_MS with the mouse, counting animation frames in the page and
 * the bytes of local doc updates (through the e2e hook) until the drag end's write has happened.
 */
async function dragCost(page: Page): Promise<DragCost> {
  // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
  await page.evaluate(`(() => {
    const bench = { frames: 0, longest: 0, bytes: 0, updates: 0, counting: 1 };
    window.__bench = bench;
    let last = performance.now();
    function tick(now) {
      if (!bench.counting) return;
      bench.frames++;
      bench.longest = Math.max(bench.longest, now - last);
      last = now;
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
    window.__ketenkaart.session.doc.on('update', function (update, _origin, _doc, tr) {
      if (!tr.local) return;
      bench.bytes += update.byteLength;
      bench.updates++;
    });
  })()`);
  // The actor nearest the pane's centre: DOM order says nothing about what panels cover.
  const box = await page.evaluate((selector) => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best: { x: number; y: number; width: number; height: number } | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const el of document.querySelectorAll(selector)) {
      const r = el.getBoundingClientRect();
      const distance = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { x: r.left, y: r.top, width: r.width, height: r.height };
      }
    }
    return best;
  }, ACTOR_SELECTOR);
  if (!box) throw new Error('no actor to drag');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const started = performance.now();
  let moves = 0;
  while (performance.now() - started < DRAG_MS) {
    moves++;
    await page.mouse.move(x + (moves % 120), y + ((moves * 3) % 90));
  }
  await page.evaluate(() => {
    (window as unknown as { __bench: Record<string, number> }).__bench.counting = 0;
  });
  await page.mouse.up();
  await page.waitForFunction(
    () => (window as unknown as { __bench: { updates: number } }).__bench.updates > 0,
    null,
    {
      polling: 'raf',
    },
  );
  const result = await page.evaluate(
    () => (window as unknown as { __bench: Record<string, number> }).__bench,
  );
  return {
    frames: result.frames!,
    longestFrameMs: result.longest!,
    moves,
    docBytes: result.bytes!,
    docUpdates: result.updates!,
  };
}

/** Per-phase deadlines: generous for a loaded 2-core machine, but a stall fails with the phase's name. */
const MINUTE = 60_000;

async function main(): Promise<void> {
  const outDir = await phase('build the e2e client', 5 * MINUTE, async () => buildE2eClient());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-browser-bench-'));
  const server = await phase('start the server', MINUTE, () =>
    spawnServer({
      args: ketenKaartArgs,
      env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', STATIC_DIR: outDir },
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
    const open = async (map: MapKeys, selector: string) => {
      const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
      // A stored identity: the first-use name dialog would sit on top of the canvas.
      await context.addInitScript(() => {
        try {
          localStorage.setItem('ketenkaart.identity', JSON.stringify({ name: 'Bench', colour: '#0ea5e9' }));
        } catch {}
      });
      const page = await context.newPage();
      const profiled = map === big;
      const cold = await firstPaint(
        page,
        `${server.url}/#/kaart/${map.id}?key=${map.editKey}`,
        selector,
        profiled ? 'open big map, cold' : undefined,
      );
      const warmPage = await context.newPage();
      const warm = await firstPaint(
        warmPage,
        `${server.url}/#/kaart/${map.id}`,
        selector,
        profiled ? 'open big map, warm' : undefined,
      );
      await page.close();
      return { context, page: warmPage, cold, warm };
    };
    const baseline = await phase('open the empty map, cold and warm', 2 * MINUTE, () =>
      open(empty, '.react-flow'),
    );
    const smallMap = await phase('open the small map, cold and warm', 2 * MINUTE, () =>
      open(small, ACTOR_SELECTOR),
    );
    const bigMap = await phase('open the big map, cold and warm', 3 * MINUTE, () =>
      open(big, ACTOR_SELECTOR),
    );
    const rendered = await bigMap.page.locator(ACTOR_SELECTOR).count();
    const smallRendered = await smallMap.page.locator(ACTOR_SELECTOR).count();
    const edgesRendered = await bigMap.page.locator('.react-flow__edge').count();
    const smallEdgesRendered = await smallMap.page.locator('.react-flow__edge').count();
    // Where opening the big map spends its time: the app's own marks, ms since navigation start.
    for (const [name, opening] of [
      ['cold', bigMap.cold],
      ['warm', bigMap.warm],
    ] as const) {
      const phases = Object.entries(opening.marks)
        .sort((a, b) => a[1] - b[1])
        .map(([mark, at]) => `${mark.replace(/^kk:/, '')} ${at.toFixed(0)}`)
        .join(' → ');
      console.error(`[open big map, ${name}] ms since navigation: ${phases || '(no marks)'}`);
    }

    // Remote edits: rename a visible actor through a Node client, time until the page shows the label.
    const remoteEdits = async (map: MapKeys, ids: string[], page: Page) => {
      const chain = new ChainMap();
      const p = provider(server.url, map, chain.doc);
      await synced(p);
      const testId = await page.locator('[data-testid^="actor-"]').first().getAttribute('data-testid');
      const label = testId?.replace(/^actor-/, '') ?? 'actor-0';
      const id = ids[Number(label.replace('actor-', ''))] ?? ids[0]!;
      const editMs: number[] = [];
      const cost = await mainThreadCost(`remote edits, ${map.id}`, page, async () => {
        for (let i = 0; i < REMOTE_EDITS; i++) {
          const started = performance.now();
          chain.updateActor(id, { label: `remote-${i}` });
          await page.waitForSelector(`[data-testid="actor-remote-${i}"]`, { timeout: 10_000 });
          editMs.push(performance.now() - started);
        }
      });
      p.destroy();
      return {
        ms: median(editMs),
        script: cost.script / REMOTE_EDITS,
        layout: cost.layoutAndStyle / REMOTE_EDITS,
      };
    };
    const bigEdit = await phase('remote edits, big map', 2 * MINUTE, () =>
      remoteEdits(big, bigIds, bigMap.page),
    );
    const smallEdit = await phase('remote edits, small map', MINUTE, () =>
      remoteEdits(small, smallIds, smallMap.page),
    );

    const heap = (page: Page) =>
      page.evaluate(
        () =>
          (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
          Number.NaN,
      );
    const bigHeap = await heap(bigMap.page);
    const emptyHeap = await heap(baseline.page);

    let bigDrag: DragCost | undefined;
    let smallDrag: DragCost | undefined;
    if (TRACE)
      await browser.startTracing(bigMap.page, {
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          // What each frame repaints, and why (PaintInvalidationTracking, StyleInvalidatorInvalidationTracking).
          'disabled-by-default-devtools.timeline.invalidationTracking',
          'v8',
        ],
      });
    const bigDragCpu = await phase('drag, big map', 2 * MINUTE, () =>
      mainThreadCost('drag, big map', bigMap.page, async () => {
        bigDrag = await dragCost(bigMap.page);
      }),
    );
    if (TRACE) {
      const trace = await phase('stop tracing', 2 * MINUTE, () => browser!.stopTracing());
      const file = path.join(os.tmpdir(), 'ketenkaart-drag-trace.json');
      fs.writeFileSync(file, trace);
      printTraceSummary('drag, big map', trace);
      console.error(`  (whole trace, for chrome://tracing or Perfetto: ${file})`);
    }
    const smallDragCpu = await phase('drag, small map', MINUTE, () =>
      mainThreadCost('drag, small map', smallMap.page, async () => {
        smallDrag = await dragCost(smallMap.page);
      }),
    );
    if (!bigDrag || !smallDrag) throw new Error('drag not measured');

    type Row = [string, number, number, string, number, string];
    const rows: Row[] = [
      [
        'first paint, cold (fresh profile, from server)',
        bigMap.cold.total,
        baseline.cold.total,
        'ms',
        0,
        '< 1000 ms',
      ],
      [
        '  of which: until the map session is ready',
        bigMap.cold.session,
        baseline.cold.session,
        'ms',
        0,
        '—',
      ],
      ['first paint, warm (IndexedDB)', bigMap.warm.total, baseline.warm.total, 'ms', 0, '< 1000 ms'],
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
    const vsSmall: Row[] = [
      [`remote edit → on screen (median of ${REMOTE_EDITS})`, bigEdit.ms, smallEdit.ms, 'ms', 1, '< 50 ms'],
      ['  main-thread script per remote edit', bigEdit.script, smallEdit.script, 'ms', 1, '—'],
      ['  layout + style per remote edit', bigEdit.layout, smallEdit.layout, 'ms', 1, '—'],
      ['actor nodes in the DOM', rendered, smallRendered, '', 0, '—'],
      ['link edges in the DOM', edgesRendered, smallEdgesRendered, '', 0, '—'],
      [`drag ${DRAG_MS} ms: frames painted`, bigDrag.frames, smallDrag.frames, 'frames', 0, '≈ 60'],
      [`drag ${DRAG_MS} ms: main-thread script`, bigDragCpu.script, smallDragCpu.script, 'ms', 0, '—'],
      [`drag ${DRAG_MS} ms: main-thread tasks, all`, bigDragCpu.task, smallDragCpu.task, 'ms', 0, '—'],
      [`drag ${DRAG_MS} ms: longest frame`, bigDrag.longestFrameMs, smallDrag.longestFrameMs, 'ms', 1, '—'],
      [`drag ${DRAG_MS} ms: mouse moves dispatched`, bigDrag.moves, smallDrag.moves, '', 0, '—'],
      [`drag ${DRAG_MS} ms: doc bytes written`, bigDrag.docBytes, smallDrag.docBytes, 'B', 0, '—'],
      [`drag ${DRAG_MS} ms: doc updates written`, bigDrag.docUpdates, smallDrag.docUpdates, '', 0, '1'],
    ];
    const render = (r: Row) => [r[0], fmt(r[1], r[3], r[4]), fmt(r[2], r[3], r[4]), ratio(r[1], r[2]), r[5]];

    console.log(`## Big map in the browser (Chromium, ${ACTORS} actors + ${LINKS} links)\n`);
    console.log(
      table(['figure', 'big map', 'empty map (baseline)', 'big ÷ empty', 'target'], rows.map(render)),
    );
    console.log('');
    console.log(
      table(
        [
          'figure',
          'big map',
          `small map (${SMALL_ACTORS} + ${SMALL_LINKS}, baseline)`,
          'big ÷ small',
          'target',
        ],
        vsSmall.map(render),
      ),
    );
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
