import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import type { FlowEdge, LinkEdgeData } from '../../../canvas/flowTypes';
import { clipCurve } from '../../../canvas/linkClip';
import { linkCurve } from '../../../canvas/linkCurve';
import { actorRectsFromHandles } from '../../../canvas/nodeHandles';
import { sameEdgeProps } from '../../../canvas/sameEdgeProps';
import { useT } from '../../../i18n/i18n';
import { LinkName } from './LinkName';
import { LinkWindowContext } from './LinkWindowContext';
import './linkEdge.css';

/**
 * A link on the canvas: a floating edge (it attaches on the sides of its two cards that face each
 * other, see `floatingEnds`) with its label, its notes, and for a handover its owner and a
 * "gegevens gedeeld" mark. The label is HTML above the edges, at most two lines and a fixed width,
 * so it fits between two lanes' cards instead of running over them.
 */
export const LinkEdge = memo(function LinkEdge(props: EdgeProps<FlowEdge>) {
  const t = useT();
  const data = props.data as LinkEdgeData;
  // Links join actors only; their cards follow from the handle points React Flow passes in.
  const cards = actorRectsFromHandles(props.sourceX, props.sourceY, props.targetX, props.targetY);
  const curve = linkCurve(cards.source, cards.target);
  // On a big map only the piece near the viewport is drawn (see clipCurve); the label stays on the whole curve.
  const clipped = clipCurve(curve, useContext(LinkWindowContext));
  const point = curve.at(data.labelSpot.t);
  const labelX = point.x + data.labelSpot.dx;
  const labelY = point.y + data.labelSpot.dy;
  const { link } = data;
  const handover = link.kind === 'handover';
  const owner = handover ? data.ownerName : '';
  const hasLabel = link.label || data.notes > 0 || owner || (handover && link.dataShared);
  return (
    <>
      <LinkName link={link} ownerName={owner} />
      <BaseEdge
        id={props.id}
        path={clipped ? clipped.path : curve.path}
        style={clipped?.dashOffset ? { ...props.style, strokeDashoffset: clipped.dashOffset } : props.style}
        markerEnd={clipped?.endCut ? undefined : props.markerEnd}
        markerStart={clipped?.startCut ? undefined : props.markerStart}
        interactionWidth={props.interactionWidth}
      />
      {hasLabel && (
        <EdgeLabelRenderer>
          <div
            className={`kk-link-label${props.selected ? ' is-selected' : ''}`}
            data-link={link.id}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={[link.label, owner && t('link.ownerMark', { name: owner })].filter(Boolean).join(' · ')}
          >
            {link.label && <span className="kk-link-label__text">{link.label}</span>}
            {(owner || (handover && link.dataShared) || data.notes > 0) && (
              <span className="kk-link-label__marks">
                {owner && (
                  <span className="kk-link-label__owner" data-mark="owner">
                    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                      <circle cx="8" cy="5" r="3" fill="currentColor" />
                      <path d="M2 15c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5z" fill="currentColor" />
                    </svg>
                    <span className="kk-visually-hidden">{t('link.ownerMark', { name: '' })}</span>
                    <span className="kk-link-label__name">{owner}</span>
                  </span>
                )}
                {handover && link.dataShared && (
                  <span className="kk-link-label__data" data-mark="dataShared">
                    {t('link.dataSharedMark')}
                  </span>
                )}
                {data.notes > 0 && (
                  <span className="kk-link-label__notes" title={t('link.notesMark', { count: data.notes })}>
                    ● {data.notes}
                  </span>
                )}
              </span>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
  // Points a fraction of a pixel apart are the same (React Flow's measuring pass, see sameEdgeProps).
}, sameEdgeProps);
