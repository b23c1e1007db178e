import { describe, expect, it } from 'vitest';
import { type AnnouncerClock, ThrottledAnnouncer } from './ThrottledAnnouncer';

/** A clock that moves only when told to, running due timers in order. */
function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const clock: AnnouncerClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > until) break;
      timers.shift();
      now = due.at;
      due.fn();
    }
    now = until;
  };
  return { clock, advance };
}

function setup() {
  const { clock, advance } = manualClock();
  const said: string[] = [];
  const announcer = new ThrottledAnnouncer(
    (text) => said.push(text),
    (by, count) => `${by}: ${count}`,
    { intervalMs: 3000, repeatMs: 30_000, clock },
  );
  return { announcer, said, advance };
}

const change = (by: string, label: string, op = 'add') => ({
  by,
  text: `${by} heeft ‘${label}’ ${op}`,
  key: `${by}|${op}|${label}`,
});

describe('announcing other people’s changes', () => {
  it('say the first change after a quiet spell at once', () => {
    const { announcer, said } = setup();
    announcer.push(change('Karim', 'VDAB'));
    expect(said).toEqual(['Karim heeft ‘VDAB’ add']);
  });

  it('say at most one sentence per interval, several changes meanwhile as a count per person', () => {
    const { announcer, said, advance } = setup();
    announcer.push(change('Karim', 'VDAB'));
    announcer.push(change('Karim', 'CLB'));
    announcer.push(change('Ann', 'OCMW'));
    announcer.push(change('Karim', 'Bib'));
    expect(said).toHaveLength(1);
    advance(2999);
    expect(said).toHaveLength(1);
    advance(1);
    expect(said).toEqual(['Karim heeft ‘VDAB’ add', 'Karim: 2. Ann: 1']);
    advance(10_000);
    expect(said).toHaveLength(2);
  });

  it('say a single change queued during the interval as itself, and start at once again after quiet', () => {
    const { announcer, said, advance } = setup();
    announcer.push(change('Karim', 'VDAB'));
    advance(1000);
    announcer.push(change('Ann', 'CLB'));
    advance(2000);
    expect(said).toEqual(['Karim heeft ‘VDAB’ add', 'Ann heeft ‘CLB’ add']);
    advance(10_000);
    announcer.push(change('Ann', 'Bib'));
    expect(said.at(-1)).toBe('Ann heeft ‘Bib’ add');
  });

  it('drop a repeat of the same change within the repeat window (a peer typing a name)', () => {
    const { announcer, said, advance } = setup();
    const typing = (label: string) => ({
      by: 'Karim',
      text: `Karim wijzigde ${label}`,
      key: 'Karim|update|a1',
    });
    announcer.push(typing('V'));
    announcer.push(typing('VD'));
    advance(3000);
    announcer.push(typing('VDAB'));
    advance(20_000);
    expect(said).toEqual(['Karim wijzigde V']);
    advance(10_000);
    announcer.push(typing('VDAB Gent'));
    expect(said).toEqual(['Karim wijzigde V', 'Karim wijzigde VDAB Gent']);
  });

  it('say nothing of what was queued once cleared', () => {
    const { announcer, said, advance } = setup();
    announcer.push(change('Karim', 'VDAB'));
    announcer.push(change('Karim', 'CLB'));
    announcer.clear();
    advance(5000);
    expect(said).toEqual(['Karim heeft ‘VDAB’ add']);
  });
});
