import type { OpSize } from './docs/costModel';
import type { ApplyResult, DocFrame, RefusalReason } from './docs/docMessages';

/**
 * A read or write of the server's own (the import and export API) on a room's doc. It waits in the
 * room's FIFO like a client's frame, so it is ordered with the live edits, and goes through the same
 * doc worker, shape rules, budgets, storage and relay. It is taken alone, never in a batch of frames.
 */
export type RoomCall =
  | {
      readonly kind: 'read';
      readonly resolve: (state: Uint8Array) => void;
      readonly reject: (err: unknown) => void;
    }
  | {
      readonly kind: 'write';
      readonly update: Uint8Array;
      readonly resolve: () => void;
      readonly reject: (err: unknown) => void;
    };

/** The room did not take the change (or could not answer); nothing of it was stored. */
export class ContentRefused extends Error {
  constructor(
    readonly reason: 'too_big' | 'busy' | 'refused',
    message: string,
  ) {
    super(message);
    this.name = 'ContentRefused';
  }
}

/** The connection id of a call's frame: no connection has it (ids count up from 1). */
const CALL_CONN = -1;
const EMPTY_STATE_VECTOR = Uint8Array.of(0);

/** A read is a sync step 1 from nothing (answered with the whole doc); a write is an update. */
export function callFrame(call: RoomCall, docBytes: number): { frame: DocFrame; size: OpSize } {
  if (call.kind === 'read') {
    return {
      frame: { kind: 'step1', conn: CALL_CONN, stateVector: EMPTY_STATE_VECTOR },
      size: { appliedBytes: 0, encodedBytes: docBytes, frames: 1 },
    };
  }
  return {
    frame: { kind: 'update', conn: CALL_CONN, update: call.update },
    size: { appliedBytes: call.update.byteLength, encodedBytes: 0, frames: 1 },
  };
}

/**
 * Settles a read, or a write the doc refused, from the worker's result; returns true when a write
 * was applied and must now be committed (stored, then relayed) before it is resolved.
 */
export function settleBeforeCommit(call: RoomCall, result: ApplyResult): boolean {
  const r = result.results[0];
  if (call.kind === 'read') {
    if (r?.kind === 'answer') call.resolve(r.update);
    else call.reject(new ContentRefused('busy', 'the map could not be read'));
    return false;
  }
  if (r?.kind === 'applied' && !r.held) return true;
  if (r?.kind === 'refused') call.reject(new ContentRefused(refusal(r.reason), r.message));
  // Held back (it needs content the doc lacks): cannot happen for an update made against the doc's
  // own state; refused rather than left pending.
  else call.reject(new ContentRefused('refused', 'the change depends on content the map does not have'));
  return false;
}

function refusal(reason: RefusalReason): ContentRefused['reason'] {
  if (reason === 'document_too_big') return 'too_big';
  if (reason === 'map_memory' || reason === 'server_busy') return 'busy';
  return 'refused';
}

/** What running a call needs from its room. */
export interface CallHost {
  apply(frames: DocFrame[], size: OpSize): Promise<ApplyResult | undefined>;
  /** The doc's stats after a call that stores nothing (a read, a refused write). */
  keepStats(result: ApplyResult): void;
  /** Stores the write and relays it; resolves whether it was stored. */
  commit(result: ApplyResult): Promise<boolean>;
  failed(): boolean;
}

/** Runs a call through its room's doc worker and, for a write, its commit; settles the call. */
export async function runCall(call: RoomCall, docBytes: number, room: CallHost): Promise<void> {
  const { frame, size } = callFrame(call, docBytes);
  let result: ApplyResult | undefined;
  try {
    result = await room.apply([frame], size);
  } catch (err) {
    call.reject(err);
    throw err;
  }
  if (!result) {
    call.reject(new ContentRefused('refused', 'applying the change failed'));
    return;
  }
  if (!settleBeforeCommit(call, result)) {
    room.keepStats(result);
    return;
  }
  const stored = await room.commit(result);
  if (call.kind !== 'write') return;
  if (stored) call.resolve();
  else if (room.failed()) call.reject(new ContentRefused('busy', 'storage failure, try again later'));
  else call.reject(new ContentRefused('too_big', 'the map is at its size limit'));
}
