import type { Dismissal } from '../model/types';
import type { Finding } from './finding';

/** The part of a dismissal this module needs; `ChainMap.dismissals()` returns a superset. */
export type DismissalLike = Pick<Dismissal, 'key'>;

/** The findings nobody set aside. A dismissal whose finding is gone simply matches nothing. */
export function activeFindings(
  findings: readonly Finding[],
  dismissals: readonly DismissalLike[],
): Finding[] {
  const dismissed = new Set(dismissals.map((d) => d.key));
  return findings.filter((f) => !dismissed.has(f.key));
}

/**
 * Active findings, plus the dismissed ones that still apply, each with its dismissal (reason, who,
 * when) so the view can list them and offer "restore".
 */
export function partitionFindings<D extends DismissalLike>(
  findings: readonly Finding[],
  dismissals: readonly D[],
): { active: Finding[]; dismissed: { finding: Finding; dismissal: D }[] } {
  const byKey = new Map(dismissals.map((d) => [d.key, d]));
  const active: Finding[] = [];
  const dismissed: { finding: Finding; dismissal: D }[] = [];
  for (const finding of findings) {
    const dismissal = byKey.get(finding.key);
    if (dismissal) dismissed.push({ finding, dismissal });
    else active.push(finding);
  }
  return { active, dismissed };
}
