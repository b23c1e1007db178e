import type { ChainMap } from '../../../shared/model/ChainMap';
import type { ActivityEntry } from '../../../shared/model/types';

/** Entries older than this (by their author's clock) are history, not news: the first sync brings them. */
const NEWS_MS = 2 * 60_000;

const entryKey = (e: ActivityEntry) => `${e.by}|${e.op}|${e.id}|${e.at}`;

/**
 * Other people's changes as they arrive: the activity feed's new entries after each remote
 * transaction (the feed names who made a change; the change feed only says it was remote). What
 * the feed held when watching started is known already and never reported; entries stamped more
 * than two minutes before now are history arriving with a sync, not news. Known limit: a peer
 * whose clock runs more than two minutes slow is not announced.
 */
export function watchRemoteActivity(
  model: ChainMap,
  onEntry: (entry: ActivityEntry) => void,
  now: () => number = Date.now,
): () => void {
  let seen = new Set(model.activity(200).map(entryKey));
  return model.onChange((changes, source) => {
    if (source !== 'remote' || !changes.some((c) => c.type === 'activity')) return;
    const entries = model.activity(200);
    const me = model.getAuthor();
    const fresh = entries.filter((e) => !seen.has(entryKey(e)) && now() - e.at < NEWS_MS && e.by !== me);
    seen = new Set(entries.map(entryKey));
    for (const e of fresh.reverse()) onEntry(e);
  });
}
