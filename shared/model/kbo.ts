/**
 * The KBO number (ondernemingsnummer) of a Belgian organisation: ten digits, the last two a mod-97
 * check of the first eight (97 − (first eight mod 97)). Stored normalised as the ten digits;
 * shown as `0123.456.749`. Accepted in any common notation: with or without the `BE` prefix
 * (VAT style), dots, spaces, dashes or slashes, and the old nine-digit form without the leading 0
 * (also what Excel leaves of a number typed without quotes).
 *
 * Enterprise numbers start with 0 or 1; numbers starting with 2–8 are establishment units
 * (vestigingseenheden), which carry the same check but name a site, not the organisation.
 */

export type KboResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly reason: 'format' | 'checksum' | 'establishment' };

const SEPARATORS = /[\s.\-/\u00a0]/g;

export function normaliseKbo(input: string): KboResult {
  let compact = input.replace(SEPARATORS, '').toUpperCase();
  if (compact.startsWith('BE')) compact = compact.slice(2);
  // Nine digits: an old number (or Excel's leftover of one) that lost its leading 0; nine digits
  // that start with 0 are a ten-digit number with a digit missing.
  if (!/^(\d{10}|[1-9]\d{8})$/.test(compact)) return { ok: false, reason: 'format' };
  const digits = compact.length === 9 ? `0${compact}` : compact;
  if (!hasValidCheck(digits)) return { ok: false, reason: 'checksum' };
  if (digits[0] !== '0' && digits[0] !== '1') return { ok: false, reason: 'establishment' };
  return { ok: true, value: digits };
}

/** A stored value read back: ten digits with a valid check, else `fallback` (a peer may write anything). */
export function storedKbo(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !/^\d{10}$/.test(value)) return fallback;
  const result = normaliseKbo(value);
  return result.ok ? result.value : fallback;
}

/** Refused by the model's writes: `reason` lets the UI say in Dutch what is wrong. */
export class InvalidKboError extends Error {
  constructor(
    readonly input: string,
    readonly reason: 'format' | 'checksum' | 'establishment',
  ) {
    super(`not a valid KBO number (${reason}): ${JSON.stringify(input)}`);
    this.name = 'InvalidKboError';
  }
}

/** The number as the model stores it: '' for none, else normalised; throws InvalidKboError. */
export function kboToStore(input: string): string {
  if (input.trim() === '') return '';
  const result = normaliseKbo(input);
  if (!result.ok) throw new InvalidKboError(input, result.reason);
  return result.value;
}

export function isValidKbo(input: string): boolean {
  return normaliseKbo(input).ok;
}

/** `0123456749` → `0123.456.749`; anything that is not ten digits is returned as it is. */
export function formatKbo(normalised: string): string {
  if (!/^\d{10}$/.test(normalised)) return normalised;
  return `${normalised.slice(0, 4)}.${normalised.slice(4, 7)}.${normalised.slice(7)}`;
}

function hasValidCheck(digits: string): boolean {
  const base = Number(digits.slice(0, 8));
  const check = Number(digits.slice(8));
  return 97 - (base % 97) === check;
}
