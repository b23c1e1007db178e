import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What every HTTP API route shares: the error it throws (answered as JSON `{ error, ...details }`),
 * the JSON answer, and the bearer token of a request.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra fields of the JSON error body. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

export function methodNotAllowed(res: ServerResponse, allow: string): HttpError {
  res.setHeader('Allow', allow);
  return new HttpError(405, 'method not allowed');
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/**
 * The request body, refused with `tooLarge()` when its declared or actual size passes `maxBytes`,
 * before more than that is held.
 */
export async function readBody(
  req: IncomingMessage,
  maxBytes: number,
  tooLarge: () => HttpError,
): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
