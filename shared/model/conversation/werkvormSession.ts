/**
 * The guided four-step session ("Werkvorm"): the article's four tips run as one workshop. One plain
 * value in the conversation doc (`werkvorm` root, key `session`), written whole, so concurrent
 * writes resolve to one of them (the last the CRDT orders) and never to a mix of two.
 *
 * The step is an index into `WERKVORM_STEPS`; `paused` keeps the step, so a session paused today
 * resumes tomorrow at the same step. `ended` is kept (not deleted) so a participant who reloads
 * after the end sees that it ended rather than nothing.
 */
export const WERKVORM_STEPS = [
  'interneAnalyse',
  'gecoordineerdeAanpak',
  'lokaleRegie',
  'stapPerStap',
] as const;
export type WerkvormStepId = (typeof WERKVORM_STEPS)[number];

export type WerkvormState = 'running' | 'paused' | 'ended';
const STATES: readonly WerkvormState[] = ['running', 'paused', 'ended'];

export interface WerkvormSession {
  readonly state: WerkvormState;
  /** 0 … WERKVORM_STEPS.length - 1. */
  readonly step: number;
  /** Epoch ms the session started. */
  readonly startedAt: number;
  /** Epoch ms of the last change (step, pause, resume, end). */
  readonly changedAt: number;
  /** The name of who made the last change, for "Stap 2, gestart door Els". */
  readonly by: string;
}

export const WERKVORM_SESSION_KEY = 'session';
const LAST_STEP = WERKVORM_STEPS.length - 1;

const time = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;

/** A stored value as a session, or null. Any key holder may be hostile: nothing here throws. */
export function parseWerkvormSession(value: unknown): WerkvormSession | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const state = STATES.find((s) => s === v.state);
  const startedAt = time(v.startedAt);
  const changedAt = time(v.changedAt);
  if (!state || startedAt === null || changedAt === null) return null;
  if (typeof v.step !== 'number' || !Number.isInteger(v.step)) return null;
  return {
    state,
    step: Math.min(LAST_STEP, Math.max(0, v.step)),
    startedAt,
    changedAt,
    by: typeof v.by === 'string' ? v.by.slice(0, 60) : '',
  };
}

export function startWerkvorm(by: string, now: number): WerkvormSession {
  return { state: 'running', step: 0, startedAt: now, changedAt: now, by };
}

/** Moves to `step` (clamped to the four steps); a paused session stays paused. */
export function goToStep(session: WerkvormSession, step: number, by: string, now: number): WerkvormSession {
  const next = Math.min(LAST_STEP, Math.max(0, Math.round(step)));
  return { ...session, step: next, changedAt: now, by };
}

export function pauseWerkvorm(session: WerkvormSession, by: string, now: number): WerkvormSession {
  return session.state === 'running' ? { ...session, state: 'paused', changedAt: now, by } : session;
}

export function resumeWerkvorm(session: WerkvormSession, by: string, now: number): WerkvormSession {
  return session.state === 'ended' ? session : { ...session, state: 'running', changedAt: now, by };
}

export function endWerkvorm(session: WerkvormSession, by: string, now: number): WerkvormSession {
  return { ...session, state: 'ended', changedAt: now, by };
}

export const isLastStep = (session: WerkvormSession): boolean => session.step === LAST_STEP;
