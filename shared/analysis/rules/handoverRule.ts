import { elements, type Finding } from '../finding';
import { labelOf, type RuleContext } from './ruleContext';

/**
 * Rule 3: a handover that is cold (an address instead of a personal introduction), or that nobody
 * owns. Two findings per link, so each can be dismissed for its own reason ("cold is fine here").
 */
export function handoverRule({ cg }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const link of cg.state.links) {
    if (link.kind !== 'handover') continue;
    const params = {
      from: labelOf(cg.actorsById.get(link.source)),
      to: labelOf(cg.actorsById.get(link.target)),
    };
    const elementIds = elements({ actors: [link.source, link.target], links: [link.id] });
    if (link.warmth === 'cold') {
      out.push({
        key: `handover:cold:${link.id}`,
        rule: 'handover',
        severity: 'medium',
        elementIds,
        message: { key: 'handover.cold', params },
      });
    }
    if (link.owner.trim() === '') {
      out.push({
        key: `handover:noOwner:${link.id}`,
        rule: 'handover',
        severity: 'low',
        elementIds,
        message: { key: 'handover.noOwner', params },
      });
    }
  }
  return out;
}
