import { useStore } from '@xyflow/react';
import { memo, useContext, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import type { FlowEdge, LinkEdgeData } from '../../../canvas/flowTypes';
import type { FrozenLinks as Frozen } from '../../../canvas/frozenLinks';
import { clipCurve } from '../../../canvas/linkClip';
import { linkCurve } from '../../../canvas/linkCurve';
import type { Rect } from '../../../canvas/placement';
import { hasLinkLabel, LinkLabel } from './LinkLabel';
import { LinkWindowContext } from './LinkWindowContext';

interface Marker {
  color?: string;
}

/** React Flow's closed arrow (its `ArrowClosed` marker at 18 × 18), in our own defs: the still
 * links' colours may have no React Flow edge left to define theirs. */
function ArrowMarker({ id, color }: { id: string; color: string }) {
  return (
    <marker
      className="react-flow__arrowhead"
      id={id}
      markerWidth="18"
      markerHeight="18"
      viewBox="-10 -10 20 20"
      markerUnits="strokeWidth"
      orient="auto-start-reverse"
      refX="0"
      refY="0"
    >
      <polyline
        className="arrowclosed"
        style={{ strokeWidth: 1, stroke: color, fill: color }}
        strokeLinecap="round"
        strokeLinejoin="round"
        points="-5,-4 0,0 -5,4 -5,-4"
      />
    </marker>
  );
}

function markerColor(marker: FlowEdge['markerEnd']): string | null {
  return marker && typeof marker === 'object' ? ((marker as Marker).color ?? null) : null;
}

function StillLinks({ frozen, window }: { frozen: Frozen; window: Rect | null }) {
  const colours = new Map<string, string>();
  const markerId = (marker: FlowEdge['markerEnd']) => {
    const color = markerColor(marker);
    if (color === null) return undefined;
    if (!colours.has(color)) colours.set(color, `kk-still-arrow-${colours.size}`);
    return `url('#${colours.get(color)}')`;
  };
  const paths = frozen.edges.map((edge) => {
    const source = frozen.cards.get(edge.source);
    const target = frozen.cards.get(edge.target);
    if (!source || !target) return null;
    const curve = linkCurve(source, target);
    const clipped = clipCurve(curve, window);
    const style = clipped?.dashOffset ? { ...edge.style, strokeDashoffset: clipped.dashOffset } : edge.style;
    return (
      <g
        key={edge.id}
        className={`react-flow__edge react-flow__edge-link ${edge.className ?? ''}${edge.selected ? ' selected' : ''}`}
      >
        <path
          className="react-flow__edge-path"
          d={clipped ? clipped.path : curve.path}
          fill="none"
          style={style}
          markerEnd={clipped?.endCut ? undefined : markerId(edge.markerEnd)}
          markerStart={clipped?.startCut ? undefined : markerId(edge.markerStart)}
        />
      </g>
    );
  });
  return (
    <svg className="kk-still-links" aria-hidden="true">
      <defs>
        {[...colours].map(([color, id]) => (
          <ArrowMarker key={id} id={id} color={color} />
        ))}
      </defs>
      {paths}
    </svg>
  );
}

function StillLabels({ frozen }: { frozen: Frozen }) {
  return frozen.edges.map((edge) => {
    const data = edge.data as LinkEdgeData;
    const source = frozen.cards.get(edge.source);
    const target = frozen.cards.get(edge.target);
    if (!source || !target || !hasLinkLabel(data)) return null;
    const point = linkCurve(source, target).at(data.labelSpot.t);
    return (
      <LinkLabel
        key={edge.id}
        data={data}
        selected={Boolean(edge.selected)}
        x={point.x + data.labelSpot.dx}
        y={point.y + data.labelSpot.dy}
      />
    );
  });
}

const Still = memo(function Still({
  frozen,
  window,
  edgeLayer,
  labelLayer,
}: {
  frozen: Frozen;
  window: Rect | null;
  edgeLayer: Element;
  labelLayer: Element;
}) {
  return (
    <>
      {createPortal(<StillLinks frozen={frozen} window={window} />, edgeLayer)}
      {createPortal(<StillLabels frozen={frozen} />, labelLayer)}
    </>
  );
});

/**
 * While cards of ours are dragged on a big map, the links that stand still (`splitForDrag`) drawn
 * as one static layer in React Flow's edge and label layers, so they keep their place under the
 * cards and above the lanes. They are not focusable meanwhile (a pointer drag is under way); the
 * drag's end gives them back to React Flow, with their names, focus and selection.
 */
export function FrozenLinks({ store }: { store: CanvasStore }) {
  const frozen = useSyncExternalStore(store.subscribe, store.getFrozenLinks);
  const window = useContext(LinkWindowContext);
  const edgeLayer = useStore((s) => s.domNode?.querySelector('.react-flow__edges') ?? null);
  const labelLayer = useStore((s) => s.domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null);
  if (!frozen || !edgeLayer || !labelLayer) return null;
  return <Still frozen={frozen} window={window} edgeLayer={edgeLayer} labelLayer={labelLayer} />;
}
