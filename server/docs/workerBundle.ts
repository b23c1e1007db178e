import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./docWorkerThread.ts', import.meta.url));

let bundled: Promise<URL> | undefined;

/**
 * The doc worker as one self-contained ES module file (its TypeScript and Yjs bundled by esbuild),
 * built once per process into the temp directory. Why not load the TypeScript in each worker through
 * tsx: every worker would start its own loader thread and transformer and take two to three times
 * longer to start (measured here: 350–430 ms against 180–220 ms on an idle machine, seconds on a
 * loaded one), and workers start whenever one is replaced.
 */
export function docWorkerBundle(): Promise<URL> {
  // The compiled server (`npm run build:server`) ships the worker prebuilt next to itself.
  const prebuilt = new URL('./docWorkerThread.mjs', import.meta.url);
  if (import.meta.url.endsWith('.mjs') && fs.existsSync(fileURLToPath(prebuilt))) {
    bundled ??= Promise.resolve(prebuilt);
  }
  bundled ??= (async () => {
    const result = await build({
      entryPoints: [ENTRY],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    const file = path.join(os.tmpdir(), `ketenkaart-doc-worker-${hash}.mjs`);
    // Content-addressed: an existing file with this name already holds exactly this code.
    if (!fs.existsSync(file)) {
      const partial = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(partial, code);
      fs.renameSync(partial, file);
    }
    return new URL(`file://${file}`);
  })();
  return bundled;
}
