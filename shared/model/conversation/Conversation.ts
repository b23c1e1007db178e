import * as Y from 'yjs';
import { randomId } from '../../randomId';
import { type ConversationLayout, conversationLayoutOf, elementOf, elementsOf } from '../layout';
import type { Position } from '../types';
import { wellFormed } from '../wellFormed';
import { parseComment, parseThread } from './conversationRecords';
import {
  type Comment,
  type CommentAuthor,
  MAX_COMMENT_LENGTH,
  type Thread,
  type ThreadAnchor,
  type ThreadView,
} from './conversationTypes';
import { parseWerkvormSession, WERKVORM_SESSION_KEY, type WerkvormSession } from './werkvormSession';

/** Origin of every write made through the conversation API. No undo manager tracks it. */
export const CONVERSATION_ORIGIN = Symbol('ketenkaart-conversation');

/** Thrown when a device that does not lead the workshop (a participate or view link) changes the Werkvorm. */
export class WerkvormLeadError extends Error {
  constructor() {
    super('only the facilitator (edit link) leads the Werkvorm');
  }
}

export interface ConversationOptions {
  /**
   * Whether this device leads the Werkvorm (holds an edit link, or the map is local only). Asked
   * on every write, since a device's link changes when the map is shared or its links renewed.
   */
  readonly canLead?: () => boolean;
}

/** A comment's text: trimmed, well-formed, at most `MAX_COMMENT_LENGTH`; empty text is refused. */
function cleanText(value: string): string {
  const cleaned = wellFormed(value.trim()).slice(0, MAX_COMMENT_LENGTH);
  if (!cleaned) throw new Error('a comment needs text');
  return cleaned;
}

const element = (fields: Record<string, unknown>): Y.Map<unknown> => {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) map.set(key, value);
  return map;
};

/**
 * The typed API over a map's conversation doc (`CONVERSATION_ROOTS`): comment threads and their
 * comments. A second Y.Doc beside the map's, so what participants write never touches the map
 * (the server refuses their map writes wholesale) and comments stay outside the map's undo.
 *
 * Authorship ("edit and delete one's own comments") is the author id each device keeps: a courtesy
 * of the UI, not a guarantee. A CRDT cannot prove who wrote an item, and every holder of an edit or
 * participate key can write this doc; the server guarantees only that view keys cannot.
 */
export class Conversation {
  private readonly layout: ConversationLayout;
  private readonly canLead: () => boolean;

  constructor(
    readonly doc: Y.Doc,
    options: ConversationOptions = {},
  ) {
    this.layout = conversationLayoutOf(doc);
    this.canLead = options.canLead ?? (() => true);
  }

  /** The guided session ("Werkvorm"), if one was ever started on this map. */
  werkvorm(): WerkvormSession | null {
    return parseWerkvormSession(this.layout.werkvorm.get(WERKVORM_SESSION_KEY));
  }

  /** Whether this device may change the Werkvorm (see `ConversationOptions.canLead`). */
  leadsWerkvorm(): boolean {
    return this.canLead();
  }

  /**
   * Writes the session whole (`null` clears it). Only the facilitator: a device that does not lead
   * gets `WerkvormLeadError` and nothing is written. The server enforces the same rule: the
   * `werkvorm` root is `editOnly`, so a participate link's write of it is refused there too
   * (`docShapeWriters.ts`; docs/ARCHITECTURE.md, "Werkvorm").
   */
  setWerkvorm(session: WerkvormSession | null): void {
    if (!this.canLead()) throw new WerkvormLeadError();
    this.transact(() => {
      if (session) this.layout.werkvorm.set(WERKVORM_SESSION_KEY, { ...session });
      else this.layout.werkvorm.delete(WERKVORM_SESSION_KEY);
    });
  }

  /** Calls `listener` once per transaction that changed the Werkvorm (anyone's). */
  onWerkvormChange(listener: () => void): () => void {
    const root: unknown = this.layout.werkvorm;
    const handler = (tr: Y.Transaction) => {
      for (const type of tr.changed.keys()) {
        if (type === root) {
          listener();
          return;
        }
      }
    };
    this.doc.on('afterTransaction', handler);
    return () => this.doc.off('afterTransaction', handler);
  }

  private transact(fn: () => void): void {
    Y.transact(this.doc, fn, CONVERSATION_ORIGIN);
  }

