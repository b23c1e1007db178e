import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { compareIds } from './compareIds';

/**
 * Fractional ordering for lanes. Two peers that insert at the same place concurrently can pick the
 * same key; readers therefore sort by (order, id), which is total and identical on every peer.
 */
export function compareOrdered(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order < b.order) return -1;
  if (a.order > b.order) return 1;
  return compareIds(a.id, b.id);
}

/** A key strictly between lo and hi, or null when they collide (equal keys from concurrent inserts). */
export function orderBetween(lo: string | null, hi: string | null): string | null {
  if (lo !== null && hi !== null && lo >= hi) return null;
  return generateKeyBetween(lo, hi);
}

export function evenlySpacedOrders(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}

/** Whether a stored value is a key that generateKeyBetween accepts as a bound. */
export function isValidOrderKey(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    generateKeyBetween(value, null);
    return true;
  } catch {
    return false;
  }
}
