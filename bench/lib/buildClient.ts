import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../server/reliability/serverProcess';

export interface ClientBuildOptions {
  /** Names the temporary folder, so a leftover one says which bench made it. */
  readonly name: string;
  /** `e2e`: the client with the e2e test hook (`window.__ketenkaart`) that browser benches read. */
  readonly mode?: 'e2e';
  /** False keeps function names readable in CPU profiles. */
  readonly minify?: boolean;
}

/**
 * Runs `vite build` into a fresh temporary folder (never dist/client, which a served build may be
 * using) and returns it. Build chatter (chunk-size advice) would drown the figures; errors still
 * surface through the throw.
 */
export function buildClient({ name, mode, minify = true }: ClientBuildOptions): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `ketenkaart-${name}-`));
  execFileSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      ...(mode ? ['--mode', mode] : []),
      '--outDir',
      outDir,
      '--emptyOutDir',
      ...(minify ? [] : ['--minify', 'false']),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return outDir;
}
