import { LOCALE_TAGS, type Locale } from './locale';

export interface RelativeTime {
  readonly value: number;
  readonly unit: 'second' | 'minute' | 'hour' | 'day' | 'week';
}

/** How long ago `at` was, seen from `now`, in the largest unit that fits (negative: in the past). */
export function relativeTime(at: number, now: number): RelativeTime {
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return { value: seconds, unit: 'second' };
  if (abs < 3600) return { value: Math.trunc(seconds / 60), unit: 'minute' };
  if (abs < 86_400) return { value: Math.trunc(seconds / 3600), unit: 'hour' };
  if (abs < 7 * 86_400) return { value: Math.trunc(seconds / 86_400), unit: 'day' };
  return { value: Math.trunc(seconds / (7 * 86_400)), unit: 'week' };
}

/** "zojuist", "5 minuten geleden", "gisteren": Intl's own words for the locale. */
export function formatRelativeTime(at: number, now: number, locale: Locale): string {
  const { value, unit } = relativeTime(at, now);
  const rtf = new Intl.RelativeTimeFormat(LOCALE_TAGS[locale], { numeric: 'auto' });
  return unit === 'second' && Math.abs(value) < 45 ? rtf.format(0, 'second') : rtf.format(value, unit);
}
