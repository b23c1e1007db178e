import type {
  CsvTable,
  ExportFormat,
  ImportFile,
  ImportProblem,
  ImportSummary,
} from '../../shared/interchange';
import type { ActorKind } from '../../shared/model/types';

/**
 * What the main thread asks the interchange worker (`interchangeWorkerThread.ts`): one import or one
 * export of a map's state, done off the event loop.
 */
export type InterchangeJob =
  | {
      readonly kind: 'import';
      /** The map's whole state, as its room encoded it. */
      readonly state: Uint8Array;
      readonly files: readonly ImportFile[];
      readonly defaultKind?: ActorKind;
      readonly maxFileBytes: number;
    }
  | {
      readonly kind: 'export';
      readonly state: Uint8Array;
      readonly format: ExportFormat;
      readonly table: CsvTable;
      readonly locale: 'nl' | 'en';
      readonly includeVersions: boolean;
    };

/** Plain data only (structured clone). */
export type ImportResult =
  /** The update to send through the room; null when every row was unchanged. */
  | { readonly ok: true; readonly summary: ImportSummary; readonly update: Uint8Array | null }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] }
  | { readonly ok: false; readonly newer: true };

export interface ExportResult {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly fileName: string;
}

export type JobResult<J extends InterchangeJob> = J extends { kind: 'import' } ? ImportResult : ExportResult;

export type InterchangeReply =
  | { readonly id: number; readonly result: ImportResult | ExportResult }
  | { readonly id: number; readonly error: string };
