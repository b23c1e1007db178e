import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { precacheList } from './client/src/offline/swPolicy.js';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
const SW_FILE = 'sw.js';
const PUBLIC_DIR = path.join(rootDir, 'client/public');

/** The files Vite copies from client/public (manifest, icons), as paths relative to the build root. */
function publicFiles(): string[] {
  return readdirSync(PUBLIC_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(PUBLIC_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    );
}

/**
 * Builds the offline app shell's service worker (client/src/offline/serviceWorker.ts) as /sw.js,
 * a separate chunk at a fixed name, and prepends the precache list of this build: index.html,
 * every emitted file but source maps, and the manifest and icons of client/public (an installed app
 * opened offline still has its icon and manifest). The cache name is a hash of that list and index.html, so a
 * new build gets a new cache and the worker deletes the old one on activate.
 */
function offlineShell(): Plugin {
  return {
    name: 'ketenkaart-offline-shell',
    apply: 'build',
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: path.join(rootDir, 'client/src/offline/serviceWorker.ts'),
        fileName: SW_FILE,
      });
    },
    writeBundle(options, bundle) {
      const outDir = options.dir ?? path.dirname(options.file ?? '');
      const urls = precacheList([...Object.keys(bundle), ...publicFiles()], SW_FILE);
      const hash = createHash('sha256');
      for (const url of urls) hash.update(`${url}\n`);
      hash.update(readFileSync(path.join(outDir, 'index.html')));
      const manifest = { version: hash.digest('hex').slice(0, 16), urls };
      const swPath = path.join(outDir, SW_FILE);
      const code = readFileSync(swPath, 'utf8');
      if (/^\s*(import|export)\b/m.test(code)) {
        throw new Error(`${SW_FILE} must be a classic script; it imports or exports a module`);
      }
      writeFileSync(swPath, `self.__KK_MANIFEST = ${JSON.stringify(manifest)};\n${code}`);
    },
  };
}

// The client lives in client/; tests live next to the code they pin, across the repo.
export default defineConfig({
  root: 'client',
  plugins: [react(), offlineShell()],
  resolve: {
    // Two copies of yjs break its constructor checks ("Yjs was already imported").
    dedupe: ['yjs', 'y-protocols', 'lib0'],
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    root: rootDir,
    include: [
      'shared/**/*.test.ts',
      'server/**/*.test.ts',
      'client/**/*.test.{ts,tsx}',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
