import { describe, expect, it } from 'vitest';
import { ACCESSIBILITY_HASH, parseRoute, parseShareLink, shareLink } from './route';

const id = 'abcdefghijklmnopqrstuv';

describe('routes', () => {
  it('keeps keys in the fragment and round-trips share links', () => {
    const link = shareLink('https://kaart.example', id, 'k'.repeat(22), 'view');
    expect(new URL(link).search).toBe('');
    expect(parseShareLink(link)).toEqual({ name: 'join', id, key: 'k'.repeat(22), mode: 'view' });
    expect(parseRoute(`#/kaart/${id}`)).toEqual({ name: 'map', id });
    expect(parseRoute('#/kaart/../../etc')).toEqual({ name: 'home' });
    expect(parseShareLink('https://example.org/no-fragment')).toBeNull();
  });

  it('opens the accessibility statement at its own address', () => {
    expect(parseRoute(ACCESSIBILITY_HASH)).toEqual({ name: 'accessibility' });
    expect(parseRoute('#/toegankelijkheid/extra')).toEqual({ name: 'home' });
  });
});
