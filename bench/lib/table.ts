/** Markdown tables: the same text reads well in a terminal and lands verbatim in docs/performance.md. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** A number with its unit; `digits` decimals. */
export const fmt = (value: number, unit: string, digits = 1): string =>
  Number.isFinite(value) ? `${value.toFixed(digits)} ${unit}`.trim() : 'n/a';

/** `ours ÷ baseline`, printed as a multiplier. */
export const ratio = (ours: number, baseline: number): string =>
  Number.isFinite(ours) && Number.isFinite(baseline) && baseline !== 0
    ? `${(ours / baseline).toFixed(2)}×`
    : 'n/a';

export const hasFlag = (name: string): boolean => process.argv.includes(`--${name}`);
