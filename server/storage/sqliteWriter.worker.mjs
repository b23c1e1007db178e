// Writer thread of SqliteMapStore: owns the only write connection, so commits (and their fsyncs under
// synchronous=FULL, and WAL auto-checkpoints) block this thread, never the server's event loop.
// Protocol: receives { n, ops } (one group at a time), answers { n, ...GroupResult }; { close: true }
// closes the connection and answers { closed: true }.
import { parentPort, workerData } from 'node:worker_threads';
import { createWriter, openDatabase } from './sqliteWriterCore.mjs';

const db = openDatabase(workerData);
const writer = createWriter(db);

parentPort.on('message', (message) => {
  if (message.close) {
    db.close();
    parentPort.postMessage({ closed: true });
    return;
  }
  parentPort.postMessage({ n: message.n, ...writer.run(message.ops) });
});
parentPort.postMessage({ ready: true });
