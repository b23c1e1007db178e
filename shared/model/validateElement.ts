import { isValidOrderKey } from './fractionalOrder';
import {
  ACTOR_KINDS,
  type Actor,
  LINK_KINDS,
  type Link,
  NOTE_KINDS,
  NOTE_STATUSES,
  type Note,
  type NoteAnchor,
  type Phase,
  type Position,
  PRIORITIES,
  REGIE_LEVELS,
  WARMTHS,
} from './types';

/**
 * Validation at the boundary: every element read from the doc passes through here. A peer may run
 * an older or buggy client, so required fields that are missing or of the wrong type make the
 * element invalid (skipped and reported), while optional fields fall back to safe defaults.
 */

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

type Fields = Readonly<Record<string, unknown>>;

const MAX_TEXT = 20_000;

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : '';
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string').slice(0, 200);
}

function idOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function position(value: unknown): Position | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y } = value as { x?: unknown; y?: unknown };
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
    return null;
  return { x, y };
}

function isoDate(value: unknown): string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

export function parseActor(id: string, f: Fields): Parsed<Actor> {
  const kind = oneOf(ACTOR_KINDS, f.kind);
  if (!kind) return { ok: false, reason: `unknown actor kind ${JSON.stringify(f.kind)}` };
  const pos = position(f.position);
  if (!pos) return { ok: false, reason: 'missing or invalid position' };
  return {
    ok: true,
    value: {
      id,
      kind,
      label: text(f.label),
      description: text(f.description),
      phaseId: idOrNull(f.phaseId),
      regie: oneOf(REGIE_LEVELS, f.regie),
      tags: stringList(f.tags),
      contact: text(f.contact),
      position: pos,
      entryPoint: f.entryPoint === true,
      municipality: text(f.municipality),
      needs: text(f.needs),
      languages: stringList(f.languages),
    },
  };
}

export function parseLink(id: string, f: Fields): Parsed<Link> {
  const kind = oneOf(LINK_KINDS, f.kind);
  if (!kind) return { ok: false, reason: `unknown link kind ${JSON.stringify(f.kind)}` };
  const source = idOrNull(f.source);
  const target = idOrNull(f.target);
  if (!source || !target) return { ok: false, reason: 'missing source or target' };
  return {
    ok: true,
    value: {
      id,
      kind,
      source,
      target,
      label: text(f.label),
      description: text(f.description),
      warmth: kind === 'handover' ? (oneOf(WARMTHS, f.warmth) ?? 'cold') : null,
      dataShared: f.dataShared === true,
      owner: text(f.owner),
      regie: oneOf(REGIE_LEVELS, f.regie),
      tags: stringList(f.tags),
    },
  };
}

function anchor(value: unknown): NoteAnchor {
  if (typeof value !== 'object' || value === null) return null;
  const { type, id } = value as { type?: unknown; id?: unknown };
  if ((type !== 'actor' && type !== 'link') || typeof id !== 'string' || id.length === 0) return null;
  return { type, id };
}

export function parseNote(id: string, f: Fields): Parsed<Note> {
  const kind = oneOf(NOTE_KINDS, f.kind);
  if (!kind) return { ok: false, reason: `unknown note kind ${JSON.stringify(f.kind)}` };
  return {
    ok: true,
    value: {
      id,
      kind,
      text: text(f.text),
      status: oneOf(NOTE_STATUSES, f.status) ?? 'open',
      owner: text(f.owner),
      due: isoDate(f.due),
      regie: oneOf(REGIE_LEVELS, f.regie),
      priority: oneOf(PRIORITIES, f.priority),
      phaseId: idOrNull(f.phaseId),
      anchor: anchor(f.anchor),
      position: position(f.position) ?? { x: 0, y: 0 },
      sourceNoteId: idOrNull(f.sourceNoteId),
    },
  };
}

export function parsePhase(id: string, f: Fields): Parsed<Phase> {
  if (!isValidOrderKey(f.order)) return { ok: false, reason: 'missing or invalid order key' };
  return { ok: true, value: { id, label: text(f.label), order: f.order } };
}
