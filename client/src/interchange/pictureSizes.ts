/**
 * The sizes a map picture is made at. A picture is laid out at `width` × `height` CSS pixels and
 * drawn at `pixelRatio`, so text and lines are as sharp as the output needs:
 * - `slide`: 1920 × 1080, a full-HD slide (16:9), drawn 1:1.
 * - `a3`: A3 landscape (420 × 297 mm) at 300 dpi, 4962 × 3507 px: laid out like a 1654 × 1169 page
 *   and drawn three times as fine, so the layout stays that of a readable page.
 * - `report`: the Ketenplan's map, A4 landscape at twice 96 dpi (2246 × 1588 px).
 */
export const PICTURE_SIZES = {
  slide: { width: 1920, height: 1080, pixelRatio: 1 },
  a3: { width: 1654, height: 1169, pixelRatio: 3 },
  report: { width: 1123, height: 794, pixelRatio: 2 },
} as const;

export type PictureSize = keyof typeof PICTURE_SIZES;

/** The picture's size in pixels, as the PNG's header states it. */
export function pixelSize(size: PictureSize): { width: number; height: number } {
  const s = PICTURE_SIZES[size];
  return { width: Math.round(s.width * s.pixelRatio), height: Math.round(s.height * s.pixelRatio) };
}
