import { describe, expect, it } from 'vitest';
import type { VersionInfo } from '../../../shared/model/types';
import { newestFirst, suggestVersionName, versionAtOrBefore } from './versionChoice';

const at = (iso: string) => Date.parse(iso);
const version = (id: string, iso: string, auto = false): VersionInfo => ({
  id,
  name: auto ? '' : id,
  author: 'Ann',
  createdAt: at(iso),
  auto,
});

const VERSIONS = [
  version('w1', '2025-03-05T09:00:00Z'),
  version('auto-2025-03-12', '2025-03-12T08:00:00Z', true),
  version('w2', '2025-03-12T15:00:00Z'),
  version('w3', '2025-04-02T10:00:00Z'),
];

describe('choosing the version for the start of a date range', () => {
  it('takes the latest version kept on that day', () => {
    expect(versionAtOrBefore(VERSIONS, '2025-03-12')?.id).toBe('w2');
  });

  it('takes the latest earlier version when none was kept on that day', () => {
    expect(versionAtOrBefore(VERSIONS, '2025-03-20')?.id).toBe('w2');
    expect(versionAtOrBefore(VERSIONS, '2025-03-11')?.id).toBe('w1');
  });

  it('gives nothing for a day before the first version, or an invalid date', () => {
    expect(versionAtOrBefore(VERSIONS, '2025-03-04')).toBeNull();
    expect(versionAtOrBefore(VERSIONS, '')).toBeNull();
  });

  it('counts days in the map’s time zone: 23:30 UTC on 4 March is 5 March in Brussels', () => {
    const late = [version('late', '2025-03-04T23:30:00Z')];
    expect(versionAtOrBefore(late, '2025-03-04')).toBeNull();
    expect(versionAtOrBefore(late, '2025-03-05')?.id).toBe('late');
  });
});

describe('the versions list and the suggested name', () => {
  it('lists the newest version first', () => {
    expect(newestFirst(VERSIONS).map((v) => v.id)).toEqual(['w3', 'w2', 'auto-2025-03-12', 'w1']);
  });

  it('suggests the next workshop number, counting named versions only, with the date in Dutch', () => {
    expect(
      suggestVersionName(VERSIONS, at('2025-03-12T15:00:00Z'), 'Na workshop {number} — {date}', 'nl'),
    ).toBe('Na workshop 4 — 12 maart');
    expect(suggestVersionName([], at('2025-03-12T15:00:00Z'), 'After workshop {number} — {date}', 'en')).toBe(
      'After workshop 1 — 12 March',
    );
  });
});
