import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Conversation } from '../../../../../shared/model/conversation/Conversation';
import {
  endWerkvorm,
  goToStep,
  pauseWerkvorm,
  resumeWerkvorm,
  startWerkvorm,
  type WerkvormSession,
} from '../../../../../shared/model/conversation/werkvormSession';
import { stepView, type WerkvormStepView } from './werkvormSteps';

export interface Werkvorm {
  /** The session as the conversation doc holds it (anyone's last write), or null. */
  readonly session: WerkvormSession | null;
  /** The current step's views, when a session runs or is paused. */
  readonly step: WerkvormStepView | null;
  /** This device leads (edit link): only then do the actions below write. */
  readonly leads: boolean;
  start(): void;
  go(step: number): void;
  pause(): void;
  resume(): void;
  finish(): void;
  /** Clears the session after the end (the facilitator's "Werkvorm sluiten"). */
  close(): void;
}

/** A stable snapshot for useSyncExternalStore: the session as text. */
const sessionKey = (conversation: Conversation): string => JSON.stringify(conversation.werkvorm());

/** The map's Werkvorm session, live for everyone, with the facilitator's actions. */
export function useWerkvorm(conversation: Conversation, by: string): Werkvorm {
  const key = useSyncExternalStore(
    (listener) => conversation.onWerkvormChange(listener),
    () => sessionKey(conversation),
  );
  const session = useMemo(() => JSON.parse(key) as WerkvormSession | null, [key]);
  const leads = conversation.leadsWerkvorm();
  return useMemo(() => {
    const write = (next: (s: WerkvormSession, now: number) => WerkvormSession) => {
      const current = conversation.werkvorm();
      if (current && leads) conversation.setWerkvorm(next(current, Date.now()));
    };
    return {
      session,
      step: session && session.state !== 'ended' ? stepView(session.step) : null,
      leads,
      start: () => leads && conversation.setWerkvorm(startWerkvorm(by, Date.now())),
      go: (step) => write((s, now) => goToStep(s, step, by, now)),
      pause: () => write((s, now) => pauseWerkvorm(s, by, now)),
      resume: () => write((s, now) => resumeWerkvorm(s, by, now)),
      finish: () => write((s, now) => endWerkvorm(s, by, now)),
      close: () => leads && conversation.setWerkvorm(null),
    };
  }, [conversation, session, leads, by]);
}

/**
 * Shows the step on this device whenever the session moves to another step or (re)starts: every
 * participant's view switches with the facilitator's. Between two moves the device may look
 * elsewhere; "Terug naar de stap" calls `show` again.
 */
export function useFollowStep(werkvorm: Werkvorm, show: (step: WerkvormStepView) => void): void {
  const shown = useRef<string | null>(null);
  const { session, step } = werkvorm;
  const moment = session && step ? `${session.startedAt}:${session.step}:${session.state}` : null;
  useEffect(() => {
    if (moment === shown.current) return;
    shown.current = moment;
    if (step && session?.state === 'running') show(step);
  }, [moment, step, session, show]);
}
