import {
  NOTE_KINDS,
  NOTE_STATUSES,
  type Note,
  type NoteAnchor,
  type NoteInput,
  PRIORITIES,
  REGIE_LEVELS,
} from '../types';
import { type Fields, idOrNull, isoDate, ORIGIN, oneOf, type Parsed, position, text } from './fieldValues';

/**
 * The note record: a quick win, gap or action, free-standing on the canvas or anchored to an actor
 * or link. Required: `kind` (one of NOTE_KINDS). A note whose anchor is gone reads as free-standing;
 * the model resolves that, not this parser.
 */

/** What each optional field reads as when absent or invalid. */
export const NOTE_DEFAULTS: Readonly<Omit<Note, 'id' | 'kind'>> = Object.freeze({
  text: '',
  status: 'open',
  owner: '',
  due: '',
  regie: null,
  priority: null,
  phaseId: null,
  anchor: null,
  position: ORIGIN,
  sourceNoteId: null,
});

/** Fields a stored note must have to be read at all. */
export const NOTE_REQUIRED = ['kind'] as const;

/** The fields stored for a new note: the input, plus its text, status and position. */
export function newNoteFields(input: Omit<NoteInput, 'id'>): Record<string, unknown> {
  const d = NOTE_DEFAULTS;
  return { text: d.text, status: d.status, position: d.position, ...input };
}

function anchor(value: unknown): NoteAnchor {
  if (typeof value !== 'object' || value === null) return NOTE_DEFAULTS.anchor;
  const { type, id } = value as { type?: unknown; id?: unknown };
  if ((type !== 'actor' && type !== 'link') || typeof id !== 'string' || id.length === 0)
    return NOTE_DEFAULTS.anchor;
  return { type, id };
}

export function parseNote(id: string, f: Fields): Parsed<Note> {
  const kind = oneOf(NOTE_KINDS, f.kind);
  if (!kind) return { ok: false, reason: `unknown note kind ${JSON.stringify(f.kind)}` };
  const d = NOTE_DEFAULTS;
  return {
    ok: true,
    value: {
      id,
      kind,
      text: text(f.text, d.text),
      status: oneOf(NOTE_STATUSES, f.status) ?? d.status,
      owner: text(f.owner, d.owner),
      due: isoDate(f.due, d.due),
      regie: oneOf(REGIE_LEVELS, f.regie) ?? d.regie,
      priority: oneOf(PRIORITIES, f.priority) ?? d.priority,
      phaseId: idOrNull(f.phaseId) ?? d.phaseId,
      anchor: anchor(f.anchor),
      position: position(f.position) ?? d.position,
      sourceNoteId: idOrNull(f.sourceNoteId) ?? d.sourceNoteId,
    },
  };
}
