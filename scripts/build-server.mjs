#!/usr/bin/env node
// Compiles the server for production into dist/server/: `main.mjs` (the server, its npm dependencies
// left as imports), `docWorkerThread.mjs` and `interchangeWorkerThread.mjs` (the worker threads, self-contained) and the SQLite writer
// thread's two plain modules, which the store loads next to itself. `npm start` runs main.mjs with
// plain node; tsx stays for development and tests.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const out = 'dist/server';
mkdirSync(out, { recursive: true });
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' };
await build({
  ...common,
  entryPoints: { main: 'server/main.ts' },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  // What the server imports on demand (the PostgreSQL store, the Redis relay) stays a chunk of its
  // own, loaded only when configured: `pg` and `redis` cost a SQLite node 40 MB of RSS at idle
  // (measured) when loaded with the rest. Chunks sit next to main.mjs, so the `new URL('./…',
  // import.meta.url)` of the worker files resolve the same from any of them.
  splitting: true,
  chunkNames: 'chunk-[name]-[hash]',
  packages: 'external',
  // Bundled CommonJS helpers may call require(); give the ES module one.
  banner: {
    js: "import { createRequire as __kkRequire } from 'node:module'; const require = __kkRequire(import.meta.url);",
  },
});
for (const entry of ['server/docs/docWorkerThread.ts', 'server/interchange/interchangeWorkerThread.ts']) {
  await build({
    ...common,
    entryPoints: [entry],
    outfile: `${out}/${entry.split('/').at(-1).replace(/\.ts$/, '.mjs')}`,
  });
}
for (const file of ['sqliteWriter.worker.mjs', 'sqliteWriterCore.mjs']) {
  copyFileSync(`server/storage/${file}`, `${out}/${file}`);
}
console.log(`server compiled to ${out}/main.mjs`);
