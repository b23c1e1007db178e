/**
 * Size limits of an import. A file over a limit is refused before it is parsed (or, for a zip,
 * before it is inflated), with a problem that names the limit. The server may pass its own.
 */
export interface InterchangeLimits {
  /** Bytes of one uploaded file. */
  readonly maxFileBytes: number;
  /** Characters in one cell. The model keeps texts up to 20,000 characters; longer would be cut. */
  readonly maxCellChars: number;
  /** Data rows in one table (sheet or CSV file). */
  readonly maxRows: number;
  /** Bytes of all entries of an XLSX archive together, uncompressed (declared and actual). */
  readonly maxUncompressedBytes: number;
  /** Uncompressed / compressed size of one entry; sheets of real data stay far below. */
  readonly maxCompressionRatio: number;
  /** Entries in an XLSX archive. */
  readonly maxZipEntries: number;
}

export const DEFAULT_LIMITS: InterchangeLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxCellChars: 20_000,
  maxRows: 20_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 1_000,
};

export function resolveLimits(overrides: Partial<InterchangeLimits> = {}): InterchangeLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/** Megabytes with one decimal, for messages ("12.3"); the catalogue's formatter localises it. */
export function megabytes(bytes: number): number {
  return Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
}
