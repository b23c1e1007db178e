import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level = 'info'): Logger {
  // Keys travel in URLs and headers; never let a serializer print them.
  return pino({ level, base: { service: 'ketenkaart' }, redact: ['req.headers.authorization', 'key'] });
}
