import type { Position } from '../types';

/**
 * The coercions every record parser is built from. A peer may run an older or buggy client, so a
 * stored value of the wrong type never throws: required fields make the element invalid (skipped
 * and reported), optional ones fall back to the record's declared default.
 */

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/** An element's stored fields, copied out of its Y.Map. */
export type Fields = Readonly<Record<string, unknown>>;

/** Longest text kept from any field; more is cut, so a hostile peer cannot bloat every read. */
export const MAX_TEXT = 20_000;
/** Longest list kept from any list field. */
const MAX_LIST = 200;

export const ORIGIN: Position = Object.freeze({ x: 0, y: 0 });

export function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : fallback;
}

export function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export function stringList(value: unknown, fallback: readonly string[]): readonly string[] {
  if (!Array.isArray(value)) return fallback;
  return value.filter((v): v is string => typeof v === 'string').slice(0, MAX_LIST);
}

export function idOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function position(value: unknown): Position | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y } = value as { x?: unknown; y?: unknown };
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
    return null;
  return { x, y };
}

export function isoDate(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fallback;
}

export function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}
