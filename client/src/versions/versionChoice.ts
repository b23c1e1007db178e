import { formatDate, formatMessage, type Locale } from '../../../shared/i18n';
import type { VersionInfo } from '../../../shared/model/types';
import { calendarDay, DEFAULT_TIME_ZONE } from '../../../shared/versions';

/**
 * "Vergelijken met de stand van <datum>": the latest version kept on or before that calendar day
 * (in the map's time zone), i.e. the map as it stood at the end of that day as far as versions
 * know. `day` is an ISO date (YYYY-MM-DD, what a date input gives). Null when no version is that old.
 */
export function versionAtOrBefore(
  versions: readonly VersionInfo[],
  day: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): VersionInfo | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  let best: VersionInfo | null = null;
  for (const v of versions) {
    if (calendarDay(v.createdAt, timeZone) > day) continue;
    if (!best || v.createdAt > best.createdAt || (v.createdAt === best.createdAt && v.id > best.id)) best = v;
  }
  return best;
}

/** Versions newest first, for the list. */
export function newestFirst(versions: readonly VersionInfo[]): VersionInfo[] {
  return [...versions].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * A name to start from, e.g. "Na workshop 3 — 12 maart": the workshop number is one more than the
 * named (not automatic) versions so far. `template` holds {number} and {date}.
 */
export function suggestVersionName(
  versions: readonly VersionInfo[],
  now: number,
  template: string,
  locale: Locale,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const number = versions.filter((v) => !v.auto).length + 1;
  const date = formatDate(now, locale, 'dayMonth', timeZone);
  return formatMessage(template, { number, date }, locale);
}
