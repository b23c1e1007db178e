import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import type { FlowEdge, LinkEdgeData } from '../../../canvas/flowTypes';
import { clipCurve } from '../../../canvas/linkClip';
import { linkCurve } from '../../../canvas/linkCurve';
import { actorRectsFromHandles } from '../../../canvas/nodeHandles';
import { hasLinkLabel, LinkLabel } from './LinkLabel';
import { LinkWindowContext } from './LinkWindowContext';
import './linkEdge.css';

/**
 * A link on the canvas: a floating edge (it attaches on the sides of its two cards that face each
 * other, see `floatingEnds`) with its label, its notes, and for a handover its owner and a
 * "gegevens gedeeld" mark. The label is HTML above the edges, at most two lines and a fixed width,
 * so it fits between two lanes' cards instead of running over them.
 */
export const LinkEdge = memo(function LinkEdge(props: EdgeProps<FlowEdge>) {
  const data = props.data as LinkEdgeData;
  // Links join actors only; their cards follow from the handle points React Flow passes in.
  const cards = actorRectsFromHandles(props.sourceX, props.sourceY, props.targetX, props.targetY);
  const curve = linkCurve(cards.source, cards.target);
  // On a big map only the piece near the viewport is drawn (see clipCurve); the label stays on the whole curve.
  const clipped = clipCurve(curve, useContext(LinkWindowContext));
  const point = curve.at(data.labelSpot.t);
  return (
    <>
      <BaseEdge
        id={props.id}
        path={clipped ? clipped.path : curve.path}
        style={clipped?.dashOffset ? { ...props.style, strokeDashoffset: clipped.dashOffset } : props.style}
        markerEnd={clipped?.endCut ? undefined : props.markerEnd}
        markerStart={clipped?.startCut ? undefined : props.markerStart}
        interactionWidth={props.interactionWidth}
      />
      {hasLinkLabel(data) && (
        <EdgeLabelRenderer>
          <LinkLabel
            data={data}
            selected={Boolean(props.selected)}
            x={point.x + data.labelSpot.dx}
            y={point.y + data.labelSpot.dy}
          />
        </EdgeLabelRenderer>
      )}
    </>
  );
});
