/**
 * The colours a participant can choose. They are data, not styling: the chosen value is stored on
 * the device and sent to every peer through awareness, so it must be a plain colour that any
 * version of the app draws the same way, never a `var(--kk-…)`. Enough contrast against white
 * text labels and the light canvas.
 */
export const PRESENCE_COLOURS: readonly string[] = [
  '#d946ef',
  '#2563eb',
  '#059669',
  '#ea580c',
  '#dc2626',
  '#7c3aed',
  '#0891b2',
  '#ca8a04',
];
