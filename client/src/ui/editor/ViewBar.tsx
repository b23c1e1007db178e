import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { EDITOR_VIEW_LABELS, EDITOR_VIEWS, type EditorViewId } from './editorViews';
import { TabList } from './TabList';

/** The switch between the map and the action plan, with the tools of the current view beside it. */
export function ViewBar({
  active,
  onChange,
  badges,
  children,
}: {
  active: EditorViewId;
  onChange: (id: EditorViewId) => void;
  badges?: Partial<Record<EditorViewId, { count: number; label: string }>>;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="kk-viewbar">
      <TabList
        label={t('view.label')}
        idPrefix="kk-view"
        active={active}
        onChange={onChange}
        tabs={EDITOR_VIEWS.map((id) => ({
          id,
          label: t(EDITOR_VIEW_LABELS[id]),
          ...(badges?.[id] ? { badge: badges[id].count, badgeLabel: badges[id].label } : {}),
        }))}
      />
      <div className="kk-viewbar__tools">{children}</div>
    </div>
  );
}
