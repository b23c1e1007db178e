import { describe, expect, it } from 'vitest';
import { chooseShareBase, isLoopbackHost, parseShareBaseInfo } from './shareBase';

describe('the base of share links', () => {
  it('is PUBLIC_URL whenever the server has one', () => {
    const info = { publicUrl: 'https://kaart.asse.be', lanUrls: [] };
    expect(chooseShareBase('http://localhost:8091', info)).toEqual({
      kind: 'public',
      base: 'https://kaart.asse.be',
    });
  });

  it('is the page’s own origin when that is an address others can reach', () => {
    expect(chooseShareBase('http://192.168.1.20:8091', { publicUrl: null, lanUrls: [] })).toEqual({
      kind: 'origin',
      base: 'http://192.168.1.20:8091',
    });
  });

  it('warns for a loopback page and offers the server’s network addresses', () => {
    const info = { publicUrl: null, lanUrls: ['http://127.0.0.1:8091', 'http://192.168.1.20:8091'] };
    expect(chooseShareBase('http://127.0.0.1:8091', info)).toEqual({
      kind: 'loopback',
      base: 'http://192.168.1.20:8091',
      alternatives: ['http://192.168.1.20:8091'],
    });
    expect(chooseShareBase('http://localhost:8091', null)).toEqual({
      kind: 'loopback',
      base: 'http://localhost:8091',
      alternatives: [],
    });
  });

  it('knows loopback hosts', () => {
    for (const host of [
      'localhost',
      'LOCALHOST',
      'kaart.localhost',
      '127.0.0.1',
      '127.1.2.3',
      '[::1]',
      '::1',
    ])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['192.168.1.20', 'kaart.asse.be', '10.0.0.1', 'localhost.be', '[fe80::1]'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('keeps only http(s) bases from the server’s answer', () => {
    expect(
      parseShareBaseInfo({
        publicUrl: 'javascript:alert(1)',
        lanUrls: ['http://10.0.0.5:8091/', 'ftp://x', 42, 'https://kaart.be/sub/'],
      }),
    ).toEqual({ publicUrl: null, lanUrls: ['http://10.0.0.5:8091', 'https://kaart.be/sub'] });
    expect(parseShareBaseInfo('nope')).toBeNull();
  });
});
