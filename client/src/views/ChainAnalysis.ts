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

  graph(state: ChainMapState): ChainGraph {
    let cg = this.graphCache.get(state);
    if (!cg) {
      cg = buildChainGraph(state);
      this.graphCache.set(state, cg);
    }
    return cg;
  }

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

/** Today as YYYY-MM-DD in the local time zone (the analysis compares due dates with it). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
