import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { REPO_ROOT } from '../server/reliability/serverProcess';
import { buildClient } from './lib/buildClient';
import { fmt, ratio, table } from './lib/table';

const TARGET_KB = 300;

const gzipKb = (file: string): number => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).byteLength / 1024;

function main(): void {
  const outDir = buildClient({ name: 'client-build' });
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
