import { elements, type Finding } from '../finding';
import type { RuleContext } from './ruleContext';

/** Rule 2: a phase lane with no actor in it: nobody takes newcomers through that step. */
export function emptyPhaseRule({ cg }: RuleContext): Finding[] {
  const used = new Set<string>();
  for (const actor of cg.state.actors) if (actor.phaseId !== null) used.add(actor.phaseId);
  return cg.state.phases
    .filter((phase) => !used.has(phase.id))
    .map((phase) => ({
      key: `emptyPhase:${phase.id}`,
      rule: 'emptyPhase' as const,
      severity: 'low' as const,
      elementIds: elements({ phases: [phase.id] }),
      message: { key: 'emptyPhase', params: { phase: phase.label.trim() } },
    }));
}
