import { optionsFromEnv } from './config';
import { createServer, storeConfigOf } from './createServer';
import { createLogger } from './logger';
import { describeStore } from './storage/openStore';

const options = optionsFromEnv(process.env);
const log = createLogger(options.logLevel);
const server = await createServer({ ...options, logger: log });
// One line with the URL; tests started with PORT=0 read `port` from it.
log.info(
  {
    url: server.url,
    port: server.port,
    database: describeStore(storeConfigOf(options)),
    relay: options.redisUrl ? 'redis' : 'none',
  },
  `KetenKaart listening on ${server.url}`,
);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) {
    log.warn({ signal }, 'second signal: exiting without a clean shutdown');
    process.exit(1);
  }
  stopping = true;
  log.info({ signal }, 'shutting down');
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
process.on('uncaughtException', (err) => {
  // State may be inconsistent after an uncaught throw; every update acknowledged so far is committed.
  log.fatal({ err }, 'uncaught exception; exiting');
  process.exit(1);
});
