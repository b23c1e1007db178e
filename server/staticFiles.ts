import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Logger } from './logger';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const NOT_BUILT_PAGE =
  '<!doctype html><meta charset="utf-8"><title>KetenKaart: client not built</title>' +
  '<h1>The KetenKaart client is not built</h1><p>Run <code>npm run build</code>, then restart the server.</p>';

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => void;

/**
 * Serves the built client. Vite puts content-hashed files under /assets/, which are cached forever;
 * everything else (notably index.html) must be revalidated so a deploy is picked up at once.
 * Unknown extensionless paths get index.html (client-side routes such as /map/<id>).
 */
export function createStaticHandler(rootDir: string, log: Logger): StaticHandler {
  const root = path.resolve(rootDir);
  const indexFile = path.join(root, 'index.html');

  const sendFile = (req: IncomingMessage, res: ServerResponse, file: string, stat: fs.Stats): void => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    res.statusCode = 200;
    res.setHeader(
      'Content-Type',
      CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    );
    res.setHeader('Content-Length', stat.size);
    res.setHeader(
      'Cache-Control',
      relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file);
    stream.on('error', (err) => {
      log.error({ err, file: relative }, 'reading a static file failed');
      res.destroy(err);
    });
    stream.pipe(res);
  };

  const plain = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') => {
    res.statusCode = status;
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'no-cache');
    res.end(body);
  };

  return (req, res, pathname) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      plain(res, 400, 'Bad path\n');
      return;
    }
    // Refuse dot-dot segments, NUL and backslashes outright, then insist the resolved file is inside root.
    const file = path.resolve(root, `.${decoded}`);
    const traversal = decoded.split('/').includes('..') || decoded.includes('\0') || decoded.includes('\\');
    if (traversal || (file !== root && !file.startsWith(root + path.sep))) {
      plain(res, 403, 'Forbidden\n');
      return;
    }
    const stat = statFile(file);
    if (stat) {
      sendFile(req, res, file, stat);
      return;
    }
    if (path.posix.extname(decoded) !== '') {
      plain(res, 404, 'Not found\n');
      return;
    }
    const indexStat = statFile(indexFile);
    if (!indexStat) {
      plain(res, 503, NOT_BUILT_PAGE, 'text/html; charset=utf-8');
      return;
    }
    sendFile(req, res, indexFile, indexStat);
  };
}

function statFile(file: string): fs.Stats | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}
