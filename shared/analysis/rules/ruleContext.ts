import type { Actor } from '../../model/types';
import type { ChainGraph } from '../chainGraph';
import type { Finding } from '../finding';
import type { TargetGroupRoute } from '../routes';

/** What every rule gets: the graph, each target group's route (computed once), and today's date. */
export interface RuleContext {
  readonly cg: ChainGraph;
  readonly routes: readonly TargetGroupRoute[];
  /** YYYY-MM-DD, compared as a string (ISO dates sort as text). */
  readonly today: string;
}

export type Rule = (ctx: RuleContext) => Finding[];

/** Labels go into message params as typed; an empty one is shown as "unnamed" by the formatter. */
export function labelOf(actor: Actor | undefined): string {
  return actor?.label.trim() ?? '';
}
