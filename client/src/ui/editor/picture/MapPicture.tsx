import { ACTOR_HEIGHT, ACTOR_WIDTH, LANE_WIDTH, laneX } from '../../../../../shared/model/laneGeometry';
import type { ChainMapState } from '../../../../../shared/model/types';
import { NOTE_HEIGHT, NOTE_WIDTH } from '../../../canvas/flowTypes';
import { linkCurve } from '../../../canvas/linkCurve';
import { linkStyle } from '../../../canvas/linkStyle';
import { mapBounds } from '../../../canvas/mapFit';
import type { Rect } from '../../../canvas/placement';
import { useT } from '../../../i18n/i18n';
import { ACTOR_KIND_STYLES } from '../actorKindStyle';
import { overlaps } from './pictureArea';
import './mapPicture.css';

/** The ids of the arrow marker and the area's clip; two pictures in one page draw the same shapes. */
const ARROW = 'kk-picture-arrow';
const CLIP = 'kk-picture-area';

/**
 * The map drawn from the model as one SVG: lanes with their phase names, links on the canvas's own
 * curve, actor cards with their names, free notes. No React Flow DOM: a print, a PNG or an SVG of
 * a map of hundreds of actors is a few hundred plain elements. `area` (flow coordinates) is the
 * viewBox, so the SVG shows exactly that part, scaled to whatever box it is given; elements wholly
 * outside it are left out. Colours are the theme's `var(--kk-*)` tokens: in the page they resolve
 * through the stylesheet, in an exported file through the tokens embedded beside it.
 */
export function MapPicture({
  state,
  area,
  className,
  width,
  height,
}: {
  state: ChainMapState;
  area: Rect;
  className?: string;
  width?: number;
  height?: number;
}) {
  const t = useT();
  const cardRect = new Map<string, Rect>(
    state.actors.map((a) => [a.id, { ...a.position, width: ACTOR_WIDTH, height: ACTOR_HEIGHT }]),
  );
  const laneTop = Math.min(mapBounds(state)?.y ?? area.y, area.y + area.height);
  const laneBottom = area.y + area.height;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className={className ? `kk-map-picture ${className}` : 'kk-map-picture'}
      viewBox={`${area.x} ${area.y} ${area.width} ${area.height}`}
      width={width}
      height={height}
      preserveAspectRatio="xMidYMid meet"
      overflow="hidden"
      role="img"
      aria-label={state.meta.title}
    >
      <defs>
        <marker
          id={ARROW}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 0L10 5L0 10z" style={{ fill: 'context-stroke' }} />
        </marker>
        {/* A box of another shape than the area shows more than the viewBox: cut there, as the canvas does. */}
        <clipPath id={CLIP}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${CLIP})`}>
        <rect
          x={area.x}
          y={area.y}
          width={area.width}
          height={area.height}
          style={{ fill: 'var(--kk-white)' }}
        />
        {state.phases.map((phase, i) => {
          const lane = { x: laneX(i), y: laneTop, width: LANE_WIDTH, height: laneBottom - laneTop };
          if (!overlaps(lane, area)) return null;
          return (
            <g key={phase.id} className="kk-map-picture__lane" data-phase={phase.id}>
              <rect
                {...lane}
                style={{
                  fill: i % 2 ? 'var(--kk-slate-100)' : 'var(--kk-white)',
                  stroke: 'var(--kk-slate-200)',
                }}
              />
              <foreignObject x={lane.x + 12} y={laneTop + 10} width={LANE_WIDTH - 24} height={52}>
                <div className="kk-map-picture__phase">{`${i + 1}. ${phase.label}`}</div>
              </foreignObject>
            </g>
          );
        })}
        {state.notes.map((note) => {
          if (note.anchor !== null) return null;
          const box = { ...note.position, width: NOTE_WIDTH, height: NOTE_HEIGHT };
          if (!overlaps(box, area)) return null;
          return (
            <foreignObject key={note.id} data-note={note.id} {...box}>
              <div className={`kk-map-picture__note kk-map-picture__note--${note.kind}`}>
                <strong>{t(`note.${note.kind}`)}</strong>
                <p>{note.text || '…'}</p>
              </div>
            </foreignObject>
          );
        })}
        {state.links.map((link) => {
          const s = cardRect.get(link.source);
          const d = cardRect.get(link.target);
          if (!s || !d || !overlaps(hull(s, d), area)) return null;
          const style = linkStyle(link.kind, link.warmth);
          return (
            <path
              key={link.id}
              data-link={link.id}
              className="kk-map-picture__link"
              d={linkCurve(s, d).path}
              fill="none"
              style={{ stroke: style.stroke }}
              strokeWidth={style.strokeWidth}
              strokeDasharray={style.dash}
              markerEnd={style.arrowEnd ? `url(#${ARROW})` : undefined}
              markerStart={style.arrowStart ? `url(#${ARROW})` : undefined}
            />
          );
        })}
        {state.actors.map((actor) => {
          if (!overlaps(cardRect.get(actor.id)!, area)) return null;
          const style = ACTOR_KIND_STYLES[actor.kind];
          return (
            <g
              key={actor.id}
              data-actor={actor.id}
              transform={`translate(${actor.position.x} ${actor.position.y})`}
            >
              <svg
                width={ACTOR_WIDTH}
                height={ACTOR_HEIGHT}
                viewBox="0 0 180 64"
                preserveAspectRatio="none"
                overflow="visible"
                aria-hidden="true"
              >
                <path
                  d={style.shape}
                  style={{ fill: style.fill, stroke: style.stroke }}
                  strokeWidth={2}
                  strokeDasharray={style.dashed ? '8 5' : undefined}
                  vectorEffect="non-scaling-stroke"
                />
              </svg>
              <foreignObject x={14} y={4} width={ACTOR_WIDTH - 28} height={ACTOR_HEIGHT - 8}>
                <div className="kk-map-picture__label">{actor.label || t(`kind.${actor.kind}`)}</div>
              </foreignObject>
              {actor.entryPoint && (
                <text x={12} y={-6} className="kk-map-picture__mark">
                  {t('node.entryPoint')}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/** The box both cards lie in: a link's curve never leaves it by much, so it stands for the link. */
function hull(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}
