import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../replicas';
import { addMinute, parseTimer, pauseTimer, resumeTimer, startTimer, timeLeft } from './timer';

describe('the workshop timer', () => {
  it('counts down in server time: start, pause, resume, +1 minute', () => {
    const started = startTimer(10 * 60_000, 1_000_000);
    expect(timeLeft(started, 1_000_000 + 60_000)).toBe(9 * 60_000);
    const paused = pauseTimer(started, 1_000_000 + 120_000);
    expect(timeLeft(paused, 9_999_999_999)).toBe(8 * 60_000);
    const resumed = resumeTimer(paused, 5_000_000);
    expect(timeLeft(resumed, 5_000_000 + 60_000)).toBe(7 * 60_000);
    expect(timeLeft(addMinute(resumed, 5_000_000), 5_000_000)).toBe(9 * 60_000);
    expect(timeLeft(resumed, 99_000_000)).toBe(0);
    expect(timeLeft(addMinute(resumed, 99_000_000), 99_000_000)).toBe(60_000);
  });

  it('reads a broken stored value as no timer', () => {
    expect(parseTimer({ state: 'running', durationMs: 1000 })).toBeNull();
    expect(parseTimer({ state: 'ticking', durationMs: 1000, endsAt: 5 })).toBeNull();
    expect(parseTimer('10:00')).toBeNull();
  });

  it('is stored in the map outside its undo history', () => {
    const map = inMemoryMap({ title: 'Timer' });
    const undo = map.createUndoManager();
    map.setMeta({ title: 'Workshop' });
    undo.stopCapturing();
    map.setTimer(startTimer(60_000, 1000));
    undo.undo();
    expect(map.getMeta().title).toBe('Timer');
    expect(map.getTimer()).toEqual({ state: 'running', durationMs: 60_000, endsAt: 61_000 });
    map.setTimer(null);
    expect(map.getTimer()).toBeNull();
  });
});
