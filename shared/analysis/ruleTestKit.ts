import type { Finding, RuleId } from './finding';
import { analyse } from './findings';
import type { FixtureMap } from './fixtureMap';

export const TODAY = '2024-06-01';

/** The findings of one rule on a fixture map, through the public analyse(). */
export function findingsOf(f: FixtureMap, rule: RuleId, today = TODAY): Finding[] {
  return analyse(f.read(), { today }).filter((x) => x.rule === rule);
}

export function keysOf(f: FixtureMap, rule: RuleId, today = TODAY): string[] {
  return findingsOf(f, rule, today)
    .map((x) => x.key)
    .sort();
}
