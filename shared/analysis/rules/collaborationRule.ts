import { elements, type Finding } from '../finding';
import { labelOf, type RuleContext } from './ruleContext';

/**
 * Rule 7: a collaboration with no members, or whose members all come from one municipality
 * (then it shares no cost or knowledge across municipalities, the point of an IGS). Members are
 * the actors linked to it by a membership link, either way round; a member without a municipality
 * belongs to the map's own municipality.
 */
export function collaborationRule({ cg }: RuleContext): Finding[] {
  const home = cg.state.meta.municipality.trim();
  const out: Finding[] = [];
  for (const collab of cg.state.actors) {
    if (collab.kind !== 'collaboration') continue;
    const members = new Set<string>();
    const memberLinks: string[] = [];
    cg.graph.forEachEdge(collab.id, (edge, { link }, source, target) => {
      if (link.kind !== 'membership') return;
      members.add(source === collab.id ? target : source);
      memberLinks.push(edge);
    });
    const params = { collaboration: labelOf(collab) };
    if (members.size === 0) {
      out.push({
        key: `collaboration:noMembers:${collab.id}`,
        rule: 'collaboration',
        severity: 'medium',
        elementIds: elements({ actors: [collab.id] }),
        message: { key: 'collaboration.noMembers', params },
      });
      continue;
    }
    const municipalities = new Map<string, string>();
    for (const id of members) {
      const name = cg.actorsById.get(id)!.municipality.trim() || home;
      municipalities.set(name.toLocaleLowerCase('nl'), name);
    }
    if (municipalities.size > 1) continue;
    out.push({
      key: `collaboration:oneMunicipality:${collab.id}`,
      rule: 'collaboration',
      severity: 'low',
      elementIds: elements({ actors: [collab.id, ...[...members].sort()], links: memberLinks.sort() }),
      message: {
        key: 'collaboration.oneMunicipality',
        params: { ...params, municipality: [...municipalities.values()][0] ?? '', members: members.size },
      },
    });
  }
  return out;
}
