import { MarkerType } from '@xyflow/react';
import type { Link } from '../../../shared/model/types';
import { linkNameId, roleDescription } from './accessibleNames';
import { decorationClass } from './CanvasDecorations';
import type { FlowEdge, LinkEdgeData } from './flowTypes';
import { decoratedLinkStyle, linkStyle } from './linkStyle';

/**
 * The class of a link whose card we are dragging: its wrapper gets a compositor layer of its own
 * for the drag (see linkEdge.css), so redrawing it each frame does not re-raster the map under it.
 */
export const MOVING_LINK_CLASS = 'kk-link--moving';

/**
 * No `aria-label` from React Flow: a null `ariaLabel` switches its "Edge from … to …" off (its
 * EdgeWrapper checks for null; its type says string only). The name comes from `aria-labelledby`.
 */
const NO_ARIA_LABEL = null as unknown as string;

export function isMoving(edge: FlowEdge): boolean {
  return edge.className?.includes(MOVING_LINK_CLASS) ?? false;
}

/**
 * A link as a React Flow edge (drawn by ui/editor/edges/LinkEdge): its kind's style and compare
 * recolouring. What a screen reader says for it is rendered by the link and referenced here
 * (`aria-labelledby`; React Flow's own "Edge from … to …" is switched off with a null `ariaLabel`).
 */
export function linkToEdge(
  link: Link,
  data: LinkEdgeData,
  selected: boolean,
  readOnly: boolean,
  moving = false,
): FlowEdge {
  const style = decoratedLinkStyle(linkStyle(link.kind, link.warmth), data.decoration);
  const marker = { type: MarkerType.ArrowClosed, color: style.stroke, width: 18, height: 18 };
  const deco = decorationClass(data.decoration);
  return {
    id: link.id,
    source: link.source,
    target: link.target,
    type: 'link',
    data,
    selected,
    deletable: !readOnly,
    selectable: true,
    focusable: true,
    className: `kk-link kk-link--${link.kind}${link.kind === 'handover' ? ` kk-link--${link.warmth ?? 'cold'}` : ''}${deco ? ` ${deco}` : ''}${moving ? ` ${MOVING_LINK_CLASS}` : ''}`,
    style: {
      stroke: style.stroke,
      strokeWidth: selected ? style.strokeWidth + 1.5 : style.strokeWidth,
      strokeDasharray: style.dash,
    },
    ...(style.arrowEnd ? { markerEnd: marker } : {}),
    ...(style.arrowStart ? { markerStart: marker } : {}),
    ariaLabel: NO_ARIA_LABEL,
    domAttributes: {
      'aria-roledescription': roleDescription('link'),
      'aria-labelledby': linkNameId(link.id),
    },
  };
}
