export { activeFindings, type DismissalLike, partitionFindings } from './activeFindings';
// autoLayout is imported from './autoLayout' directly: it pulls in elkjs, which the barrel must not.
export {
  buildChainGraph,
  type ChainGraph,
  type ChainGraphology,
  isDestinationKind,
  isIntermediary,
  LINK_TRAVERSAL,
} from './chainGraph';
export {
  compareFindings,
  type Finding,
  type FindingElements,
  type FindingMessage,
  RULE_IDS,
  type RuleId,
  type Severity,
} from './finding';
export { type AnalyseOptions, analyse, analyseGraph, RULES } from './findings';
export { FINDING_MESSAGES, type FindingKey, formatFindingMessage } from './findingText';
export { type ActorMetrics, networkMetrics } from './networkMetrics';
export {
  contactsOf,
  type RouteBreak,
  routeForTargetGroup,
  routesOfAllTargetGroups,
  startsOf,
  type TargetGroupRoute,
} from './routes';
export { criticalActors } from './rules/singlePointOfFailure';
