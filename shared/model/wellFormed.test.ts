import { describe, expect, it } from 'vitest';
import { wellFormed } from './wellFormed';

describe('wellFormed', () => {
  it('replaces a lone high or low surrogate with U+FFFD', () => {
    expect(wellFormed('a\uD83Db')).toBe('a\uFFFDb');
    expect(wellFormed('a\uDE00b')).toBe('a\uFFFDb');
    expect(wellFormed('end\uD83D')).toBe('end\uFFFD');
  });

  it('keeps surrogate pairs and plain text as they are', () => {
    expect(wellFormed('café 😀 ok')).toBe('café 😀 ok');
    expect(wellFormed('')).toBe('');
  });
});
