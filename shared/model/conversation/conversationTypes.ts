import type { Position } from '../types';

/** What a comment thread hangs on: an element of the map, or a free point on the canvas. */
export type AnchorKind = 'actor' | 'link' | 'note' | 'lane' | 'free';
export const ANCHOR_KINDS: readonly AnchorKind[] = ['actor', 'link', 'note', 'lane', 'free'];

/**
 * A thread's anchor. `at` is the canvas point the thread was last seen at: where a free thread
 * sits, and, for an element, where it stays drawn once the element is gone (deleted, by anyone);
 * it keeps the element's id, so undoing the delete brings the element back with its thread.
 */
export interface ThreadAnchor {
  readonly kind: AnchorKind;
  /** The element's id; '' for a free point. */
  readonly id: string;
  readonly at: Position;
}

/** Who wrote something: a device-local author id (for "my own comments") and the name shown. */
export interface CommentAuthor {
  readonly id: string;
  readonly name: string;
  /** `#rrggbb`, or '' when unknown (shown in the muted colour). */
  readonly colour: string;
}

export interface Resolution {
  /** The name of who resolved it. */
  readonly by: string;
  /** Epoch ms. */
  readonly at: number;
}

export interface Thread {
  readonly id: string;
  readonly anchor: ThreadAnchor;
  readonly createdAt: number;
  readonly resolved: Resolution | null;
}

export interface Comment {
  readonly id: string;
  readonly threadId: string;
  readonly author: CommentAuthor;
  readonly text: string;
  readonly createdAt: number;
  /** Epoch ms of the last edit, null when never edited. */
  readonly editedAt: number | null;
}

/** A thread with its comments, oldest first; `latestAt` is its newest comment's time. */
export interface ThreadView extends Thread {
  readonly comments: readonly Comment[];
  readonly latestAt: number;
}

/** Longest comment kept; the editor stops there too. */
export const MAX_COMMENT_LENGTH = 4000;
