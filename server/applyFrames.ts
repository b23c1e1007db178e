import { CLOSE_INVALID_CONTENT, CLOSE_LOAD_FAILED } from '../shared/protocol/syncProtocol';
import type { Connection } from './Connection';
import type { OpSize } from './docs/costModel';
import type { ApplyResult, DocFrame } from './docs/docMessages';
import type { RoomDeps } from './RoomDeps';
import type { RoomDoc } from './RoomDoc';

/** What `applyFrames` needs of its room. */
export interface ApplyTarget {
  readonly deps: RoomDeps;
  readonly doc: RoomDoc;
  connectionById(id: number): Connection | undefined;
  fail(err: unknown, code: number, reason: string): void;
}

/**
 * Applies a room's frames on its doc worker: heap headroom made first, a batch with a suspect sender
 * isolated, senders marked suspect when the doc has to move for them. Frames the worker calls not a
 * KetenKaart document close their senders; any failure fails the room (nothing of the batch was
 * stored or acknowledged) and resolves undefined.
 */
export async function applyFrames(
  room: ApplyTarget,
  frames: DocFrame[],
  size: OpSize,
): Promise<ApplyResult | undefined> {
  const { deps } = room;
  const suspect = frames.some((f) => {
    const conn = room.connectionById(f.conn);
    return conn !== undefined && deps.suspects.isSuspect(conn.address);
  });
  const markSenders = () => {
    for (const frame of frames) {
      const conn = room.connectionById(frame.conn);
      if (conn) deps.suspects.mark(conn.address);
    }
  };
  if (size.appliedBytes > 0) await deps.makeHeadroom(size.appliedBytes * deps.cost.worstHeapBytesPerByte);
  const headroom = deps.heapHeadroom();
  const started = performance.now();
  const response = await room.doc.apply(frames, size, suspect, markSenders, headroom);
  deps.metrics.observeApply((performance.now() - started) / 1000);
  if (response.ok) return response.apply;
  for (const id of response.invalid ?? []) {
    const conn = room.connectionById(id);
    if (!conn) continue;
    deps.metrics.reject('invalid_shape');
    deps.suspects.mark(conn.address);
    conn.close(CLOSE_INVALID_CONTENT, 'not a KetenKaart document');
  }
  room.fail(new Error(response.message), CLOSE_LOAD_FAILED, 'applying a change failed; reconnect');
  return undefined;
}
