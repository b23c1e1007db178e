import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Locale, type Translate, translator } from '../../shared/i18n';
import { problemMessage } from '../../shared/interchange/describeProblem';
import {
  CSV_TABLES,
  type CsvTable,
  EXPORT_FORMATS,
  type ExportFormat,
} from '../../shared/interchange/exportFormats';
import { DEFAULT_LIMITS, megabytes } from '../../shared/interchange/limits';
import type { ImportProblem } from '../../shared/interchange/problems';
import { lookup, VOCAB } from '../../shared/interchange/vocabulary/values';
import { ACTOR_KINDS, type ActorKind } from '../../shared/model/types';
import { HttpError, readBody, sendJson } from '../httpJson';
import type { Logger } from '../logger';
import { type MapKeyCheck, RoleTooLow } from '../mapKeyCheck';
import { ContentRefused } from '../RoomCall';
import { InterchangeFailed, type InterchangeRunner } from './InterchangeRunner';
import type { ExportResult } from './interchangeMessages';

/**
 * The live content of maps, through their rooms: what the import and export API reads and writes.
 * A map that is not in memory is loaded into its room first; while a call runs the room stays loaded.
 */
export interface MapContent {
  /** The map's whole current state as one Yjs update, ordered after every edit the room has taken. */
  read(mapId: string): Promise<Uint8Array>;
  /**
   * Sends `update` through the map's room like any client's edit (shape rules, budgets, stored
   * before it resolves, relayed to every connection of the map). Rejects with `ContentRefused`.
   */
  write(mapId: string, update: Uint8Array): Promise<void>;
}

export interface InterchangeApiDeps {
  readonly content: MapContent;
  readonly checkKey: MapKeyCheck;
  /** Runs imports and exports off the event loop. */
  readonly worker: Pick<InterchangeRunner, 'run'>;
  readonly log: Logger;
  /** Bytes of an uploaded file; larger gets 413 before it is read whole. */
  readonly maxImportBytes?: number;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The file name the import gives the body (problems name it), by the request's Content-Type. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/plain': 'csv',
  'application/json': 'json',
  [XLSX_TYPE]: 'xlsx',
};

/**
 * `GET /api/maps/:id/export` and `POST /api/maps/:id/import` (docs/API.md). Both go through the
 * map's room (`MapContent`), so an export sees every acknowledged edit and an import is ordered with
 * the live edits, stored before it is answered and relayed to every client of the map. The import
 * is all or nothing: any problem in the file answers 422 with every problem and writes nothing.
 * Messages about the file are in Dutch (`?lang=en` for English), through the app's catalogues.
 */
export interface InterchangeRoutes {
  exportRoute(req: IncomingMessage, res: ServerResponse, mapId: string, url: URL): Promise<void>;
  importRoute(req: IncomingMessage, res: ServerResponse, mapId: string, url: URL): Promise<void>;
}

