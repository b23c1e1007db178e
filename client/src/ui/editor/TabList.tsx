import type { KeyboardEvent, ReactNode } from 'react';

export interface TabItem<T extends string> {
  readonly id: T;
  readonly label: string;
  /** A count shown after the label (e.g. open findings); hidden when 0 or undefined. */
  readonly badge?: number;
  readonly badgeLabel?: string;
}

interface Props<T extends string> {
  label: string;
  tabs: readonly TabItem<T>[];
  active: T;
  onChange: (id: T) => void;
  idPrefix: string;
  className?: string;
  children?: ReactNode;
}

/** ARIA tabs: arrow keys, Home and End move between tabs; the active tab is the one in the tab order. */
export function TabList<T extends string>({ label, tabs, active, onChange, idPrefix, className }: Props<T>) {
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === active);
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const id = tabs[next]!.id;
    onChange(id);
    document.getElementById(`${idPrefix}-tab-${id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={`kk-tabs ${className ?? ''}`} onKeyDown={move}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={`${idPrefix}-tab-${tab.id}`}
          type="button"
          role="tab"
          aria-selected={tab.id === active}
          // Only the active tab's panel is rendered; pointing at an absent id is invalid ARIA.
          aria-controls={tab.id === active ? `${idPrefix}-panel-${tab.id}` : undefined}
          tabIndex={tab.id === active ? 0 : -1}
          className={`kk-tab${tab.id === active ? ' is-active' : ''}`}
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
          {tab.badge ? (
            <span className="kk-tab__badge">
              <span aria-hidden="true">{tab.badge}</span>
              <span className="kk-visually-hidden">({tab.badgeLabel ?? tab.badge})</span>
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}

/** The panel of a tab, labelled by it. */
export function TabPanel({
  idPrefix,
  id,
  children,
  className,
}: {
  idPrefix: string;
  id: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role="tabpanel"
      id={`${idPrefix}-panel-${id}`}
      aria-labelledby={`${idPrefix}-tab-${id}`}
      className={className}
    >
      {children}
    </div>
  );
}
