import { afterEach, describe, expect, it, vi } from 'vitest';
import { reachableByFetch } from './reachableByFetch';

describe('reachableByFetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('allows the page’s own origin and refuses another, as the page’s CSP does', () => {
    vi.stubGlobal('location', new URL('http://127.0.0.1:8091/#/kaart/abc'));
    expect(reachableByFetch('http://127.0.0.1:8091')).toBe(true);
    expect(reachableByFetch('http://127.0.0.1:9')).toBe(false);
    expect(reachableByFetch('https://127.0.0.1:8091')).toBe(false);
  });

  it('treats every server as reachable outside a browser', () => {
    expect(reachableByFetch('http://127.0.0.1:9')).toBe(true);
  });
});
