import { elements, type Finding } from '../finding';
import { labelOf, type RuleContext } from './ruleContext';

/**
 * Rule 4: an actor with no link at all. Collaborations are left to the collaboration rule, which
 * says the more useful thing ("no members").
 */
export function isolatedActorRule({ cg }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const actor of cg.state.actors) {
    if (actor.kind === 'collaboration' || cg.graph.degree(actor.id) > 0) continue;
    out.push({
      key: `isolatedActor:${actor.id}`,
      rule: 'isolatedActor',
      severity: 'medium',
      elementIds: elements({ actors: [actor.id] }),
      message: {
        key: actor.kind === 'targetGroup' ? 'isolatedActor.targetGroup' : 'isolatedActor.actor',
        params: { actor: labelOf(actor) },
      },
    });
  }
  return out;
}
