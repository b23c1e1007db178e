import type { Connection, Frame } from './Connection';
import type { RelayedUpdates } from './relay/RoomRelay';
import { isSyncStep1 } from './roomMessages';

/** Work a room does besides frames: drop expired held-back content, reload its doc, heal its log. */
export type RoomTask = 'expirePending' | 'reload' | 'heal';

/** One entry of a room's FIFO: a client's frame, a task, or rows another node committed. */
export type QueueItem = { conn: Connection; frame: Frame } | { task: RoomTask } | { relayed: RelayedUpdates };

export interface BatchBounds {
  maxFrames: number;
  maxBytes: number;
  /** Sync step 1 requests per batch (each answer may be the whole document). */
  maxAnswers: number;
}

const sizeOf = (item: QueueItem): number =>
  'frame' in item
    ? item.frame.data.byteLength
    : 'relayed' in item
      ? item.relayed.updates.reduce((sum, u) => sum + u.byteLength, 0)
      : 0;

/** Takes the next batch off the front of `queue`: always at least one item, then within `bounds`. */
export function takeBatch(queue: QueueItem[], bounds: BatchBounds): QueueItem[] {
  let bytes = 0;
  let answers = 0;
  let count = 0;
  while (count < queue.length && count < bounds.maxFrames) {
    const item = queue[count]!;
    const size = sizeOf(item);
    const answer = 'frame' in item && isSyncStep1(item.frame.data) ? 1 : 0;
    if (count > 0 && (bytes + size > bounds.maxBytes || answers + answer > bounds.maxAnswers)) break;
    bytes += size;
    answers += answer;
    count++;
  }
  return queue.splice(0, count);
}
