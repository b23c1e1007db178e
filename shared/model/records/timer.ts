/**
 * The workshop timer ("Timer"), a plain value under `timer` in the meta root. It holds moments on
 * the **server's clock**, never a counter that ticks: every device computes the time left from its
 * own clock plus its measured offset to the server's, so everyone sees the same time left even when
 * a laptop's clock is minutes off, and a running timer writes nothing while it runs.
 *
 * - running: `endsAt` is the server time it reaches zero;
 * - paused: `remainingMs` is what was left when it was paused.
 * Only edit keys write the map doc, so only a facilitator (edit link) can start, pause or stop it.
 */
export type WorkshopTimer =
  | { readonly state: 'running'; readonly durationMs: number; readonly endsAt: number }
  | { readonly state: 'paused'; readonly durationMs: number; readonly remainingMs: number };

export const TIMER_KEY = 'timer';
/** Longest countdown: a whole workshop day. */
export const MAX_TIMER_MS = 12 * 3600_000;

const ms = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

export function parseTimer(value: unknown): WorkshopTimer | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const durationMs = ms(v.durationMs);
  if (durationMs === null || durationMs > MAX_TIMER_MS) return null;
  if (v.state === 'running') {
    const endsAt = ms(v.endsAt);
    return endsAt === null ? null : { state: 'running', durationMs, endsAt };
  }
  if (v.state === 'paused') {
    const remainingMs = ms(v.remainingMs);
    return remainingMs === null
      ? null
      : { state: 'paused', durationMs, remainingMs: Math.min(remainingMs, MAX_TIMER_MS) };
  }
  return null;
}

/** Time left at server time `now`, never below zero. */
export function timeLeft(timer: WorkshopTimer, now: number): number {
  return timer.state === 'paused' ? timer.remainingMs : Math.max(0, timer.endsAt - now);
}

export function startTimer(durationMs: number, now: number): WorkshopTimer {
  const d = Math.min(MAX_TIMER_MS, Math.max(1000, Math.round(durationMs)));
  return { state: 'running', durationMs: d, endsAt: now + d };
}

export function pauseTimer(timer: WorkshopTimer, now: number): WorkshopTimer {
  return timer.state === 'paused'
    ? timer
    : { state: 'paused', durationMs: timer.durationMs, remainingMs: timeLeft(timer, now) };
}

export function resumeTimer(timer: WorkshopTimer, now: number): WorkshopTimer {
  return timer.state === 'running'
    ? timer
    : { state: 'running', durationMs: timer.durationMs, endsAt: now + timer.remainingMs };
}

/** +1 minute: on the time left (a timer at zero starts a last minute). */
export function addMinute(timer: WorkshopTimer, now: number): WorkshopTimer {
  const left = Math.min(MAX_TIMER_MS, timeLeft(timer, now) + 60_000);
  const durationMs = Math.min(MAX_TIMER_MS, timer.durationMs + 60_000);
  return timer.state === 'paused'
    ? { state: 'paused', durationMs, remainingMs: left }
    : { state: 'running', durationMs, endsAt: now + left };
}
