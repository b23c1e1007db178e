import type { Priority } from '../model/types';

/** One item of a vote's results. `rank` is shared by ties (1, 2, 2, 4). */
export interface RankedItem {
  readonly id: string;
  readonly votes: number;
  readonly rank: number;
}

/**
 * The items ranked by votes, most first; ties keep the vote's item order (which is the order the
 * facilitator saw), so every device ranks alike.
 */
export function rankItems(items: readonly string[], totals: Readonly<Record<string, number>>): RankedItem[] {
  const sorted = items
    .map((id, order) => ({ id, votes: totals[id] ?? 0, order }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order);
  const ranked: RankedItem[] = [];
  sorted.forEach((item, index) => {
    const previous = ranked[index - 1];
    const rank = previous && previous.votes === item.votes ? previous.rank : index + 1;
    ranked.push({ id: item.id, votes: item.votes, rank });
  });
  return ranked;
}

/**
 * The priority a ranking gives each item: the items that got dots are split in thirds by rank (high,
 * medium, low; tied items share the tier of the first of them); items without dots are low.
 */
export function prioritiesFromRanking(ranked: readonly RankedItem[]): Map<string, Priority> {
  const voted = ranked.filter((item) => item.votes > 0);
  const result = new Map<string, Priority>();
  for (const item of ranked) {
    if (item.votes === 0) {
      result.set(item.id, 'low');
      continue;
    }
    const tier = Math.floor((3 * (item.rank - 1)) / voted.length);
    result.set(item.id, tier === 0 ? 'high' : tier === 1 ? 'medium' : 'low');
  }
  return result;
}
