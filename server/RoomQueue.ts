import type { Connection, Frame } from './Connection';
import { ContentRefused, type RoomCall } from './RoomCall';
import type { RelayedUpdates } from './relay/RoomRelay';
import { isSyncStep1 } from './roomMessages';

/** Work a room does besides frames: drop expired held-back content, reload its doc, heal its log. */
export type RoomTask = 'expirePending' | 'reload' | 'heal';

/**
 * A client's frame, a task of the room's own, rows another node committed, or a call of the server's
 * own (`RoomCall`).
 */
export type QueueItem =
  | { conn: Connection; frame: Frame }
  | { task: RoomTask }
  | { relayed: RelayedUpdates }
  | { call: RoomCall };

/** What a batch holds: frames and tasks (calls are taken alone). */
export type BatchItem = Exclude<QueueItem, { call: RoomCall }>;

/** What one batch may hold (the room's doc decides its frame count from its tier). */
export interface BatchBounds {
  readonly maxFrames: number;
  readonly maxBytes: number;
  /** Sync step 1 requests: each may be answered with the whole document. */
  readonly maxAnswers: number;
}

const sizeOf = (item: BatchItem): number =>
  'frame' in item
    ? item.frame.data.byteLength
    : 'relayed' in item
      ? item.relayed.updates.reduce((sum, u) => sum + u.byteLength, 0)
      : 0;

/**
 * A room's one FIFO: frames of all its connections, its own tasks and the server's calls, taken in
 * arrival order. A call is taken alone, never in a batch of frames, so a read sees every frame queued
 * before it and a write is committed on its own. Dropping the queue (the room failed or closed)
 * rejects every call in it: nothing of theirs was done.
 */
export class RoomQueue {
  private readonly items: QueueItem[] = [];

  get length(): number {
    return this.items.length;
  }

  push(item: QueueItem): void {
    this.items.push(item);
  }

  /** The call at the head of the queue, taken; undefined when the head is a frame or a task. */
  takeCall(): RoomCall | undefined {
    const head = this.items[0];
    if (!head || !('call' in head)) return undefined;
    this.items.shift();
    return head.call;
  }

  /** The next batch of frames and tasks, up to the first call, within `bounds` (at least one item). */
  takeBatch(bounds: BatchBounds): BatchItem[] {
    let bytes = 0;
    let answers = 0;
    let count = 0;
    while (count < this.items.length && count < bounds.maxFrames) {
      const item = this.items[count]!;
      if ('call' in item) break;
      const size = sizeOf(item);
      const answer = 'frame' in item && isSyncStep1(item.frame.data) ? 1 : 0;
      if (count > 0 && (bytes + size > bounds.maxBytes || answers + answer > bounds.maxAnswers)) break;
      bytes += size;
      answers += answer;
      count++;
    }
    return this.items.splice(0, count) as BatchItem[];
  }

  /** Empties the queue; the calls in it are rejected. */
  drop(): void {
    for (const item of this.items.splice(0)) {
      if ('call' in item) item.call.reject(new ContentRefused('busy', 'the map was closed; try again'));
    }
  }
}
