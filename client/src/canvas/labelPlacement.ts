import type { LinkCurve } from './linkCurve';
import type { Rect } from './placement';

/** Where along its curve a link's label sits: t = 0.5 unless a card is in the way there. */
export const LABEL_MIDDLE = 0.5;
const CANDIDATES = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
/** Room kept between a label and a card. */
const CLEARANCE = 6;

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.x < b.x + b.width + CLEARANCE &&
    b.x < a.x + a.width + CLEARANCE &&
    a.y < b.y + b.height + CLEARANCE &&
    b.y < a.y + a.height + CLEARANCE
  );
}

/** Where a label sits: a parameter along its link and an offset from that point (flow px). */
export interface LabelSpot {
  t: number;
  dx: number;
  dy: number;
}

export const MIDDLE_SPOT: LabelSpot = { t: LABEL_MIDDLE, dx: 0, dy: 0 };

/**
 * Where a label of `size` covers no card: centred on the curve at its middle first, then ever
 * further towards the ends; then beside the curve (right, left, below, above) near its middle, for a
 * short link between two stacked cards. A label that fits nowhere stays in the middle. A parameter
 * and an offset are kept, not a point, so a label follows its link while a card is dragged.
 */
export function labelPosition(
  curve: LinkCurve,
  size: { width: number; height: number },
  cards: readonly Rect[],
  ends?: { source: Rect; target: Rect },
  /** Where labels may go at all (the lanes' extent): a label outside it would fall off the map. */
  within?: { left: number },
): LabelSpot {
  const free = (spot: LabelSpot) => {
    const p = curve.at(spot.t);
    const box = { x: p.x + spot.dx - size.width / 2, y: p.y + spot.dy - size.height / 2, ...size };
    if (within && box.x < within.left) return false;
    return !cards.some((card) => overlaps(box, card));
  };
  for (const t of CANDIDATES) {
    const spot = { t, dx: 0, dy: 0 };
    if (free(spot)) return t === LABEL_MIDDLE ? MIDDLE_SPOT : spot;
  }
  if (!ends) return MIDDLE_SPOT;
  // Beside both cards: right of, left of, below or above the pair, level with the curve's middle.
  const left = Math.min(ends.source.x, ends.target.x);
  const right = Math.max(ends.source.x + ends.source.width, ends.target.x + ends.target.width);
  const top = Math.min(ends.source.y, ends.target.y);
  const bottom = Math.max(ends.source.y + ends.source.height, ends.target.y + ends.target.height);
  const gap = CLEARANCE + 2;
  for (const t of CANDIDATES.slice(0, 3)) {
    const p = curve.at(t);
    for (const [dx, dy] of [
      [right + gap + size.width / 2 - p.x, 0],
      [left - gap - size.width / 2 - p.x, 0],
      [0, bottom + gap + size.height / 2 - p.y],
      [0, top - gap - size.height / 2 - p.y],
    ] as const) {
      const spot = { t, dx: Math.round(dx), dy: Math.round(dy) };
      if (free(spot)) return spot;
    }
  }
  return MIDDLE_SPOT;
}

/** A generous estimate of a label's box at zoom 1 (linkEdge.css: 128 px wide, two lines of 16 px). */
export function labelSize(
  text: string,
  marks: { owner: string; dataShared: boolean; notes: number },
): {
  width: number;
  height: number;
} {
  const textWidth = Math.min(128, text.length * 9.5);
  const lines = text ? Math.min(2, Math.ceil((text.length * 9.5) / 128)) : 0;
  const marksWidth =
    (marks.owner ? Math.min(124, marks.owner.length * 8 + 22) : 0) +
    (marks.dataShared ? 120 : 0) +
    (marks.notes > 0 ? 34 : 0);
  // The "gegevens gedeeld" mark may wrap on two lines (linkEdge.css): count the second one.
  const markRows = (marksWidth === 0 ? 0 : Math.ceil(marksWidth / 136)) + (marks.dataShared ? 1 : 0);
  return {
    width: Math.max(textWidth, Math.min(136, marksWidth)) + 12,
    height: lines * 19 + markRows * 20 + 8,
  };
}

/** The box a label takes at `spot` on `curve`. */
export function labelBox(curve: LinkCurve, size: { width: number; height: number }, spot: LabelSpot): Rect {
  const p = curve.at(spot.t);
  return { x: p.x + spot.dx - size.width / 2, y: p.y + spot.dy - size.height / 2, ...size };
}
