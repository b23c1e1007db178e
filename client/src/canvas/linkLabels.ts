import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../../shared/model/laneGeometry';
import type { ChainMapState, Link } from '../../../shared/model/types';
import { type LabelSpot, labelBox, labelPosition, labelSize, MIDDLE_SPOT } from './labelPlacement';
import { linkCurve } from './linkCurve';
import type { Rect } from './placement';
import type { ViewState } from './viewState';

/*
 * Link labels on the canvas: which links show one, and where each goes among the cards and the
 * labels placed before it (`labelPlacement` computes a single spot).
 */

/** True when the link draws a label box (its text, notes, owner or data mark), which is placed. */
export function showsLabel(link: Link, notes: number, ownerName: string): boolean {
  return (
    Boolean(link.label) || notes > 0 || ownerName !== '' || (link.kind === 'handover' && link.dataShared)
  );
}

/** Every actor's card as drawn (live drags included), for placing link labels clear of them. */
export interface LabelObstacles {
  byId: Map<string, Rect>;
  /** Cards, then every label placed so far. */
  all: Rect[];
  /** Labels stay right of the first lane's left edge (when there are lanes). */
  within: { left: number } | undefined;
}

export function labelObstacles(state: ChainMapState, view: ViewState): LabelObstacles {
  const byId = new Map<string, Rect>();
  for (const a of state.actors) {
    const p = view.dragPositions.get(a.id) ?? a.position;
    byId.set(a.id, { x: p.x, y: p.y, width: ACTOR_WIDTH, height: ACTOR_HEIGHT });
  }
  return { byId, all: [...byId.values()], within: state.phases.length > 0 ? { left: 0 } : undefined };
}

/**
 * Where a link's label goes; only links that show a label are placed (big maps have few). The
 * previous spot object is kept when the spot is the same, so an unchanged edge stays identical.
 */
export function labelSpot(
  link: Link,
  notes: number,
  ownerName: string,
  cards: LabelObstacles,
  previous: LabelSpot | undefined,
): LabelSpot {
  const dataShared = link.kind === 'handover' && link.dataShared;
  const source = cards.byId.get(link.source);
  const target = cards.byId.get(link.target);
  if (!source || !target) return MIDDLE_SPOT;
  const size = labelSize(link.label, { owner: ownerName, dataShared, notes });
  const curve = linkCurve(source, target);
  // Cards and the labels placed before this one (links in id order: the same on every peer).
  const spot = labelPosition(curve, size, cards.all, { source, target }, cards.within);
  cards.all.push(labelBox(curve, size, spot));
  return previous && previous.t === spot.t && previous.dx === spot.dx && previous.dy === spot.dy
    ? previous
    : spot;
}
