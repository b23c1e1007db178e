import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The interchange's file libraries (the auto-layout's ELK, the XLSX and CSV readers and writers,
 * the zip library) run on the interchange worker only. Imported by the main thread they cost every
 * server process memory whether or not anyone imports a file: ELK alone is about 65 MiB of RSS,
 * the set 72 MiB of RSS and 7 MiB of heap after GC. Everything the HTTP routes need (formats,
 * limits, problem sentences, kind names) comes from modules that import none of them.
 */
const WORKER_ONLY = ['elkjs', 'read-excel-file', 'write-excel-file', 'papaparse', 'fflate'];

/** The packages a module pulls in through its whole import graph, static and dynamic imports both. */
async function packagesImportedBy(entry: string): Promise<Set<string>> {
  const result = await build({
    absWorkingDir: REPO,
    entryPoints: [entry],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const packages = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imported of input.imports) {
      if (imported.external) packages.add(packageName(imported.path));
    }
  }
  return packages;
}

const packageName = (specifier: string): string => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
};

describe('where the interchange libraries load', () => {
  it('the server process loads none of them; the interchange worker has them all', async () => {
    const server = await packagesImportedBy('server/main.ts');
    const worker = await packagesImportedBy('server/interchange/interchangeWorkerThread.ts');
    expect(WORKER_ONLY.filter((name) => server.has(name))).toEqual([]);
    expect(WORKER_ONLY.filter((name) => !worker.has(name))).toEqual([]);
  }, 30_000);
});
