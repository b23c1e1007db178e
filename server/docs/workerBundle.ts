import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: esbuild's working directory, against which the metafile names its inputs. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCKFILE = path.join(ROOT, 'package-lock.json');
/** The build's options but its entry point (which names the manifest). */
const BUILD_OPTIONS = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  metafile: true,
  logLevel: 'silent',
} as const;

/**
 * What a built bundle was built from: every input file with the hash of its content, and the
 * esbuild version and options. Kept next to the bundle in the temp directory, one per checkout and entry.
 */
interface Manifest {
  readonly key: string;
  readonly bundle: string;
  readonly inputs: Record<string, string>;
}

const bundles = new Map<string, Promise<URL>>();

/**
 * A worker thread's module as one self-contained ES module file (its TypeScript and dependencies
 * bundled by esbuild), in the temp directory, at most once per process and entry. Why not load the
 * TypeScript in each worker through tsx: every worker would start its own loader thread and
 * transformer and take two to three times longer to start (measured here: 350–430 ms against
 * 180–220 ms on an idle machine, seconds on a loaded one), and workers start whenever one is replaced.
 *
 * Built once, not at every start: the manifest names every file the last build read with the hash
 * of its content, so a start whose inputs are unchanged reuses the bundle after hashing its input
 * files (a few milliseconds for the doc worker's forty) instead of running esbuild (0.13–0.33 s at
 * load 8, more under load, on the path to listening). Any change to an input, to package-lock.json,
 * to esbuild's version or to the options rebuilds. esbuild itself is loaded only to build.
 */
export function bundleWorker(entry: URL, name: string): Promise<URL> {
  let bundled = bundles.get(entry.href);
  // The compiled server (`npm run build:server`) ships each worker prebuilt next to itself, as
  // `<entry's name>.mjs`.
  const prebuilt = new URL(entry.href.replace(/\.ts$/, '.mjs'));
  if (!bundled && import.meta.url.endsWith('.mjs') && fs.existsSync(fileURLToPath(prebuilt))) {
    bundled = Promise.resolve(prebuilt);
    bundles.set(entry.href, bundled);
  }
  if (!bundled) {
    bundled = buildOrReuse(fileURLToPath(entry), name);
    bundles.set(entry.href, bundled);
  }
  return bundled;
}

/** The doc worker (`docWorkerThread.ts`). */
export const docWorkerBundle = (): Promise<URL> =>
  bundleWorker(new URL('./docWorkerThread.ts', import.meta.url), 'doc');

async function buildOrReuse(entry: string, name: string): Promise<URL> {
  // The version from the package file: the fast path loads none of esbuild.
  const { version } = createRequire(import.meta.url)('esbuild/package.json') as { version: string };
  // The lockfile stands for how packages resolve (an upgrade can change which files are read).
  const lock = fs.existsSync(LOCKFILE) ? sha256(fs.readFileSync(LOCKFILE)) : '';
  const key = JSON.stringify({ version, lock, ...BUILD_OPTIONS });
  const manifestFile = path.join(os.tmpdir(), `ketenkaart-${name}-worker-${sha256(entry).slice(0, 16)}.json`);
  const reused = reusableBundle(manifestFile, key);
  if (reused) return new URL(`file://${reused}`);
  const { build } = await import('esbuild');
  const result = await build({ ...BUILD_OPTIONS, entryPoints: [entry] });
  const code = result.outputFiles[0]!.contents;
  const file = path.join(os.tmpdir(), `ketenkaart-${name}-worker-${sha256(code).slice(0, 16)}.mjs`);
  // Content-addressed: an existing file with this name already holds exactly this code.
  if (!fs.existsSync(file)) writeAtomically(file, code);
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    inputs[input] = sha256(fs.readFileSync(path.resolve(ROOT, input)));
  }
  writeAtomically(manifestFile, JSON.stringify({ key, bundle: file, inputs } satisfies Manifest));
  return new URL(`file://${file}`);
}

/** The bundle the manifest names, when it exists and every input it was built from is unchanged. */
function reusableBundle(manifestFile: string, key: string): string | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.key !== key || !fs.existsSync(manifest.bundle)) return undefined;
    for (const [input, hash] of Object.entries(manifest.inputs)) {
      if (sha256(fs.readFileSync(path.resolve(ROOT, input))) !== hash) return undefined;
    }
    return manifest.bundle;
  } catch {
    // No manifest yet, an unreadable one, or an input that is gone: build.
    return undefined;
  }
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Other processes may read the file at any moment: they see the old content or the new, never half. */
function writeAtomically(file: string, data: string | Uint8Array): void {
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, data);
  fs.renameSync(partial, file);
}
