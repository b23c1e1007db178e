import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n';
import { SIDE_PANEL_LABELS, SIDE_PANELS, type SidePanelId } from './editorViews';
import { TabList, TabPanel } from './TabList';
import './sidePanel.css';

/**
 * The right-hand panel beside the canvas: one tab per registered panel (see editorViews). Selecting
 * something on the canvas brings the properties tab forward.
 */
export function SidePanel({
  active,
  onChange,
  badges,
  selectionKey,
  render,
}: {
  active: SidePanelId;
  onChange: (id: SidePanelId) => void;
  badges: Partial<Record<SidePanelId, { count: number; label: string }>>;
  /** Changes whenever the canvas selection changes; '' when nothing is selected. */
  selectionKey: string;
  render: (id: SidePanelId) => ReactNode;
}) {
  const t = useT();
  const previous = useRef(selectionKey);
  useEffect(() => {
    if (selectionKey !== previous.current && selectionKey !== '') onChange('inspector');
    previous.current = selectionKey;
  }, [selectionKey, onChange]);
  return (
    <div className="kk-sidepanel">
      <TabList
        label={t('panel.label')}
        idPrefix="kk-side"
        className="kk-sidepanel__tabs"
        active={active}
        onChange={onChange}
        tabs={SIDE_PANELS.map((id) => ({
          id,
          label: t(SIDE_PANEL_LABELS[id]),
          ...(badges[id] ? { badge: badges[id].count, badgeLabel: badges[id].label } : {}),
        }))}
      />
      <TabPanel idPrefix="kk-side" id={active} className="kk-sidepanel__body">
        {render(active)}
      </TabPanel>
    </div>
  );
}
