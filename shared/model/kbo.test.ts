import { describe, expect, it } from 'vitest';
import { formatKbo, isValidKbo, normaliseKbo } from './kbo';

describe('KBO number', () => {
  it.each([
    ['0123.456.749', '0123456749'],
    ['0123456749', '0123456749'],
    ['BE 0123.456.749', '0123456749'],
    ['be0123456749', '0123456749'],
    ['BE-0123-456-749', '0123456749'],
    ['0123 456 749', '0123456749'],
    ['0123/456/749', '0123456749'],
    ['123.456.749', '0123456749'],
    ['123456749', '0123456749'],
    ['0203.201.340', '0203201340'],
    ['1001.002.003', null],
  ])('reads %s in any common notation', (input, expected) => {
    const result = normaliseKbo(input);
    if (expected === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, value: expected });
  });

  it('accepts enterprise numbers starting with 1 (issued since 2023)', () => {
    // 1000.000.0xx: 97 − (10000000 mod 97) = 97 − 76 = 21.
    expect(normaliseKbo('1000.000.021')).toEqual({ ok: true, value: '1000000021' });
  });

  it('refuses a number whose check digits do not match', () => {
    expect(normaliseKbo('0123.456.748')).toEqual({ ok: false, reason: 'checksum' });
    expect(normaliseKbo('0123.456.794')).toEqual({ ok: false, reason: 'checksum' });
    expect(isValidKbo('0203.201.341')).toBe(false);
  });

  it('refuses an establishment unit number (starts with 2 to 8), which names a site, not the organisation', () => {
    // 2.000.000.0xx: 97 − (20000000 mod 97) = 97 − 55 = 42.
    expect(normaliseKbo('2.000.000.042')).toEqual({ ok: false, reason: 'establishment' });
  });

  it('refuses what is not ten digits', () => {
    for (const input of ['', '0123.456.74', '01234567490', 'BE', 'abc', '0123.456.7a9', 'NL0123456749']) {
      expect(normaliseKbo(input)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('shows a stored number as 0123.456.749 and leaves anything else as it is', () => {
    expect(formatKbo('0123456749')).toBe('0123.456.749');
    expect(formatKbo('')).toBe('');
    expect(formatKbo('12345')).toBe('12345');
  });
});
