import type { LinkKind, Warmth } from '../../../shared/model/types';
import { COMPARE_STROKES } from '../theme/compareColours';
import type { DecorationState, ElementDecoration } from './CanvasDecorations';

/** Visual style of a link, shared by the canvas and the legend; colours are `var(--kk-link-*)` tokens. */
export interface LinkStyle {
  stroke: string;
  strokeWidth: number;
  dash: string | undefined;
  arrowStart: boolean;
  arrowEnd: boolean;
}

export function linkStyle(kind: LinkKind, warmth: Warmth | null): LinkStyle {
  switch (kind) {
    case 'handover':
      return warmth === 'warm'
        ? {
            stroke: 'var(--kk-link-warm)',
            strokeWidth: 3,
            dash: undefined,
            arrowStart: false,
            arrowEnd: true,
          }
        : { stroke: 'var(--kk-link-cold)', strokeWidth: 2, dash: '8 6', arrowStart: false, arrowEnd: true };
    case 'partnership':
      return {
        stroke: 'var(--kk-link-partnership)',
        strokeWidth: 2,
        dash: undefined,
        arrowStart: true,
        arrowEnd: true,
      };
    case 'membership':
      return {
        stroke: 'var(--kk-link-membership)',
        strokeWidth: 2,
        dash: '2 5',
        arrowStart: false,
        arrowEnd: true,
      };
    case 'information':
      return {
        stroke: 'var(--kk-link-information)',
        strokeWidth: 1.5,
        dash: '12 4 2 4',
        arrowStart: false,
        arrowEnd: true,
      };
  }
}

const DECORATION_STROKES: Partial<Record<DecorationState, string>> = COMPARE_STROKES;

/** Compare states recolour a link; focus and highlight widen it (dim is CSS opacity). */
export function decoratedLinkStyle(style: LinkStyle, decoration: ElementDecoration | null): LinkStyle {
  const state = decoration?.state;
  if (!state || state === 'dim') return style;
  const stroke = DECORATION_STROKES[state] ?? style.stroke;
  return {
    ...style,
    stroke,
    strokeWidth: style.strokeWidth + 1.5,
    dash: state === 'removed' ? '6 4' : style.dash,
  };
}
