import type { ChainMap } from '../model/ChainMap';
import { type CsvTable, EXPORT_TYPES, type ExportFormat } from './exportFormats';
import { fileNameBase } from './fileNameBase';
import { exportJson } from './json/writeJson';
import type { ProgressListener } from './progress';
import type { InterchangeLocale } from './vocabulary/locale';
import { exportCsv } from './write/writeCsv';
import { exportGexf } from './write/writeGexf';
import { exportGraphml } from './write/writeGraphml';
import { exportXlsx } from './write/writeXlsx';

export { fileNameBase };

export interface ExportOptions {
  readonly locale?: InterchangeLocale;
  /** CSV only: which table (one per file). */
  readonly table?: CsvTable;
  readonly delimiter?: ';' | ',';
  /** JSON only. */
  readonly includeVersions?: boolean;
  readonly now?: Date;
  readonly onProgress?: ProgressListener;
}

export interface ExportedFile {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly fileName: string;
}

/** The map in one format, with the media type and a file name made from the map's title. */
export async function exportMap(
  map: ChainMap,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  options.onProgress?.({ stage: 'write', fraction: 0 });
  const state = map.read();
  const locale = options.locale ?? 'nl';
  const text = (s: string) => new TextEncoder().encode(s);
  let bytes: Uint8Array;
  switch (format) {
    case 'json':
      bytes = text(exportJson(map, options));
      break;
    case 'xlsx':
      bytes = await exportXlsx(state, { locale });
      break;
    case 'csv':
      bytes = text(exportCsv(state, options.table ?? 'actors', options));
      break;
    case 'graphml':
      bytes = text(exportGraphml(state, { locale }));
      break;
    case 'gexf':
      bytes = text(exportGexf(state, options));
      break;
  }
  options.onProgress?.({ stage: 'write', fraction: 1 });
  const suffix = format === 'csv' ? ` - ${options.table ?? 'actors'}` : '';
  return {
    bytes,
    contentType: EXPORT_TYPES[format].contentType,
    fileName: `${fileNameBase(state.meta.title)}${suffix}.${EXPORT_TYPES[format].extension}`,
  };
}