export function createInterchangeApi(deps: InterchangeApiDeps): InterchangeRoutes {
  const maxImportBytes = deps.maxImportBytes ?? DEFAULT_LIMITS.maxFileBytes;
  /** One import per map at a time: the second plans against what the first wrote. */
  const importing = new Map<string, Promise<unknown>>();

  const exportRoute = async (req: IncomingMessage, res: ServerResponse, mapId: string, url: URL) => {
    const t = translatorFor(url);
    await deps.checkKey(req, mapId);
    const format = url.searchParams.get('format') ?? 'json';
    if (!isExportFormat(format)) {
      throw refused(400, t('api.export.format', { format, formats: EXPORT_FORMATS.join(', ') }));
    }
    const table = url.searchParams.get('table') ?? 'actors';
    if (!isCsvTable(table)) {
      throw refused(400, t('api.export.table', { table, tables: CSV_TABLES.join(', ') }));
    }
    let file: ExportResult;
    try {
      file = await deps.worker.run({
        kind: 'export',
        state: await deps.content.read(mapId),
        format,
        table,
        locale: url.searchParams.get('lang') === 'en' ? 'en' : 'nl',
        includeVersions: url.searchParams.get('versions') === '1',
      });
    } catch (err) {
      if (err instanceof InterchangeFailed) throw refused(503, t('api.export.failed'));
      throw answerFor(err, t);
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.setHeader('Content-Length', file.bytes.byteLength);
    res.setHeader('Cache-Control', 'no-store');
    res.end(file.bytes);
  };

  const importRoute = async (req: IncomingMessage, res: ServerResponse, mapId: string, url: URL) => {
    const t = translatorFor(url);
    // Only the edit key changes a map; a participate or view key is told so in the request's language.
    await deps.checkKey(req, mapId, 'edit').catch((err: unknown) => {
      throw err instanceof RoleTooLow ? refused(403, t('api.import.editKeyRequired')) : err;
    });
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const extension = EXTENSIONS[type];
    if (!extension) throw refused(415, t('api.import.contentType'));
    const defaultKind = kindParam(url, t);
    const bytes = new Uint8Array(
      await readBody(req, maxImportBytes, () =>
        refused(413, t('api.import.tooLarge', { max: megabytes(maxImportBytes) })),
      ),
    );
    const previous = importing.get(mapId) ?? Promise.resolve();
    const run = previous.then(async () => {
      const state = await deps.content.read(mapId);
      const result = await deps.worker.run({
        kind: 'import',
        state,
        files: [{ name: `${t('api.fileName')}.${extension}`, bytes, contentType: type }],
        defaultKind,
        maxFileBytes: maxImportBytes,
      });
      if ('newer' in result) throw refused(409, t('api.import.newer'));
      if (!result.ok) {
        const { problems } = result;
        throw refused(422, t('api.import.refused', { count: problems.length }), {
          problems: problems.map((p) => problemBody(p, t)),
        });
      }
      if (result.update) await deps.content.write(mapId, result.update);
      return result.summary;
    });
    const settled = run.catch(() => undefined);
    importing.set(mapId, settled);
    void settled.then(() => {
      if (importing.get(mapId) === settled) importing.delete(mapId);
    });
    let summary: Awaited<typeof run>;
    try {
      summary = await run;
    } catch (err) {
      throw answerFor(err, t);
    }
    deps.log.info({ mapId, added: summary.added, updated: summary.updated }, 'map imported through the API');
    sendJson(res, 200, summary);
  };

  return { exportRoute, importRoute };
}

function answerFor(err: unknown, t: Translate): unknown {
  if (err instanceof InterchangeFailed) return refused(422, t('api.import.failed'));
  if (!(err instanceof ContentRefused)) return err;
  if (err.reason === 'too_big') return refused(413, t('api.import.tooBig'));
  if (err.reason === 'busy') return refused(503, t('api.import.busy'));
  return refused(422, t('api.import.refusedByServer'));
}

function problemBody(p: ImportProblem, t: Translate): Record<string, unknown> {
  return {
    ...(p.sheet !== undefined ? { sheet: p.sheet } : {}),
    ...(p.row !== undefined ? { row: p.row } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
    code: p.code,
    message: problemMessage(p, t),
  };
}

function kindParam(url: URL, t: Translate): ActorKind | undefined {
  const given = url.searchParams.get('kind');
  if (given === null || given === '') return undefined;
  const kind = lookup(VOCAB.actorKind, given);
  if (kind) return kind;
  throw refused(400, t('api.import.kind', { kind: given, kinds: ACTOR_KINDS.join(', ') }));
}

/** `attachment` with an ASCII fallback and the title itself in RFC 5987 form (accents, spaces). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function translatorFor(url: URL): Translate {
  const locale: Locale = url.searchParams.get('lang') === 'en' ? 'en' : 'nl';
  return translator(locale);
}

function refused(status: number, error: string, details: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, error, details);
}

const isExportFormat = (s: string): s is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(s);
const isCsvTable = (s: string): s is CsvTable => (CSV_TABLES as readonly string[]).includes(s);
