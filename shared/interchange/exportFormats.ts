/**
 * The export formats, their media types, and the tables a CSV export can hold: plain data with no
 * imports, so that a caller that only names formats (the server's HTTP routes on its main thread)
 * loads none of the writers and their libraries.
 */

export const EXPORT_FORMATS = ['json', 'xlsx', 'csv', 'graphml', 'gexf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The media type and file extension of each format (for `Content-Type` and downloads). */
export const EXPORT_TYPES: Readonly<
  Record<ExportFormat, { readonly contentType: string; readonly extension: string }>
> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
};

/** The tables a CSV export can hold, one per file (the API's `table=` parameter). */
export const CSV_TABLES = ['actors', 'links', 'notes'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
