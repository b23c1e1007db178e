import { type Fields, idOrNull, oneOf, position, text } from '../records/fieldValues';
import { wellFormed } from '../wellFormed';
import {
  ANCHOR_KINDS,
  type Comment,
  type CommentAuthor,
  MAX_COMMENT_LENGTH,
  type Resolution,
  type Thread,
} from './conversationTypes';

/**
 * Parsers of the conversation doc's records. Any key holder may be hostile, so a stored value of
 * the wrong type never throws: a thread or comment without its required fields is skipped, an
 * optional field falls back to its default.
 */

const time = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;

function author(value: unknown): CommentAuthor | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name, colour } = value as Record<string, unknown>;
  const authorId = idOrNull(id);
  if (!authorId) return null;
  return {
    id: authorId.slice(0, 64),
    name: text(name, '').slice(0, 60),
    colour: typeof colour === 'string' && /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : '',
  };
}

function resolution(value: unknown): Resolution | null {
  if (typeof value !== 'object' || value === null) return null;
  const { by, at } = value as Record<string, unknown>;
  const when = time(at);
  return when === null ? null : { by: text(by, '').slice(0, 60), at: when };
}

export function parseThread(id: string, fields: Fields): Thread | null {
  const anchor = fields.anchor as Record<string, unknown> | undefined;
  if (typeof anchor !== 'object' || anchor === null) return null;
  const kind = oneOf(ANCHOR_KINDS, anchor.kind);
  const at = position(anchor.at);
  const createdAt = time(fields.createdAt);
  if (!kind || !at || createdAt === null) return null;
  const elementId = kind === 'free' ? '' : idOrNull(anchor.id);
  if (elementId === null) return null;
  return { id, anchor: { kind, id: elementId, at }, createdAt, resolved: resolution(fields.resolved) };
}

export function parseComment(id: string, fields: Fields): Comment | null {
  const threadId = idOrNull(fields.threadId);
  const who = author(fields.author);
  const createdAt = time(fields.createdAt);
  if (!threadId || !who || createdAt === null || typeof fields.text !== 'string') return null;
  return {
    id,
    threadId,
    author: who,
    text: wellFormed(fields.text.slice(0, MAX_COMMENT_LENGTH)),
    createdAt,
    editedAt: time(fields.editedAt),
  };
}
