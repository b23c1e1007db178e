import type { Locale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import type { ActivityEntry } from '../model/types';
import { type ActivityMessageKey, formatActivityLine } from './versionText';

/** One line of the "Activiteit" panel: consecutive entries of one person doing one thing, grouped. */
export interface ActivityItem {
  readonly by: string;
  readonly op: ActivityEntry['op'];
  readonly collection: ActivityEntry['collection'];
  /** Number of distinct elements in the group. */
  readonly count: number;
  /** Distinct element ids, most recent first (to select or flash them on the canvas). */
  readonly ids: readonly string[];
  /** Their labels, in the same order. */
  readonly labels: readonly string[];
  /** The most recent entry's time, and the earliest one's. */
  readonly at: number;
  readonly since: number;
}

export interface ActivityItemsOptions {
  /** Entries further apart than this (ms) are not grouped; 15 minutes by default. */
  readonly groupWithinMs?: number;
  readonly limit?: number;
}

/**
 * Turns `map.activity()` (most recent first) into display items: a run of entries with the same
 * author, op and collection, each within `groupWithinMs` of the previous one, becomes one item.
 * Restores stay single items: each one is an event worth its own line.
 */
export function activityItems(
  entries: readonly ActivityEntry[],
  options: ActivityItemsOptions = {},
): ActivityItem[] {
  const window = options.groupWithinMs ?? 15 * 60_000;
  const out: { item: Mutable<ActivityItem>; seen: Set<string> }[] = [];
  for (const e of entries) {
    const last = out[out.length - 1];
    if (
      last &&
      e.op !== 'restore' &&
      last.item.by === e.by &&
      last.item.op === e.op &&
      last.item.collection === e.collection &&
      last.item.since - e.at <= window
    ) {
      last.item.since = Math.min(last.item.since, e.at);
      if (!last.seen.has(e.id)) {
        last.seen.add(e.id);
        last.item.ids.push(e.id);
        last.item.labels.push(e.label);
        last.item.count++;
      }
      continue;
    }
    if (options.limit !== undefined && out.length >= options.limit) break;
    out.push({
      item: {
        by: e.by,
        op: e.op,
        collection: e.collection,
        count: 1,
        ids: [e.id],
        labels: [e.label],
        at: e.at,
        since: e.at,
      },
      seen: new Set([e.id]),
    });
  }
  return out.map((o) => o.item);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** An item in words without the time, e.g. "Anna voegde 3 actoren toe". */
export function formatActivityItem(item: ActivityItem, locale: Locale): string {
  const key = `${item.op}.${item.collection}` as ActivityMessageKey;
  const what = formatActivityLine(key, item.count, item.labels[0] ?? '', locale);
  return `${item.by || translator(locale)('activity.someone')} ${what}`;
}
