import { describe, expect, it } from 'vitest';
import { formatDate, isIsoDay } from './formatDate';
import { formatMessage } from './formatMessage';
import { translator } from './translate';

describe('formatMessage', () => {
  it('fills placeholders and leaves an unknown one visible', () => {
    expect(formatMessage('{a} en {b}', { a: 'Ann' }, 'nl')).toBe('Ann en {b}');
    expect(formatMessage('zonder', undefined, 'nl')).toBe('zonder');
  });

  it('picks the plural form with Intl.PluralRules', () => {
    const plural = { one: '1 actor', other: '{count} actoren' };
    expect(formatMessage(plural, { count: 1 }, 'nl')).toBe('1 actor');
    expect(formatMessage(plural, { count: 0 }, 'nl')).toBe('0 actoren');
    expect(formatMessage(plural, { count: 3 }, 'nl')).toBe('3 actoren');
    expect(formatMessage(plural, {}, 'nl')).toBe('{count} actoren');
  });

  it('writes numbers as the locale does when asked, and digits as they are otherwise', () => {
    expect(formatMessage('{size, number} MB', { size: 1.1 }, 'nl')).toBe('1,1 MB');
    expect(formatMessage('{size, number} MB', { size: 1.1 }, 'en')).toBe('1.1 MB');
    expect(formatMessage('{count, number} rijen', { count: 12000 }, 'nl')).toBe('12.000 rijen');
    expect(formatMessage('rij {row}', { row: 12000 }, 'nl')).toBe('rij 12000');
  });

  it('writes dates in the locale’s words, a calendar day without shifting it', () => {
    expect(formatMessage('op {due, date}', { due: '2024-05-31' }, 'nl')).toBe('op 31 mei 2024');
    expect(formatMessage('on {due, date}', { due: '2024-05-31' }, 'en')).toBe('on 31 May 2024');
    expect(formatMessage('{d, date, medium}', { d: '2024-03-12' }, 'nl')).toBe('12 mrt 2024');
    expect(formatDate(Date.UTC(2024, 2, 12, 9), 'nl', 'long', 'Europe/Brussels')).toBe('12 maart 2024');
    expect(formatDate(Date.UTC(2024, 2, 12, 9), 'en', 'dayMonth', 'Europe/Brussels')).toBe('12 March');
    expect(formatDate('morgen', 'nl')).toBe('morgen');
    expect(isIsoDay('2024-02-30')).toBe(false);
  });
});

describe('the Dutch texts the issue named', () => {
  const t = translator('nl');
  it('count in the singular for one', () => {
    expect(t('metrics.degreeValue', { count: 1 })).toBe('1 actor');
    expect(t('metrics.degreeValue', { count: 3 })).toBe('3 actoren');
    expect(t('route.breaks', { count: 1 })).toBe('Op 1 plaats breekt de route.');
    expect(t('route.breaks', { count: 2 })).toBe('Op 2 plaatsen breekt de route.');
    expect(t('analysis.count', { count: 1 })).toBe('1 aandachtspunt');
  });

  it('say "Nieuw" before a neuter noun', () => {
    expect(t('canvas.newActor.collaboration')).toBe('Nieuw samenwerkingsverband');
    expect(t('canvas.newActor.handover')).toBe('Nieuw overdrachtspunt');
    expect(t('canvas.newActor.service')).toBe('Nieuwe dienst');
  });

  it('show a due date in words, not as ISO', () => {
    const text = translator('nl')('finding.noteFollowUp.overdue.gap', { note: 'Tolk', due: '2024-05-31' });
    expect(text).toContain('op 31 mei 2024');
    expect(text).not.toContain('2024-05-31');
  });
});
