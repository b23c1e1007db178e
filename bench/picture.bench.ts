import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { ketenKaartArgs, spawnServer } from '../server/reliability/serverProcess';
import { buildClient } from './lib/buildClient';
import { median } from './lib/stats';
import { fmt, hasFlag, ratio, table } from './lib/table';

const QUICK = hasFlag('quick');
const RUNS = QUICK ? 1 : 3;
const SIZES = QUICK ? [20] : [20, 60, 150];

/** Fills the open map through the page's own model: one transaction, as an import would. */
async function fill(page: Page, actors: number): Promise<void> {
  await page.evaluate((n) => {
    type Model = {
      transact(fn: () => void): void;
      addPhase(label: string): string;
      addActor(a: Record<string, unknown>): string;
      addLink(l: Record<string, unknown>): string;
    };
    const model = (window as unknown as { __ketenkaart: { session: { model: Model } } }).__ketenkaart.session
      .model;
    model.transact(() => {
      const lanes = ['Aankomst', 'Onthaal', 'Toeleiding', 'Begeleiding', 'Participatie'].map((l) =>
        model.addPhase(l),
      );
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const lane = i % lanes.length;
        ids.push(
          model.addActor({
            kind: i % 3 === 0 ? 'service' : 'partner',
            label: `Organisatie ${i + 1}`,
            phaseId: lanes[lane],
            position: { x: 40 + lane * 400, y: 140 + Math.floor(i / lanes.length) * 120 },
          }),
        );
      }
      for (let i = 1; i < Math.round(n * 1.3) && n > 1; i++) {
        const source = ids[i % n]!;
        const target = ids[(i * 7 + 3) % n]!;
        if (source !== target)
          model.addLink({ kind: 'handover', source, target, warmth: i % 2 ? 'warm' : 'cold' });
      }
    });
  }, actors);
}

async function exportTime(page: Page, item: string): Promise<number> {
  const started = performance.now();
  await page.getByRole('button', { name: 'Exporteren' }).click();
  const download = page.waitForEvent('download', { timeout: 600_000 });
  // Should the click fail, its error is the one to report, not the download's when the page closes.
  download.catch(() => undefined);
  // The click returns when its handler does: a slow export blocks the page for longer than 30 s.
  await page
    .getByRole('menu', { name: 'Exporteren' })
    .getByRole('menuitem', { name: item })
    .click({ timeout: 600_000 });
  await (await download).path();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const outDir = buildClient({ name: 'picture-bench-client', mode: 'e2e' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-picture-bench-'));
  const server = await spawnServer({
    args: ketenKaartArgs,
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', STATIC_DIR: outDir },
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const measure = async (actors: number) => {
      const res = await fetch(`${server.url}/api/maps`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: `Bench ${actors}` }),
      });
      const map = (await res.json()) as { id: string; editKey: string };
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        acceptDownloads: true,
      });
      await context.addInitScript(() => {
        localStorage.setItem('ketenkaart.identity', JSON.stringify({ name: 'Bench', colour: '#0ea5e9' }));
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/#/kaart/${map.id}?key=${map.editKey}`);
      await page.waitForFunction(
        () => (window as unknown as { __ketenkaart?: unknown }).__ketenkaart !== undefined,
      );
      await page.locator('.react-flow').waitFor();
      await fill(page, actors);
      await page.locator('.react-flow__node-actor').first().waitFor();
      const png: number[] = [];
      const svg: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        png.push(await exportTime(page, 'PNG voor een presentatie (1920 × 1080)'));
        svg.push(await exportTime(page, 'SVG (vector)'));
      }
      const elements = await page.evaluate(() => document.querySelectorAll('.react-flow__viewport *').length);
      await context.close();
      return { png: median(png), svg: median(svg), elements };
    };
    const baseline = await measure(1);
    const rows: string[][] = [];
    for (const size of SIZES) {
      const m = await measure(size);
      rows.push([
        String(size),
        String(m.elements),
        fmt(m.png, 'ms', 0),
        ratio(m.png, baseline.png),
        fmt(m.svg, 'ms', 0),
        ratio(m.svg, baseline.svg),
      ]);
    }
    console.log(`### Map pictures, whole map, slide size (median of ${RUNS})\n`);
    console.log(
      table(['actors', 'DOM elements in view', 'PNG', 'PNG ÷ 1 actor', 'SVG', 'SVG ÷ 1 actor'], rows),
    );
    console.log(
      `\nBaseline: the same export of a map with 1 actor: PNG ${fmt(baseline.png, 'ms', 0)}, SVG ${fmt(baseline.svg, 'ms', 0)} (${baseline.elements} elements).`,
    );
  } finally {
    await browser.close();
    await server.kill();
  }
}

await main();
