/**
 * The compare states' link colours as values, for the one place that needs a colour in TypeScript
 * rather than a `var(--kk-…)`: decorated edges carry their stroke inline, and tests and exports read
 * it from the edge. They equal `--kk-deco-added`, `--kk-deco-changed` and `--kk-deco-removed` in
 * tokens.css (pinned by theme/tokens.test.ts).
 */
export const COMPARE_STROKES = {
  added: '#15803d',
  changed: '#b45309',
  removed: '#dc2626',
} as const;
