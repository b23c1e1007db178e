import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Starts a process as the server and its memory tests run (`--expose-gc --import tsx`), which starts
 * a thread with `plainWorkerArgv()` and prints what the thread sees.
 */
function threadUnderTsx(): { execArgv: string[]; gc: boolean } {
  const script = `
    const { Worker } = await import('node:worker_threads');
    const { plainWorkerArgv } = await import('./server/plainWorkerArgv.ts');
    const code = "require('node:worker_threads').parentPort.postMessage({ execArgv: process.execArgv, gc: typeof gc === 'function' })";
    const worker = new Worker(code, { eval: true, execArgv: plainWorkerArgv() });
    worker.once('message', (m) => { console.log(JSON.stringify(m)); process.exit(0); });`;
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: REPO, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim());
}

describe('plainWorkerArgv', () => {
  it('starts a thread without the TypeScript loader, accepted under --expose-gc, with gc() still there', () => {
    const seen = threadUnderTsx();
    expect(seen.execArgv).toEqual([]);
    expect(seen.gc).toBe(true);
  });
});
