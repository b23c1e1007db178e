/**
 * Initial JavaScript of the client, gzipped, per chunk: what a first visit downloads before the app runs.
 *
 * Builds into a temporary directory so the figure is always of the current source and a build here
 * never disturbs a dist/ another process serves. "Initial" = the entry script plus every modulepreload
 * that index.html names (Vite lists all static imports there); lazy chunks are listed apart.
 *
 *   npx tsx bench/bundle.bench.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { REPO_ROOT } from '../server/reliability/serverProcess';
import { fmt, ratio, table } from './lib/table';

const TARGET_KB = 300;

/** Runs `vite build` into a fresh temporary directory and returns it. */
export function buildClient(): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-client-build-'));
  execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'],
    // Build chatter (chunk-size advice) would drown the figures; errors still surface through the throw.
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return outDir;
}

const gzipKb = (file: string): number => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).byteLength / 1024;

function main(): void {
  const outDir = buildClient();
  try {
    const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const initial = new Set<string>();
    for (const match of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) initial.add(match[1]!);
    for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g))
      initial.add(match[1]!);
    const assets = fs.readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    const rows: string[][] = [];
    let initialKb = 0;
    for (const name of assets.sort()) {
      const isInitial = [...initial].some((src) => src.endsWith(`/assets/${name}`));
      const file = path.join(outDir, 'assets', name);
      const kb = gzipKb(file);
      if (isInitial) initialKb += kb;
      rows.push([
        name,
        isInitial ? 'initial' : 'lazy',
        fmt(fs.statSync(file).size / 1024, 'KB', 1),
        fmt(kb, 'KB', 1),
      ]);
    }
    console.log('## Bundle (client JavaScript)\n');
    console.log(table(['chunk', 'loaded', 'minified', 'gzip -9'], rows));
    console.log(
      `\nInitial JS gzipped: ${fmt(initialKb, 'KB', 1)} — target < ${TARGET_KB} KB — initial ÷ target ${ratio(initialKb, TARGET_KB)}` +
        (initialKb < TARGET_KB ? ' (met)' : ` (missed by ${fmt(initialKb - TARGET_KB, 'KB', 1)})`),
    );
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(REPO_ROOT, 'bench/bundle.bench.ts'))
  main();
