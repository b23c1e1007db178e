import { describe, expect, it } from 'vitest';
import { SUMMARY_KEYS } from './diffSummary';
import { formatSummaryItem, VERSION_MESSAGES, versionDisplayName } from './versionText';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('version messages', () => {
  it('words every summary count in both languages with the same placeholders', () => {
    for (const key of SUMMARY_KEYS) {
      const nl = VERSION_MESSAGES.nl.summary[key];
      const en = VERSION_MESSAGES.en.summary[key];
      for (const form of ['one', 'other'] as const) {
        expect(nl[form].length, `${key}.${form}`).toBeGreaterThan(0);
        expect(placeholders(nl[form]), `${key}.${form}`).toEqual(placeholders(en[form]));
      }
    }
  });

  it('uses the singular for exactly one and the plural otherwise', () => {
    const say = (count: number) => formatSummaryItem({ key: 'actorsAdded', count, params: {} }, 'nl');
    expect(say(1)).toBe('1 actor toegevoegd');
    expect(say(3)).toBe('3 actoren toegevoegd');
    expect(formatSummaryItem({ key: 'gapsDone', count: 2, params: {} }, 'nl')).toBe('2 knelpunten opgelost');
    expect(formatSummaryItem({ key: 'phasesAdded', count: 1, params: {} }, 'en')).toBe('1 phase added');
  });

  it('names automatic and unnamed versions by their date', () => {
    const createdAt = Date.UTC(2024, 2, 12, 9);
    expect(versionDisplayName({ name: 'Na workshop 2', auto: false, createdAt }, 'nl')).toBe('Na workshop 2');
    expect(versionDisplayName({ name: '', auto: true, createdAt }, 'nl')).toBe(
      'Automatisch bewaard — 12 maart 2024',
    );
    expect(versionDisplayName({ name: ' ', auto: false, createdAt }, 'en')).toBe('Version of 12 March 2024');
  });
});
