/**
 * Spreadsheet formula injection: Excel runs a CSV cell that starts with `=`, `+`, `-`, `@` (or a tab
 * or carriage return before one) as a formula. The writer prefixes such text cells with an
 * apostrophe, as OWASP advises, and the reader takes exactly that apostrophe off again, so an export
 * re-imports unchanged. Plain numbers (`-12.5`, a position) are left alone: they are not formulas.
 */

const DANGEROUS_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function guardCsvCell(text: string): string {
  return DANGEROUS_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function unguardCsvCell(text: string): string {
  return text.startsWith("'") && DANGEROUS_START.test(text.slice(1)) && !PLAIN_NUMBER.test(text.slice(1))
    ? text.slice(1)
    : text;
}
