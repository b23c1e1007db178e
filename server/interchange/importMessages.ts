import type { ImportFile, ImportProblem, ImportSummary } from '../../shared/interchange';
import type { ActorKind } from '../../shared/model/types';

/** What the main thread asks the import worker (`importWorkerThread.ts`): one import, planned off the event loop. */
export interface ImportJob {
  readonly id: number;
  /** The map's whole state, as its room encoded it. */
  readonly state: Uint8Array;
  readonly files: readonly ImportFile[];
  readonly defaultKind?: ActorKind;
  readonly maxFileBytes: number;
}

/** Plain data only (structured clone): the update to send through the room, or every problem. */
export type ImportResult =
  | { readonly ok: true; readonly summary: ImportSummary; readonly update: Uint8Array | null }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] }
  | { readonly ok: false; readonly newer: true };

export type ImportReply =
  | { readonly id: number; readonly result: ImportResult }
  | { readonly id: number; readonly error: string };
