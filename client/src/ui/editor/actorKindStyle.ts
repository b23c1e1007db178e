import type { ActorKind } from '../../../../shared/model/types';

/**
 * How each actor kind looks: shape, colours (tokens from theme/tokens.css) and icon. Shared by nodes,
 * palette and legend.
 */
export interface KindStyle {
  stroke: string;
  fill: string;
  /** SVG path(s) for the shape in a 180×64 box. */
  shape: string;
  dashed: boolean;
  /** Icon path in a 24×24 box. */
  icon: string;
}

export const ACTOR_KIND_STYLES: Readonly<Record<ActorKind, KindStyle>> = {
  service: {
    stroke: 'var(--kk-kind-service)',
    fill: 'var(--kk-kind-service-fill)',
    shape: 'M8 1h164a7 7 0 0 1 7 7v48a7 7 0 0 1-7 7H8a7 7 0 0 1-7-7V8a7 7 0 0 1 7-7z',
    dashed: false,
    icon: 'M3 10 12 4l9 6v1H3zM5 12h2v6H5zm4 0h2v6H9zm4 0h2v6h-2zm4 0h2v6h-2zM3 19h18v2H3z',
  },
  partner: {
    stroke: 'var(--kk-kind-partner)',
    fill: 'var(--kk-kind-partner-fill)',
    shape: 'M1 1h178v62H1z M5 5h170v54H5z',
    dashed: false,
    icon: 'M8 7a3 3 0 1 1 0 6 3 3 0 0 1 0-6zm8 0a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM2 19c0-3 3-5 6-5s6 2 6 5zm10 0c.3-2 1-3.4 2.2-4.4.6-.4 1.2-.6 1.8-.6 3 0 6 2 6 5z',
  },
  collaboration: {
    stroke: 'var(--kk-kind-collaboration)',
    fill: 'var(--kk-kind-collaboration-fill)',
    shape: 'M18 1h144l17 31-17 31H18L1 32z',
    dashed: false,
    icon: 'M12 3a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM5 14a3 3 0 1 1 0 6 3 3 0 0 1 0-6zm14 0a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM11 9h2v3.5l4.5 2.6-1 1.7L12 14.2l-4.5 2.6-1-1.7 4.5-2.6z',
  },
  handover: {
    stroke: 'var(--kk-kind-handover)',
    fill: 'var(--kk-kind-handover-fill)',
    shape: 'M1 1h158l20 31-20 31H1l18-31z',
    dashed: false,
    icon: 'M3 11h12V6l7 6-7 6v-5H3z',
  },
  targetGroup: {
    stroke: 'var(--kk-kind-target-group)',
    fill: 'var(--kk-kind-target-group-fill)',
    shape: 'M32 1h116a31 31 0 0 1 0 62H32a31 31 0 0 1 0-62z',
    dashed: false,
    icon: 'M9 4a3 3 0 1 1 0 6 3 3 0 0 1 0-6zm7 1.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM2 19c0-4 3-7 7-7s7 3 7 7zm14.5 0c0-2.3-.8-4.3-2.2-5.7.6-.2 1.1-.3 1.7-.3 3.3 0 6 2.6 6 6z',
  },
  role: {
    stroke: 'var(--kk-kind-role)',
    fill: 'var(--kk-kind-role-fill)',
    shape: 'M8 1h164a7 7 0 0 1 7 7v48a7 7 0 0 1-7 7H8a7 7 0 0 1-7-7V8a7 7 0 0 1 7-7z',
    dashed: true,
    icon: 'M12 3a4 4 0 1 1 0 8 4 4 0 0 1 0-8zM4 21c0-4.4 3.6-8 8-8s8 3.6 8 8z',
  },
};
