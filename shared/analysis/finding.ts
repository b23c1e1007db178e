/**
 * A finding of the chain analysis: what is wrong, where on the canvas, and how to say it.
 * Findings are plain data, recomputed from the model on every change; `key` is what ties a
 * dismissal (stored in the map) to a finding across recomputes and across peers, so it is built
 * only from the rule, a variant and element ids — never from labels, counts or positions.
 */

export const RULE_IDS = [
  'noRoute',
  'emptyPhase',
  'handover',
  'isolatedActor',
  'singlePointOfFailure',
  'noteFollowUp',
  'collaboration',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

export interface FindingElements {
  readonly actors: readonly string[];
  readonly links: readonly string[];
  readonly notes: readonly string[];
  readonly phases: readonly string[];
}

/** A key into the findings' catalogue (`FINDING_MESSAGES`) plus its parameters (labels, counts, ISO dates). */
export interface FindingMessage {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface Finding {
  /** Stable across recomputes; used for dismissal. */
  readonly key: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  /** The elements to focus and highlight on the canvas; the first actor (or link) is the one to focus. */
  readonly elementIds: FindingElements;
  readonly message: FindingMessage;
}

export function elements(ids: Partial<FindingElements>): FindingElements {
  return {
    actors: ids.actors ?? [],
    links: ids.links ?? [],
    notes: ids.notes ?? [],
    phases: ids.phases ?? [],
  };
}

/** Severity first, then rule order, then key: the same list on every peer. */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  if (bySeverity !== 0) return bySeverity;
  const byRule = RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);
  if (byRule !== 0) return byRule;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
