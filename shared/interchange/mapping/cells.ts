import { normaliseKbo } from '../../model/kbo';
import type { ProblemCode, ProblemParams } from '../problems';
import { lookup, VOCAB, type Vocabulary } from '../vocabulary/values';

/**
 * Parsers for one cell's text. Each returns the value or the problem it has (a code and its
 * parameters); the caller knows where the cell sits. An empty cell never reaches them: empty means
 * "not given", so a re-import never clears a field by leaving its cell blank.
 */

export type CellResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: ProblemCode; readonly params: ProblemParams };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = <T>(code: ProblemCode, value: string): CellResult<T> => ({ ok: false, code, params: { value } });

export function parseNamed<T>(vocab: Vocabulary<T>, code: ProblemCode, text: string): CellResult<T> {
  const value = lookup(vocab, text);
  return value === undefined ? bad(code, text) : ok(value);
}

export function parseBoolean(text: string): CellResult<boolean> {
  return parseNamed(VOCAB.boolean, 'invalidBoolean', text);
}

/** A number as people type it: `12.5`, `12,5` (Dutch decimal comma), `-3`. */
export function parseNumber(text: string): CellResult<number> {
  const compact = text.replace(/\s/g, '');
  const normalised = /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  const n = Number(normalised);
  return normalised !== '' && Number.isFinite(n) ? ok(n) : bad('invalidNumber', text);
}

/** `2025-12-31`, or the Belgian `31/12/2025`, `31-12-2025`, `31.12.2025`; returned as ISO. */
export function parseDate(text: string): CellResult<string> {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  const belgian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (belgian) [d, m, y] = [Number(belgian[1]), Number(belgian[2]), Number(belgian[3])];
  else return bad('invalidDate', text);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return bad('invalidDate', text);
  }
  return ok(date.toISOString().slice(0, 10));
}

export function parseKbo(text: string): CellResult<string> {
  const result = normaliseKbo(text);
  if (result.ok) return ok(result.value);
  const code =
    result.reason === 'checksum'
      ? 'kboChecksum'
      : result.reason === 'establishment'
        ? 'kboEstablishment'
        : 'invalidKbo';
  return bad(code, text);
}

/** Identifiers become keys in the map's document: printable, short, no spaces. */
const ID_PATTERN = /^[\p{L}\p{N}._:~-]{1,100}$/u;

export function isValidId(text: string): boolean {
  return ID_PATTERN.test(text);
}

export function parseId(text: string): CellResult<string> {
  return isValidId(text) ? ok(text) : bad('invalidId', text);
}

/** Kumu's several values in one cell, separated by `|`; empty parts and repeats dropped. */
export function splitValues(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split('|')) {
    const v = part.trim();
    if (v !== '' && !out.includes(v)) out.push(v);
  }
  return out;
}
