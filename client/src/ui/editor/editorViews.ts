import type { MessageKey } from '../../i18n/i18n';

/**
 * The editor's main views and side panels, in display order. A feature adds its view or panel here
 * (and renders it in EditorLayout's switch); nothing else about the layout needs to change.
 */
export const EDITOR_VIEWS = ['map', 'list', 'plan'] as const;
export type EditorViewId = (typeof EDITOR_VIEWS)[number];
export const EDITOR_VIEW_LABELS: Readonly<Record<EditorViewId, MessageKey>> = {
  map: 'view.map',
  list: 'view.list',
  plan: 'view.plan',
};

export const SIDE_PANELS = [
  'inspector',
  'comments',
  'voting',
  'analysis',
  'phases',
  'versions',
  'activity',
] as const;
export type SidePanelId = (typeof SIDE_PANELS)[number];
export const SIDE_PANEL_LABELS: Readonly<Record<SidePanelId, MessageKey>> = {
  inspector: 'panel.inspector',
  comments: 'comments.tab',
  voting: 'voting.tab',
  analysis: 'panel.analysis',
  phases: 'panel.phases',
  versions: 'panel.versions',
  activity: 'panel.activity',
};
