import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdateShape } from '../docShape';
import { CONVERSATION_ROOTS, conversationLayoutOf } from '../layout';
import { Conversation, WerkvormLeadError } from './Conversation';
import {
  endWerkvorm,
  goToStep,
  isLastStep,
  parseWerkvormSession,
  pauseWerkvorm,
  resumeWerkvorm,
  startWerkvorm,
  WERKVORM_SESSION_KEY,
} from './werkvormSession';

/** A facilitator's and a participant's copy of one conversation doc, synced both ways. */
function room(): { lead: Conversation; participant: Conversation } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u, 'remote'));
  return {
    lead: new Conversation(a, { canLead: () => true }),
    participant: new Conversation(b, { canLead: () => false }),
  };
}

describe('Werkvorm session in the conversation doc', () => {
  it('the participant reads every step the facilitator moves to, in order', () => {
    const { lead, participant } = room();
    expect(participant.werkvorm()).toBeNull();
    let session = startWerkvorm('Els', 1000);
    lead.setWerkvorm(session);
    const seen = [participant.werkvorm()!.step];
    for (let i = 1; i < 4; i++) {
      session = goToStep(session, session.step + 1, 'Els', 1000 + i);
      lead.setWerkvorm(session);
      seen.push(participant.werkvorm()!.step);
    }
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(isLastStep(participant.werkvorm()!)).toBe(true);
    expect(participant.werkvorm()).toEqual({
      state: 'running',
      step: 3,
      startedAt: 1000,
      changedAt: 1003,
      by: 'Els',
    });
  });

  it('refuses a participant who changes the step, and writes nothing', () => {
    const { lead, participant } = room();
    lead.setWerkvorm(startWerkvorm('Els', 1000));
    const before = Y.encodeStateVector(participant.doc);
    const current = participant.werkvorm()!;
    expect(() => participant.setWerkvorm(goToStep(current, 2, 'Ahmed', 2000))).toThrow(WerkvormLeadError);
    expect(() => participant.setWerkvorm(null)).toThrow(WerkvormLeadError);
    expect(Y.encodeStateVector(participant.doc)).toEqual(before);
    expect(lead.werkvorm()!.step).toBe(0);
    expect(participant.leadsWerkvorm()).toBe(false);
  });

  it('asks who leads on every write, so a map shared later starts leading without a new model', () => {
    let shared = 'participate';
    const conversation = new Conversation(new Y.Doc(), { canLead: () => shared === 'edit' });
    expect(() => conversation.setWerkvorm(startWerkvorm('Els', 1))).toThrow(WerkvormLeadError);
    shared = 'edit';
    conversation.setWerkvorm(startWerkvorm('Els', 1));
    expect(conversation.werkvorm()?.state).toBe('running');
  });

  it('a paused session survives being stored and read back another day, at the same step', () => {
    const { lead } = room();
    let session = startWerkvorm('Els', 1000);
    session = pauseWerkvorm(goToStep(session, 2, 'Els', 2000), 'Els', 3000);
    lead.setWerkvorm(session);
    const stored = Y.encodeStateAsUpdate(lead.doc);
    const tomorrow = new Y.Doc();
    Y.applyUpdate(tomorrow, stored);
    const reopened = new Conversation(tomorrow);
    expect(reopened.werkvorm()).toEqual({
      state: 'paused',
      step: 2,
      startedAt: 1000,
      changedAt: 3000,
      by: 'Els',
    });
    expect(resumeWerkvorm(reopened.werkvorm()!, 'Ahmed', 90_000_000)).toMatchObject({
      state: 'running',
      step: 2,
    });
  });

  it('tells a listener about Werkvorm changes only, not about comments', () => {
    const { lead, participant } = room();
    let calls = 0;
    const stop = participant.onWerkvormChange(() => calls++);
    lead.startThread(
      { kind: 'free', id: '', at: { x: 0, y: 0 } },
      { id: 'a', name: 'Els', colour: '' },
      'vraag',
      1,
    );
    expect(calls).toBe(0);
    lead.setWerkvorm(startWerkvorm('Els', 1));
    expect(calls).toBe(1);
    stop();
    lead.setWerkvorm(null);
    expect(calls).toBe(1);
    expect(participant.werkvorm()).toBeNull();
  });

  it('writes only what the conversation shape allows', () => {
    const { lead } = room();
    lead.setWerkvorm(endWerkvorm(startWerkvorm('Els', 1), 'Els', 2));
    expect(checkUpdateShape(Y.encodeStateAsUpdate(lead.doc), null, undefined, CONVERSATION_ROOTS).ok).toBe(
      true,
    );
  });

  it('reads a hostile value as no session or clamps it, never throwing', () => {
    const doc = new Y.Doc();
    const { werkvorm } = conversationLayoutOf(doc);
    const conversation = new Conversation(doc);
    const put = (value: unknown) => werkvorm.set(WERKVORM_SESSION_KEY, value);
    put({ state: 'running', step: 99, startedAt: 1, changedAt: 2, by: 'x'.repeat(500) });
    expect(conversation.werkvorm()).toMatchObject({ step: 3 });
    expect(conversation.werkvorm()!.by).toHaveLength(60);
    for (const bad of [
      42,
      'running',
      { state: 'dancing', step: 0, startedAt: 1, changedAt: 1 },
      { state: 'running', step: 1.5, startedAt: 1, changedAt: 1 },
      { state: 'paused', step: 0, startedAt: -1, changedAt: 1 },
    ]) {
      put(bad);
      expect(conversation.werkvorm()).toBeNull();
    }
    expect(parseWerkvormSession(null)).toBeNull();
  });

  it('moves only within the four steps, and pausing or resuming twice changes nothing', () => {
    const started = startWerkvorm('Els', 1);
    expect(goToStep(started, -3, 'Els', 2).step).toBe(0);
    expect(goToStep(started, 7, 'Els', 2).step).toBe(3);
    const paused = pauseWerkvorm(started, 'Els', 3);
    expect(pauseWerkvorm(paused, 'Ahmed', 4)).toBe(paused);
    expect(goToStep(paused, 1, 'Els', 5).state).toBe('paused');
    const ended = endWerkvorm(started, 'Els', 6);
    expect(resumeWerkvorm(ended, 'Els', 7)).toBe(ended);
  });
});
