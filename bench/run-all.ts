/**
 * `npm run bench`: runs every benchmark in its own process (one's sockets, timers and heap cannot skew
 * the next), echoes its output, and rewrites the generated section of docs/performance.md with the
 * figures, the command, the date and the machine. A benchmark that fails is reported, not fatal:
 * the others still give figures. `--quick` is passed through for a short run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../server/reliability/serverProcess';
import { machineDescription } from './lib/procStats';

/** In run order; the ones other people own are run when present. */
const BENCHES = [
  'fanout.bench.ts',
  'cluster.bench.ts',
  'capacity.bench.ts',
  'storage.bench.ts',
  'docGrowth.bench.ts',
  'analysis.bench.ts',
  'modelRead.bench.ts',
  'listView.bench.ts',
  'localStore.bench.ts',
  'interchange.bench.ts',
  'bundle.bench.ts',
  'browser.bench.ts',
  'picture.bench.ts',
];

const DOC = path.join(REPO_ROOT, 'docs/performance.md');
const START = '<!-- bench:generated:start (written by `npm run bench`; edits inside are overwritten) -->';
const END = '<!-- bench:generated:end -->';

const passThrough = process.argv.slice(2).filter((arg) => arg === '--quick');

function runBench(file: string): Promise<{ stdout: string; code: number | null; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    // --expose-gc lets the benchmarks that report heap collect garbage before they measure it.
    const args = ['--expose-gc', '--import', 'tsx', path.join('bench', file), ...passThrough];
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ stdout, code, seconds: (performance.now() - started) / 1000 }));
  });
}

async function main(): Promise<void> {
  const sections: string[] = [];
  for (const file of BENCHES) {
    if (!fs.existsSync(path.join(REPO_ROOT, 'bench', file))) {
      sections.push(`## ${file}\n\nNot present in this checkout; skipped.`);
      continue;
    }
    console.log(`\n▶ ${file}`);
    const { stdout, code, seconds } = await runBench(file);
    const status =
      code === 0 ? `${seconds.toFixed(0)} s` : `**failed** (exit ${code}) after ${seconds.toFixed(0)} s`;
    sections.push(`${stdout.trim()}\n\n_${file}: ${status}_`);
  }
  const header = [
    `Command: \`npm run bench${passThrough.length ? ` -- ${passThrough.join(' ')}` : ''}\``,
    `Date: ${new Date().toISOString()}`,
    `Machine: ${machineDescription()}`,
  ].join('  \n');
  const generated = `${START}\n\n${header}\n\n${sections.join('\n\n')}\n\n${END}`;
  const existing = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Performance\n\n';
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${existing.slice(0, start)}${generated}${existing.slice(end + END.length)}`
      : `${existing.trimEnd()}\n\n${generated}\n`;
  fs.writeFileSync(DOC, next);
  console.log(`\nWrote ${path.relative(REPO_ROOT, DOC)}`);
}

await main();
