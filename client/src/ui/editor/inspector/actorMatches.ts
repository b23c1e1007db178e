import { normaliseName } from '../../../../../shared/interchange/normaliseName';
import type { Actor } from '../../../../../shared/model/types';

/**
 * Rows an actor picker shows at most. A big map has a thousand actors: rendering them all as
 * options when an actor is selected made selecting (and so starting a drag) one long task. Past
 * this many, the picker asks for a few letters instead.
 */
export const ACTOR_PICKER_MAX_ROWS = 30;

export interface ActorMatches {
  readonly rows: readonly Actor[];
  /** Matching actors left out of `rows`: the user narrows the search to reach them. */
  readonly more: number;
}

/**
 * The actors whose shown name contains `query` (case and accents ignored), names that start with
 * it first, each group in map order; at most `limit` of them. An empty query matches every actor.
 */
export function actorMatches(
  actors: readonly Actor[],
  query: string,
  name: (actor: Actor) => string,
  limit = ACTOR_PICKER_MAX_ROWS,
): ActorMatches {
  const needle = normaliseName(query);
  const starts: Actor[] = [];
  const contains: Actor[] = [];
  for (const actor of actors) {
    if (needle === '') {
      starts.push(actor);
      continue;
    }
    const at = normaliseName(name(actor)).indexOf(needle);
    if (at === 0) starts.push(actor);
    else if (at > 0) contains.push(actor);
  }
  const all = starts.concat(contains);
  return { rows: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}
