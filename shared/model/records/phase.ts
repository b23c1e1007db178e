import { isValidOrderKey } from '../fractionalOrder';
import type { Phase } from '../types';
import { type Fields, type Parsed, text } from './fieldValues';

/**
 * The phase record: one lane of the chain, from arrival to participation. Required: `order`, a
 * fractional index key; lanes sort by (order, id), so concurrent reorders converge on every peer.
 */

/** What each optional field reads as when absent or invalid. */
export const PHASE_DEFAULTS: Readonly<Omit<Phase, 'id' | 'order'>> = Object.freeze({ label: '' });

/** Fields a stored phase must have to be read at all. */
export const PHASE_REQUIRED = ['order'] as const;

/** The fields stored for a new lane. */
export function newPhaseFields(label: string, order: string): Record<string, unknown> {
  return { label, order };
}

export function parsePhase(id: string, f: Fields): Parsed<Phase> {
  if (!isValidOrderKey(f.order)) return { ok: false, reason: 'missing or invalid order key' };
  return { ok: true, value: { id, label: text(f.label, PHASE_DEFAULTS.label), order: f.order } };
}
