import type { Link } from '../../../shared/model/types';
import { roleDescription } from './accessibleNames';
import type { FlowContext } from './flowContext';
import type { FlowEdge, LinkEdgeData } from './flowTypes';
import { MIDDLE_SPOT } from './labelPlacement';
import { labelSpot, showsLabel } from './linkLabels';
import { isMoving, linkToEdge } from './linkToEdge';
import { sameJson, type ViewState } from './viewState';

/** A handover's owner as shown: the owning actor's name, or the owner's free text. */
function ownerNameOf(link: Link, ctx: FlowContext): string {
  return link.kind === 'handover' && link.owner ? (ctx.actorLabels().get(link.owner) ?? link.owner) : '';
}

/**
 * A link's edge: `prev` itself when nothing it shows changed. `keepSpot`: the label stays where
 * `prev` had it (a patch, which never runs where a spot could move: see `modelPatch`).
 */
export function linkEdge(
  link: Link,
  view: ViewState,
  ctx: FlowContext,
  prev: FlowEdge | undefined,
  keepSpot = false,
): FlowEdge {
  const selected = view.selected.has(link.id);
  const moving = view.draggingIds.has(link.source) || view.draggingIds.has(link.target);
  const notes = ctx.noteCounts().links.get(link.id) ?? 0;
  const ownerName = ownerNameOf(link, ctx);
  const prevData = prev?.data as LinkEdgeData | undefined;
  const data: LinkEdgeData = {
    link,
    notes,
    ownerName,
    labelSpot: !showsLabel(link, notes, ownerName)
      ? MIDDLE_SPOT
      : keepSpot && prevData
        ? prevData.labelSpot
        : labelSpot(link, notes, ownerName, ctx.cards(), prevData?.labelSpot),
    decoration: view.decorations.get(link.id) ?? null,
  };
  // The accessible name is not on the edge: it reads both ends' labels, so the link renders it
  // (see accessibleNames), and renaming an actor leaves its links' edges as they are.
  if (
    prev &&
    prevData?.link !== undefined &&
    prev.domAttributes?.['aria-roledescription'] === roleDescription('link') &&
    prev.selected === selected &&
    isMoving(prev) === moving &&
    prev.deletable === !view.readOnly &&
    prevData.notes === data.notes &&
    prevData.ownerName === data.ownerName &&
    prevData.labelSpot === data.labelSpot &&
    prevData.decoration === data.decoration &&
    sameJson(prevData.link, link)
  ) {
    return prev;
  }
  return linkToEdge(link, data, selected, view.readOnly, moving);
}
