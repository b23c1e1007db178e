import { describe, expect, it } from 'vitest';
import { SKIP_WAITING_MESSAGE } from './registerServiceWorker';
import { isLivePath, precacheList, SHELL_URL, SKIP_WAITING, strategyFor } from './swPolicy';

const ORIGIN = 'https://kaart.example.be';
const PRECACHED = new Set(['/', '/index.html', '/assets/index-abc.js']);
const get = (path: string, mode = 'cors') => ({ method: 'GET', mode, url: `${ORIGIN}${path}` });

describe('service worker policy', () => {
  it('serves navigations network-first with the cached shell as fallback', () => {
    expect(strategyFor(get('/', 'navigate'), ORIGIN, PRECACHED)).toBe('shell');
    expect(strategyFor(get('/kaart/abc?x=1', 'navigate'), ORIGIN, PRECACHED)).toBe('shell');
  });

  it('serves hashed build assets cache-first, also ones not in this build', () => {
    expect(strategyFor(get('/assets/index-abc.js'), ORIGIN, PRECACHED)).toBe('cacheFirst');
    expect(strategyFor(get('/assets/index-new.css'), ORIGIN, PRECACHED)).toBe('cacheFirst');
  });

  it('never caches the live endpoints, not even as a navigation', () => {
    for (const path of [
      '/api/maps',
      '/api/maps/x/keys',
      '/sync/abc?key=k',
      '/sync',
      '/healthz',
      '/metrics',
    ]) {
      expect(isLivePath(new URL(path, ORIGIN).pathname)).toBe(true);
      expect(strategyFor(get(path), ORIGIN, PRECACHED)).toBe('bypass');
      expect(strategyFor(get(path, 'navigate'), ORIGIN, PRECACHED)).toBe('bypass');
    }
    expect(isLivePath('/synchronisatie')).toBe(false);
    expect(isLivePath('/apis')).toBe(false);
  });

  it('leaves other methods, other origins and unknown files to the network', () => {
    expect(strategyFor({ ...get('/assets/index-abc.js'), method: 'POST' }, ORIGIN, PRECACHED)).toBe('bypass');
    expect(strategyFor(get('/assets/x.js'), 'https://elders.example', PRECACHED)).toBe('bypass');
    expect(strategyFor(get('/favicon.ico'), ORIGIN, PRECACHED)).toBe('bypass');
  });

  it('precaches the shell and every emitted file except source maps and the worker', () => {
    expect(
      precacheList(
        [
          'index.html',
          'sw.js',
          'sw.js.map',
          'assets/index-abc.js',
          'assets/index-abc.js.map',
          'assets/x.css',
          'icon.svg',
        ],
        'sw.js',
      ),
    ).toEqual(['/', '/assets/index-abc.js', '/assets/x.css', '/icon.svg', SHELL_URL]);
  });

  it('uses the same skip-waiting message on both sides', () => {
    expect(SKIP_WAITING_MESSAGE).toBe(SKIP_WAITING);
  });
});
