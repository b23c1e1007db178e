import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import { hasChange } from '../../../../../shared/model/changeFeed';
import { timeLeft, type WorkshopTimer } from '../../../../../shared/model/records/timer';
import { ServerClock } from '../../../sync/serverClock';

/** How often the offset to the server's clock is measured again while a map is open. */
const REMEASURE_MS = 10 * 60_000;

export interface TimerView {
  readonly timer: WorkshopTimer | null;
  /** Time left now, in ms (0 when no timer). */
  readonly left: number;
  /** The server's clock, for writing a timer. */
  readonly clock: ServerClock;
}

/** The map's timer with the time left, ticking locally on the server's clock. */
export function useWorkshopTimer(model: ChainMap, serverUrl: string): TimerView {
  const clock = useMemo(() => new ServerClock(serverUrl), [serverUrl]);
  useEffect(() => {
    void clock.measure();
    const again = setInterval(() => void clock.measure(), REMEASURE_MS);
    const online = () => void clock.measure();
    window.addEventListener('online', online);
    return () => {
      clearInterval(again);
      window.removeEventListener('online', online);
    };
  }, [clock]);
  const timer = useSyncExternalStore(
    (listener) => model.onChange((changes) => hasChange(changes, 'meta') && listener()),
    () => timerKey(model.getTimer()),
  );
  const parsed = useMemo(() => (timer ? (JSON.parse(timer) as WorkshopTimer) : null), [timer]);
  const [now, setNow] = useState(clock.now);
  useSyncExternalStore(
    (l) => clock.subscribe(l),
    () => clock.getOffset(),
  );
  useEffect(() => {
    if (parsed?.state !== 'running') return;
    const tick = setInterval(() => setNow(clock.now()), 250);
    setNow(clock.now());
    return () => clearInterval(tick);
  }, [parsed, clock]);
  return { timer: parsed, left: parsed ? timeLeft(parsed, parsed.state === 'running' ? now : 0) : 0, clock };
}

/** A stable snapshot for useSyncExternalStore: the timer as text. */
const timerKey = (timer: WorkshopTimer | null): string => (timer ? JSON.stringify(timer) : '');

/** mm:ss (or h:mm:ss), rounded up so it shows 0:00 only at zero. */
export function formatLeft(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
