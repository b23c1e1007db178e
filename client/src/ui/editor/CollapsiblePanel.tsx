import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import './collapsiblePanel.css';

/**
 * A side panel the user can fold away to give the map the room (as Figma's and Miro's panels do);
 * folded, it leaves a narrow rail with the button that brings it back.
 */
export function CollapsiblePanel({
  side,
  collapsed,
  onToggle,
  children,
}: {
  side: 'left' | 'right';
  collapsed: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const label = collapsed
    ? t(side === 'left' ? 'panel.expandLeft' : 'panel.expandRight')
    : t(side === 'left' ? 'panel.collapseLeft' : 'panel.collapseRight');
  // Points the way the panel will move: away to fold it, back to bring it out.
  const pointsLeft = (side === 'left') !== collapsed;
  return (
    <div className={`kk-collapsible kk-collapsible--${side}${collapsed ? ' is-collapsed' : ''}`}>
      <button
        type="button"
        className="kk-collapsible__toggle"
        aria-label={label}
        title={label}
        aria-expanded={!collapsed}
        onClick={onToggle}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path
            d={pointsLeft ? 'M10 3L5 8l5 5' : 'M6 3l5 5-5 5'}
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
        </svg>
      </button>
      {!collapsed && children}
    </div>
  );
}
