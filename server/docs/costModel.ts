/**
 * What doc operations cost, as measured (figures in docs/performance.md; the bench that measured
 * them is not in the repository), turned into the watchdog's deadlines and the memory budget's estimates.
 *
 * Measured on the 2-core machines this runs on, loaded by other work:
 * - applying an update costs 160–570 ms per MB (the heavy year's full state at the low end when the
 *   machine is quiet, a map of tiny entries at the high end when it is busy); checking its shape adds
 *   about 70 ms per MB; encoding a doc's full state (a sync step 1 answer, a compaction) 45–130 ms per MB;
 * - a loaded doc holds 190 bytes of heap per struct (the heavy year: mostly deleted and collected
 *   structs) to 650 bytes (live map entries, one client each), plus its binary content.
 */
export interface CostModel {
  /** Typical rates, to predict an operation's cost (placement, batch size). */
  readonly typicalApplyMsPerMb: number;
  readonly typicalEncodeMsPerMb: number;
  /** Fixed cost of one document frame (shape check, apply, bookkeeping), typical and for deadlines. */
  readonly typicalFrameMs: number;
  readonly frameDeadlineMs: number;
  /** Deadline of any operation on an isolated worker: base plus per MB of input. */
  readonly baseDeadlineMs: number;
  readonly applyMsPerMb: number;
  readonly encodeMsPerMb: number;
  /**
   * Deadline of any operation on a shared worker, whatever its size: a room that needs longer is
   * moved to an isolated worker, so the rooms it shares a thread with never wait longer than this.
   */
  readonly sharedDeadlineMs: number;
  /** Operations predicted to take longer than this run on an isolated worker. */
  readonly isolateAboveMs: number;
  /** Heap estimate: per struct plus per encoded byte. */
  readonly heapBytesPerStruct: number;
  readonly heapBytesPerByte: number;
  /**
   * Heap per encoded byte of the most amplifying content (tiny items that do not merge: 27–48
   * measured). Before a batch is applied, idle maps are unloaded until this much headroom is free;
   * the worker then refuses, with the batch's exact estimate, what still does not fit.
   */
  readonly worstHeapBytesPerByte: number;
}

export const COST_MODEL: CostModel = {
  typicalApplyMsPerMb: 300,
  typicalEncodeMsPerMb: 80,
  typicalFrameMs: 0.5,
  frameDeadlineMs: 5,
  // Deadlines are CPU time (DocWorker): about four times the slowest measured rates.
  baseDeadlineMs: 1000,
  applyMsPerMb: 2500,
  encodeMsPerMb: 600,
  sharedDeadlineMs: 100,
  isolateAboveMs: 50,
  heapBytesPerStruct: 650,
  heapBytesPerByte: 1,
  worstHeapBytesPerByte: 48,
};

const MB = 1024 * 1024;

/** The size of a doc operation: bytes applied, bytes encoded (answers, compaction), frames. */
export interface OpSize {
  readonly appliedBytes: number;
  readonly encodedBytes: number;
  readonly frames: number;
}

/** Predicted milliseconds of an operation at the typical rates. */
export function predictedMs(model: CostModel, size: OpSize): number {
  return (
    (size.appliedBytes / MB) * model.typicalApplyMsPerMb +
    (size.encodedBytes / MB) * model.typicalEncodeMsPerMb +
    size.frames * model.typicalFrameMs
  );
}

/** The watchdog deadline of an operation on an isolated worker. */
export function isolatedDeadlineMs(model: CostModel, size: OpSize): number {
  return (
    model.baseDeadlineMs +
    (size.appliedBytes / MB) * model.applyMsPerMb +
    (size.encodedBytes / MB) * model.encodeMsPerMb +
    size.frames * model.frameDeadlineMs
  );
}

export function estimatedHeapBytes(model: CostModel, structs: number, bytes: number): number {
  return structs * model.heapBytesPerStruct + bytes * model.heapBytesPerByte;
}
