import { describe, expect, it } from 'vitest';
import { closedAfterEach } from './helpers';

// The hook runs between the tests: the first registers, the second sees what was closed.
const closed: string[] = [];
const closing = closedAfterEach();
const resource = (name: string) => ({
  close: async () => {
    closed.push(name);
  },
});

describe('closedAfterEach', () => {
  it('answers the resource it registers', () => {
    const store = resource('store');
    expect(closing(store)).toBe(store);
    closing(resource('server'));
    closing(store);
    expect(closed).toEqual([]);
  });

  it('closed the last test’s resources after it, last registered first, each once', () => {
    expect(closed).toEqual(['server', 'store']);
  });
});
