import { useEffect, useState } from 'react';
import type { LocalMapStore, MapRecord } from '../../persistence/LocalMapStore';

/** The registry, re-read whenever the store reports a change. */
export function useMapList(store: LocalMapStore): { maps: MapRecord[]; loaded: boolean; error: unknown } {
  const [state, setState] = useState<{ maps: MapRecord[]; loaded: boolean; error: unknown }>({
    maps: [],
    loaded: false,
    error: null,
  });
  useEffect(() => {
    let alive = true;
    const load = () =>
      store.list().then(
        (maps) => alive && setState({ maps, loaded: true, error: null }),
        (error: unknown) => alive && setState({ maps: [], loaded: true, error }),
      );
    void load();
    const off = store.subscribe(() => void load());
    return () => {
      alive = false;
      off();
    };
  }, [store]);
  return state;
}
