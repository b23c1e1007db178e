import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import { hasChange } from '../../../../../shared/model/changeFeed';
import type { ActivityEntry, ChainMapChange, VersionInfo } from '../../../../../shared/model/types';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { CompareSession, type Comparison } from '../../../versions/CompareSession';

/** A value read from the model, read again after every transaction `relevant` accepts. */
function useModelValue<T>(
  model: ChainMap,
  relevant: (changes: readonly ChainMapChange[]) => boolean,
  read: () => T,
): T {
  const [value, setValue] = useState(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `relevant` and `read` are fixed per caller
  useEffect(() => {
    setValue(read());
    return model.onChange((changes) => {
      if (relevant(changes)) setValue(read());
    });
  }, [model]);
  return value;
}

/** The map's versions, oldest first; live, also for versions made by peers or offline. */
export function useVersions(model: ChainMap): VersionInfo[] {
  return useModelValue(
    model,
    (c) => hasChange(c, 'versions'),
    () => model.versions(),
  );
}

/** The recent activity entries, most recent first; live. */
export function useActivity(model: ChainMap, limit = 100): ActivityEntry[] {
  return useModelValue(
    model,
    (c) => hasChange(c, 'activity'),
    () => model.activity(limit),
  );
}

/** The current time, refreshed every `everyMs`, so relative times ("5 minuten geleden") stay true. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** One compare session per canvas; torn down (and its layer cleared) with the canvas store. */
export function useCompare(store: CanvasStore): { session: CompareSession; comparison: Comparison | null } {
  const session = useMemo(() => new CompareSession(store.model, store.decorations), [store]);
  useEffect(() => () => session.destroy(), [session]);
  const comparison = useSyncExternalStore(session.subscribe, session.get);
  return { session, comparison };
}
