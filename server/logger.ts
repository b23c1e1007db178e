import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Keys travel in URLs (`?key=`) and headers (`Authorization: Bearer`). The code never logs a URL,
 * header or raw request; as a second line of defence every line is scrubbed of both patterns
 * before it is written, whatever serializer produced it.
 */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/([?&](?:key|token)=)[^&\s"#]+/gi, '$1[redacted]'],
  [/(Bearer\s+)[^\s"]+/gi, '$1[redacted]'],
];

export function scrubSecrets(line: string): string {
  let out = line;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'ketenkaart' },
    redact: ['req.headers.authorization', 'key', 'err.rawPacket'],
    hooks: { streamWrite: scrubSecrets },
  };
  return destination ? pino(options, destination) : pino(options);
}
