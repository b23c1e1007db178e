import {
  type ActorMetrics,
  analyseGraph,
  buildChainGraph,
  type ChainGraph,
  type Finding,
  networkMetrics,
  routeForTargetGroup,
  type TargetGroupRoute,
} from '../../../shared/analysis';
import type { ChainMapState } from '../../../shared/model/types';

/**
 * The analysis of the map the canvas shows, memoised per state snapshot: the graph is built once per
 * model change and shared by the findings, routes and network metrics. Metrics are computed only
 * when asked (they cost tens of milliseconds on large maps). Framework-free.
 */
export class ChainAnalysis {
  private graphCache = new WeakMap<ChainMapState, ChainGraph>();
  private findingsCache = new WeakMap<ChainGraph, { today: string; findings: Finding[] }>();
  private metricsCache = new WeakMap<ChainGraph, Map<string, ActorMetrics>>();
  private routeCache = new WeakMap<ChainGraph, Map<string, TargetGroupRoute>>();

  private last: { state: ChainMapState; graph: ChainGraph } | null = null;

  /**
   * The graph of `state`. A snapshot that differs from the last one only in element positions (a
   * drag end, an auto-layout) shares the last graph, and with it the findings, routes and metrics:
   * no rule reads a position (finding keys and messages never depend on them), and recomputing
   * them cost up to ~100 ms per drag on a map of 1,000 actors.
   */
  graph(state: ChainMapState): ChainGraph {
    let cg = this.graphCache.get(state);
    if (!cg) {
      const last = this.last;
      if (last && sameApartFromPositions(last.state, state)) cg = last.graph;
      else {
        cg = buildChainGraph(state);
        this.builtCount++;
      }
      this.graphCache.set(state, cg);
    }
    this.last = { state, graph: cg };
    return cg;
  }

  /** How many graphs were built (for tests). */
  get graphsBuilt(): number {
    return this.builtCount;
  }
  private builtCount = 0;

  findings(state: ChainMapState, today: string): Finding[] {
    const cg = this.graph(state);
    const cached = this.findingsCache.get(cg);
    if (cached && cached.today === today) return cached.findings;
    const findings = analyseGraph(cg, { today });
    this.findingsCache.set(cg, { today, findings });
    return findings;
  }

  /** Metrics of every actor; computed at most once per snapshot. */
  metrics(state: ChainMapState): Map<string, ActorMetrics> {
    const cg = this.graph(state);
    let metrics = this.metricsCache.get(cg);
    if (!metrics) {
      metrics = networkMetrics(cg);
      this.metricsCache.set(cg, metrics);
    }
    return metrics;
  }

  /** Whether metrics for this snapshot are ready without computing. */
  hasMetrics(state: ChainMapState): boolean {
    const cg = this.graphCache.get(state);
    return cg !== undefined && this.metricsCache.has(cg);
  }

  /** The route of a target group, or null when it is not (or no longer) a target group on the map. */
  route(state: ChainMapState, targetGroupId: string): TargetGroupRoute | null {
    const cg = this.graph(state);
    if (cg.actorsById.get(targetGroupId)?.kind !== 'targetGroup') return null;
    let routes = this.routeCache.get(cg);
    if (!routes) {
      routes = new Map();
      this.routeCache.set(cg, routes);
    }
    let route = routes.get(targetGroupId);
    if (!route) {
      route = routeForTargetGroup(cg, targetGroupId);
      routes.set(targetGroupId, route);
    }
    return route;
  }
}

/** Equal except for the `position` of actors and notes; compared by identity first, O(n). */
export function sameApartFromPositions(a: ChainMapState, b: ChainMapState): boolean {
  if (a === b) return true;
  if (a.meta !== b.meta || a.links !== b.links || a.phases !== b.phases || a.problems !== b.problems)
    return false;
  return sameItemsApartFromPosition(a.actors, b.actors) && sameItemsApartFromPosition(a.notes, b.notes);
}

function sameItemsApartFromPosition<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const keys = Object.keys(x) as (keyof T)[];
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) {
      if (key === 'position') continue;
      const u = x[key];
      const v = y[key];
      if (u !== v && (typeof u !== 'object' || JSON.stringify(u) !== JSON.stringify(v))) return false;
    }
  }
  return true;
}

/** Today as YYYY-MM-DD in the local time zone (the analysis compares due dates with it). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
