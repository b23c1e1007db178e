import { ACTOR_HEIGHT, ACTOR_WIDTH, LANE_WIDTH, laneX } from '../../../../../shared/model/laneGeometry';
import type { ChainMapState } from '../../../../../shared/model/types';
import { linkCurve } from '../../../canvas/linkCurve';
import { linkStyle } from '../../../canvas/linkStyle';
import { mapBounds } from '../../../canvas/mapFit';
import { useT } from '../../../i18n/i18n';
import { ACTOR_KIND_STYLES } from '../actorKindStyle';
import { CompactLegend } from '../CompactLegend';
import './mapPrint.css';

const MARGIN = 24;

/**
 * The map as a printed page: title, municipality and date, the whole map drawn as one SVG (lanes
 * with their phase names, cards, links) fitted to the page by its viewBox (A4 or A3 landscape), and
 * the legend. Mounted only while printing, so a big map costs nothing on screen; the print
 * stylesheet then shows it alone, not the app's panels.
 */
export function MapPrintDocument({ state }: { state: ChainMapState }) {
  const t = useT();
  const bounds = mapBounds(state) ?? {
    x: 0,
    y: 0,
    width: Math.max(1, state.phases.length) * LANE_WIDTH,
    height: 400,
  };
  const viewBox = [
    bounds.x - MARGIN,
    bounds.y - MARGIN,
    bounds.width + 2 * MARGIN,
    bounds.height + 2 * MARGIN,
  ].join(' ');
  const actors = new Map(state.actors.map((a) => [a.id, a]));
  const rect = (id: string) => {
    const a = actors.get(id);
    return a ? { ...a.position, width: ACTOR_WIDTH, height: ACTOR_HEIGHT } : null;
  };
  const laneTop = bounds.y;
  return (
    <article className="kk-map-print" aria-label={t('print.map')}>
      <header className="kk-map-print__header">
        <h1>{state.meta.title}</h1>
        <p>
          {state.meta.municipality && <span>{state.meta.municipality} · </span>}
          <span>{t('print.printedOn', { date: Date.now() })}</span>
        </p>
      </header>
      <svg
        className="kk-map-print__map"
        viewBox={viewBox}
        preserveAspectRatio="xMidYMid meet"
        role="img"
        aria-label={state.meta.title}
      >
        <defs>
          <marker
            id="kk-print-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" style={{ fill: 'context-stroke' }} />
          </marker>
        </defs>
        {state.phases.map((phase, i) => (
          <g key={phase.id} className="kk-map-print__lane">
            <rect
              x={laneX(i)}
              y={laneTop}
              width={LANE_WIDTH}
              height={bounds.y + bounds.height - laneTop}
              style={{
                fill: i % 2 ? 'var(--kk-slate-100)' : 'var(--kk-white)',
                stroke: 'var(--kk-slate-200)',
              }}
            />
            <foreignObject x={laneX(i) + 12} y={laneTop + 10} width={LANE_WIDTH - 24} height={52}>
              <div className="kk-map-print__phase">{`${i + 1}. ${phase.label}`}</div>
            </foreignObject>
          </g>
        ))}
        {state.links.map((link) => {
          const s = rect(link.source);
          const d = rect(link.target);
          if (!s || !d) return null;
          const style = linkStyle(link.kind, link.warmth);
          return (
            <path
              key={link.id}
              d={linkCurve(s, d).path}
              fill="none"
              style={{ stroke: style.stroke }}
              strokeWidth={style.strokeWidth}
              strokeDasharray={style.dash}
              markerEnd={style.arrowEnd ? 'url(#kk-print-arrow)' : undefined}
              markerStart={style.arrowStart ? 'url(#kk-print-arrow)' : undefined}
            />
          );
        })}
        {state.actors.map((actor) => {
          const style = ACTOR_KIND_STYLES[actor.kind];
          return (
            <g key={actor.id} transform={`translate(${actor.position.x} ${actor.position.y})`}>
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
                <div className="kk-map-print__label">{actor.label || t(`kind.${actor.kind}`)}</div>
              </foreignObject>
              {actor.entryPoint && (
                <text x={12} y={-6} className="kk-map-print__mark">
                  {t('node.entryPoint')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <footer className="kk-map-print__footer">
        <CompactLegend />
      </footer>
    </article>
  );
}
