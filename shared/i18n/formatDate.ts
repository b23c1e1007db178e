import { LOCALE_TAGS, type Locale } from './locale';

/**
 * Dates as people read them, in the locale's own words ("12 maart 2024", "12 mrt 2024 14:03"),
 * never as ISO. A date is either a moment (ms since the epoch, shown in `timeZone`, by default the
 * device's) or a calendar day `YYYY-MM-DD` (a due date: the same day everywhere, never shifted by a
 * time zone).
 */

export type DateStyle = 'long' | 'medium' | 'short' | 'dayMonth' | 'dateTime';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const OPTIONS: Readonly<Record<DateStyle, Intl.DateTimeFormatOptions>> = {
  long: { dateStyle: 'long' },
  medium: { dateStyle: 'medium' },
  short: { dateStyle: 'short' },
  dayMonth: { day: 'numeric', month: 'long' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, style: DateStyle, timeZone: string | undefined): Intl.DateTimeFormat {
  const id = `${locale}|${style}|${timeZone ?? ''}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
      ...OPTIONS[style],
      ...(timeZone ? { timeZone } : {}),
    });
    formats.set(id, format);
  }
  return format;
}

/** Whether `value` is a calendar day `YYYY-MM-DD` that exists. */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * A moment or a calendar day in words. A string that is not a valid day comes back unchanged, so a
 * hand-typed value is shown as typed rather than as "Invalid Date".
 */
export function formatDate(
  value: number | Date | string,
  locale: Locale,
  style: DateStyle = 'long',
  timeZone?: string,
): string {
  if (typeof value === 'string') {
    if (!isIsoDay(value)) return value;
    // A day is the same day in every zone: format its UTC midnight in UTC.
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const day = style === 'dateTime' ? 'medium' : style;
    return dateFormat(locale, day, 'UTC').format(new Date(Date.UTC(y, m - 1, d)));
  }
  return dateFormat(locale, style, timeZone).format(value);
}
