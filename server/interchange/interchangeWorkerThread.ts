import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { exportMap } from '../../shared/interchange';
import { ChainMap } from '../../shared/model/ChainMap';
import { importAsUpdate, NewerMapError } from './importAsUpdate';
import type { ExportResult, ImportResult, InterchangeJob, InterchangeReply } from './interchangeMessages';

/**
 * The interchange worker: imports (read, map, plan, lay out, apply on a copy of the map, answering
 * the one Yjs update the main thread sends through the map's room) and exports, off the server's
 * event loop. A 2,000-row workbook is a second or more of CPU, an XLSX of a large map about as much,
 * a hostile file could be more.
 */
const port = parentPort;
if (!port) throw new Error('interchangeWorkerThread runs as a worker thread');

port.on('message', (message: InterchangeJob & { id: number }) => {
  void run(message).then((reply) => port.postMessage(reply));
});

async function run(job: InterchangeJob & { id: number }): Promise<InterchangeReply> {
  try {
    return { id: job.id, result: job.kind === 'import' ? await runImport(job) : await runExport(job) };
  } catch (err) {
    if (err instanceof NewerMapError) return { id: job.id, result: { ok: false, newer: true } };
    return { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
}

async function runImport(job: InterchangeJob & { kind: 'import' }): Promise<ImportResult> {
  const { outcome, update } = await importAsUpdate(job.state, job.files, {
    defaultKind: job.defaultKind,
    limits: { maxFileBytes: job.maxFileBytes },
  });
  return outcome.ok
    ? { ok: true, summary: outcome.summary, update }
    : { ok: false, problems: outcome.plan.problems };
}

async function runExport(job: InterchangeJob & { kind: 'export' }): Promise<ExportResult> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, job.state);
  const file = await exportMap(new ChainMap(doc), job.format, {
    table: job.table,
    locale: job.locale,
    includeVersions: job.includeVersions,
  });
  doc.destroy();
  return file;
}
