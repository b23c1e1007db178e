// Entry of a doc worker thread. The server runs TypeScript through tsx, whose loader a worker thread
// does not inherit on Node 20; register it here, then load the worker itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
