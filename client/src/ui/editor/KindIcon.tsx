import type { ActorKind } from '../../../../shared/model/types';
import { ACTOR_KIND_STYLES } from './actorKindStyle';

export function KindIcon({ kind, size = 18 }: { kind: ActorKind; size?: number }) {
  const style = ACTOR_KIND_STYLES[kind];
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={style.icon} style={{ fill: style.stroke }} />
    </svg>
  );
}

/** The kind's shape, small: for the palette and the legend. */
export function KindShape({ kind, width = 44 }: { kind: ActorKind; width?: number }) {
  const style = ACTOR_KIND_STYLES[kind];
  return (
    <svg width={width} height={(width * 64) / 180} viewBox="0 0 180 64" aria-hidden="true" focusable="false">
      <path
        d={style.shape}
        style={{ fill: style.fill, stroke: style.stroke }}
        strokeWidth={4}
        strokeDasharray={style.dashed ? '12 8' : undefined}
      />
    </svg>
  );
}
