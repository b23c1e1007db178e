import { useEffect, useMemo, useState } from 'react';
import { type Finding, partitionFindings, type TargetGroupRoute } from '../../../../../shared/analysis';
import type { ChainMapState, Dismissal } from '../../../../../shared/model/types';

/** What the analysis sees until the first idle moment after opening: nothing, so no findings yet. */
const EMPTY_STATE: ChainMapState = {
  meta: { title: '', municipality: '', schemaVersion: 0 },
  actors: [],
  links: [],
  notes: [],
  phases: [],
  problems: [],
};

import { ChainAnalysis, localToday } from '../../../analysis/ChainAnalysis';
import { type CanvasFilter, EMPTY_CANVAS_FILTER, filterLayer } from '../../../analysis/canvasFilter';
import { findingLayer } from '../../../analysis/findingLayer';
import { followWhenIdle } from '../../../analysis/followWhenIdle';
import { routeLayer } from '../../../analysis/routeLayer';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { useDismissals } from './useDismissals';

/** Decoration sources of this feature; each owns one layer of the canvas decorations. */
export const DECORATION_SOURCES = {
  filter: 'filter',
  route: 'route',
  analysis: 'analysis',
  analysisFocus: 'analysis-focus',
} as const;

export interface ChainIntelligence {
  readonly state: ChainMapState;
  readonly analysis: ChainAnalysis;
  readonly findings: { active: Finding[]; dismissed: { finding: Finding; dismissal: Dismissal }[] };
  readonly filter: CanvasFilter;
  setFilter(filter: CanvasFilter): void;
  readonly routeTargetGroupId: string | null;
  /** The chosen target group's route on the analysed snapshot, or null. */
  readonly route: TargetGroupRoute | null;
  setRouteTargetGroup(id: string | null): void;
  readonly selectedFindingKey: string | null;
  /** Highlights a finding's elements and pans/zooms to the first; null clears. */
  showFinding(finding: Finding | null): void;
}

/** Longest wait for an idle moment before the analysis catches up anyway. */
const ANALYSIS_IDLE_TIMEOUT_MS = 500;

/**
 * The map snapshot, caught up when the browser is idle (requestIdleCallback, after the frame that
 * shows the change is painted) rather than in the same task. Subscribed outside React's render:
 * a model change does not re-render the editor at all (on a big map that re-render was part of
 * every remote edit's way to the screen); only the catch-up does, once per burst of changes.
 * Until the first catch-up it is `EMPTY_STATE`, so opening a map paints the canvas first.
 */
export function useIdleSnapshot(store: CanvasStore): ChainMapState {
  const [idle, setIdle] = useState<ChainMapState>(EMPTY_STATE);
  useEffect(() => followWhenIdle(store, setIdle, ANALYSIS_IDLE_TIMEOUT_MS), [store]);
  return idle;
}

/**
 * Wires the framework-free analysis, filters and routes to the canvas decorations. The analysis runs
 * on a snapshot that catches up when the browser is idle, so neither opening a map nor a remote or
 * local edit waits for it before painting; the graph is built once per model change (and shared
 * across position-only changes) by findings, routes and metrics.
 */
export function useChainIntelligence(store: CanvasStore): ChainIntelligence {
  const state = useIdleSnapshot(store);
  const analysis = useMemo(() => new ChainAnalysis(), []);
  const dismissals = useDismissals(store.model);
  const today = localToday();
  const findings = useMemo(
    () =>
      state === EMPTY_STATE
        ? { active: [], dismissed: [] }
        : partitionFindings(analysis.findings(state, today), dismissals),
    [analysis, state, today, dismissals],
  );

  const [filter, setFilter] = useState<CanvasFilter>(EMPTY_CANVAS_FILTER);
  const [routeTargetGroupId, setRouteTargetGroup] = useState<string | null>(null);
  const [selectedFindingKey, setSelectedFindingKey] = useState<string | null>(null);
  const decorations = store.decorations;

  useEffect(() => {
    decorations.setLayer(DECORATION_SOURCES.filter, filterLayer(state, filter));
  }, [decorations, state, filter]);

  const route = useMemo(
    () => (routeTargetGroupId ? analysis.route(state, routeTargetGroupId) : null),
    [analysis, state, routeTargetGroupId],
  );
  useEffect(() => {
    if (route) decorations.setLayer(DECORATION_SOURCES.route, routeLayer(route, state));
    else decorations.clear(DECORATION_SOURCES.route);
  }, [decorations, route, state]);

  // Keep the highlight in step with the finding while it exists; drop it once it is solved.
  const selected = findings.active.find((f) => f.key === selectedFindingKey) ?? null;
  useEffect(() => {
    if (selected) decorations.setLayer(DECORATION_SOURCES.analysis, findingLayer(selected, state).layer);
    else {
      decorations.clear(DECORATION_SOURCES.analysis);
      decorations.clear(DECORATION_SOURCES.analysisFocus);
    }
  }, [decorations, selected, state]);

  useEffect(
    () => () => {
      for (const source of Object.values(DECORATION_SOURCES)) decorations.clear(source);
    },
    [decorations],
  );

  return {
    state,
    analysis,
    findings,
    filter,
    setFilter,
    routeTargetGroupId,
    route,
    setRouteTargetGroup,
    selectedFindingKey: selected?.key ?? null,
    showFinding: (finding) => {
      setSelectedFindingKey(finding?.key ?? null);
      if (!finding) return;
      const { layer, focusIds } = findingLayer(finding, store.getState());
      decorations.setLayer(DECORATION_SOURCES.analysis, layer);
      decorations.focusElements(focusIds, { source: DECORATION_SOURCES.analysisFocus });
    },
  };
}
