/** Flags that register a module loader or preload a module; their value names it. */
const LOADER_FLAGS = new Set(['--import', '--loader', '--experimental-loader', '--require', '-r']);
/** The TypeScript loader the server runs under in development and in the documented start command. */
const TS_LOADER = /(^|[/\\])tsx([/\\]|$)/;

/**
 * `execArgv` for a worker thread that runs plain JavaScript (the doc worker bundle, the SQLite
 * writer): the process's own Node flags without the TypeScript loader.
 *
 * A worker inherits `process.execArgv`. Under `node --import tsx server/main.ts` every thread would
 * register tsx again, with a module-hooks thread of its own, before it runs a line of plain
 * JavaScript. Measured on this machine (load about 8, 2 cores): a thread that posts one message
 * starts in 115–220 ms without the loader and 360–430 ms with it; a server start spawns four such
 * threads while the main thread is still loading, so they competed with it for the cores exactly when
 * a restart is waiting to listen. Other flags (`--expose-gc`, heap and inspector flags) are kept.
 */
export function plainWorkerArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (LOADER_FLAGS.has(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : (execArgv[i + 1] ?? '');
      if (eq < 0) i++;
      if (TS_LOADER.test(value)) continue;
      kept.push(arg);
      if (eq < 0 && value) kept.push(value);
      continue;
    }
    kept.push(arg);
  }
  return kept;
}
