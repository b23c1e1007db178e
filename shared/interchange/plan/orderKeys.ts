import { generateKeyBetween } from 'fractional-indexing';

/**
 * Lane order keys for imported lanes. The model sorts lanes by (order, id) with fractional keys
 * (`fractional-indexing`); a key from a file is kept when that library accepts it, so a KetenKaart
 * export keeps its lane order exactly, and new lanes go after the last one.
 */
export function isOrderKey(value: string | null): value is string {
  if (value === null || value === '') return false;
  try {
    generateKeyBetween(value, null);
    return true;
  } catch {
    return false;
  }
}

export function keyAfter(last: string | null): string {
  return generateKeyBetween(last, null);
}

export function compareByOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