  /** Every valid thread with its comments, newest activity first; threads without comments are left out. */
  threads(): ThreadView[] {
    const comments = new Map<string, Comment[]>();
    for (const [id, fields] of elementsOf(this.layout.comments)) {
      const comment = parseComment(id, fields.toJSON());
      if (!comment) continue;
      const list = comments.get(comment.threadId);
      if (list) list.push(comment);
      else comments.set(comment.threadId, [comment]);
    }
    const views: ThreadView[] = [];
    for (const [id, fields] of elementsOf(this.layout.threads)) {
      const thread = parseThread(id, fields.toJSON());
      const list = comments.get(id);
      if (!thread || !list) continue;
      list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
      views.push({ ...thread, comments: list, latestAt: list.at(-1)!.createdAt });
    }
    return views.sort((a, b) => b.latestAt - a.latestAt || (a.id < b.id ? -1 : 1));
  }

  thread(id: string): ThreadView | undefined {
    return this.threads().find((t) => t.id === id);
  }

  /** Starts a thread with its first comment, in one transaction; returns the thread's id. */
  startThread(anchor: ThreadAnchor, author: CommentAuthor, text: string, now: number): string {
    const body = cleanText(text);
    const threadId = randomId();
    this.transact(() => {
      this.layout.threads.set(
        threadId,
        element({ anchor: { kind: anchor.kind, id: anchor.id, at: { ...anchor.at } }, createdAt: now }),
      );
      this.putComment(threadId, author, body, now);
    });
    return threadId;
  }

  reply(threadId: string, author: CommentAuthor, text: string, now: number): string {
    const body = cleanText(text);
    if (!elementOf(this.layout.threads, threadId)) throw new Error('no such thread');
    let id = '';
    this.transact(() => {
      id = this.putComment(threadId, author, body, now);
    });
    return id;
  }

  private putComment(threadId: string, author: CommentAuthor, text: string, now: number): string {
    const id = randomId();
    this.layout.comments.set(
      id,
      element({
        threadId,
        author: { id: author.id, name: author.name, colour: author.colour },
        text,
        createdAt: now,
      }),
    );
    return id;
  }

  resolve(threadId: string, by: string, now: number): void {
    const thread = elementOf(this.layout.threads, threadId);
    if (thread) this.transact(() => thread.set('resolved', { by, at: now }));
  }

  reopen(threadId: string): void {
    const thread = elementOf(this.layout.threads, threadId);
    if (thread) this.transact(() => thread.delete('resolved'));
  }

  editComment(commentId: string, text: string, now: number): void {
    const body = cleanText(text);
    const comment = elementOf(this.layout.comments, commentId);
    if (!comment) return;
    this.transact(() => {
      comment.set('text', body);
      comment.set('editedAt', now);
    });
  }

  /** Deletes a comment; a thread left without comments goes with it. */
  deleteComment(commentId: string): void {
    const comment = elementOf(this.layout.comments, commentId);
    if (!comment) return;
    const threadId = comment.get('threadId');
    this.transact(() => {
      this.layout.comments.delete(commentId);
      if (typeof threadId !== 'string') return;
      for (const [, fields] of elementsOf(this.layout.comments)) {
        if (fields.get('threadId') === threadId) return;
      }
      this.layout.threads.delete(threadId);
    });
  }

  /**
   * Records where the threads on element `id` were last seen: called when this device deletes
   * the element, so its threads stay drawn there ("element verwijderd").
   */
  keepPosition(kind: ThreadAnchor['kind'], id: string, at: Position): void {
    const moved: Y.Map<unknown>[] = [];
    for (const [threadId, fields] of elementsOf(this.layout.threads)) {
      const thread: Thread | null = parseThread(threadId, fields.toJSON());
      if (thread && thread.anchor.kind === kind && thread.anchor.id === id) moved.push(fields);
    }
    if (moved.length === 0) return;
    this.transact(() => {
      for (const fields of moved) fields.set('anchor', { kind, id, at: { x: at.x, y: at.y } });
    });
  }

  /** Calls `listener` once per transaction that changed the conversation (anyone's). */
  onChange(listener: (local: boolean) => void): () => void {
    const roots = new Set<unknown>([this.layout.threads, this.layout.comments]);
    const handler = (tr: Y.Transaction) => {
      for (const type of tr.changedParentTypes.keys()) {
        if (roots.has(type)) {
          listener(tr.origin === CONVERSATION_ORIGIN);
          return;
        }
      }
    };
    this.doc.on('afterTransaction', handler);
    return () => this.doc.off('afterTransaction', handler);
  }
}
