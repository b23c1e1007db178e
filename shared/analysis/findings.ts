import type { ChainMapState } from '../model/types';
import { buildChainGraph, type ChainGraph } from './chainGraph';
import { compareFindings, type Finding, type RuleId } from './finding';
import { routesOfAllTargetGroups } from './routes';
import { collaborationRule } from './rules/collaborationRule';
import { emptyPhaseRule } from './rules/emptyPhase';
import { handoverRule } from './rules/handoverRule';
import { isolatedActorRule } from './rules/isolatedActor';
import { noRouteRule } from './rules/noRoute';
import { noteFollowUpRule } from './rules/noteFollowUp';
import type { Rule } from './rules/ruleContext';
import { singlePointOfFailureRule } from './rules/singlePointOfFailure';

export interface AnalyseOptions {
  /** Today's date as YYYY-MM-DD; passed in so that results are deterministic and testable. */
  readonly today: string;
}

/** Every rule, in the order the issue lists them. */
export const RULES: Readonly<Record<RuleId, Rule>> = {
  noRoute: noRouteRule,
  emptyPhase: emptyPhaseRule,
  handover: handoverRule,
  isolatedActor: isolatedActorRule,
  singlePointOfFailure: singlePointOfFailureRule,
  noteFollowUp: noteFollowUpRule,
  collaboration: collaborationRule,
};

/**
 * All findings for a map, sorted (severity, rule, key). Pure and synchronous: call it from a memo on
 * the state the view already reads; it takes a few milliseconds for a map of hundreds of actors.
 */
export function analyse(state: ChainMapState, options: AnalyseOptions): Finding[] {
  return analyseGraph(buildChainGraph(state), options);
}

/** Same as analyse, for a caller that already built the graph (e.g. for routes or metrics). */
export function analyseGraph(cg: ChainGraph, options: AnalyseOptions): Finding[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error('today must be YYYY-MM-DD');
  const ctx = { cg, routes: routesOfAllTargetGroups(cg), today: options.today };
  return Object.values(RULES)
    .flatMap((rule) => rule(ctx))
    .sort(compareFindings);
}
