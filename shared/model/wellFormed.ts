const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `value` with every lone surrogate replaced by U+FFFD (String.prototype.toWellFormed). Text fields
 * store only well-formed text: Yjs replaces a surrogate pair it has to split with U+FFFD on the
 * peer that splits it, so a lone surrogate in a Y.Text can leave peers reading different strings.
 */
export function wellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}
