/**
 * `execArgv` for a worker thread that runs plain JavaScript (the doc worker bundle, the SQLite
 * writer): none, rather than the process's own, which a worker inherits by default.
 *
 * Under `node --import tsx server/main.ts` an inheriting thread registers tsx again, with a
 * module-hooks thread of its own, before it runs a line of plain JavaScript. Measured on this machine
 * (load about 8, 2 cores): a thread that posts one message starts in 115–220 ms without the loader and
 * 360–430 ms with it; a server start spawns four such threads while the main thread is still loading,
 * so they competed with it for the cores exactly when a restart is waiting to listen.
 *
 * Why not the inherited flags minus the loader: Node refuses V8 and per-process flags in a worker's
 * `execArgv` (`--expose-gc`, `--max-old-space-size`: ERR_WORKER_INVALID_EXEC_ARGV), and it needs none
 * of them there: V8 flags are process-wide, so `gc()` under `--expose-gc` exists in these threads too,
 * and their heap limit is `resourceLimits`.
 */
export function plainWorkerArgv(): string[] {
  return [];
}
