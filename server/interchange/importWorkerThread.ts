import { parentPort } from 'node:worker_threads';
import { importAsUpdate, NewerMapError } from './importAsUpdate';
import type { ImportJob, ImportReply, ImportResult } from './importMessages';

/**
 * The import worker: reads, maps, plans, lays out and applies an import on a copy of the map, off
 * the server's event loop (a 2,000-row workbook is a second or more of CPU, a hostile file could be
 * more), and answers the one Yjs update the main thread sends through the map's room.
 */
const port = parentPort;
if (!port) throw new Error('importWorkerThread runs as a worker thread');

port.on('message', (job: ImportJob) => {
  void run(job).then((reply) => port.postMessage(reply));
});

async function run(job: ImportJob): Promise<ImportReply> {
  try {
    const { outcome, update } = await importAsUpdate(job.state, job.files, {
      defaultKind: job.defaultKind,
      limits: { maxFileBytes: job.maxFileBytes },
    });
    const result: ImportResult = outcome.ok
      ? { ok: true, summary: outcome.summary, update }
      : { ok: false, problems: outcome.plan.problems };
    return { id: job.id, result };
  } catch (err) {
    if (err instanceof NewerMapError) return { id: job.id, result: { ok: false, newer: true } };
    return { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
}
