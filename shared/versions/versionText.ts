import { activityLines as enActivity, summary as enSummary } from '../i18n/en/versions';
import { formatDate } from '../i18n/formatDate';
import { formatMessage, type Plural } from '../i18n/formatMessage';
import type { Locale } from '../i18n/locale';
import { activityLines as nlActivity, summary as nlSummary } from '../i18n/nl/versions';
import { translator } from '../i18n/translate';
import type { ActivityEntry } from '../model/types';
import type { SummaryItem, SummaryKey } from './diffSummary';

/**
 * The versions feature in words. The texts live in the catalogues (`shared/i18n/<locale>/versions.ts`);
 * this module only picks the key and the parameters, so the server can word a summary the same way.
 */

export type ActivityMessageKey = `${ActivityEntry['op']}.${ActivityEntry['collection']}`;

export interface VersionMessages {
  readonly summary: Readonly<Record<SummaryKey, Plural>>;
  readonly activity: Readonly<Record<ActivityMessageKey, Plural>>;
}

/** The summary and activity sections of each catalogue, by their own keys. */
export const VERSION_MESSAGES: Readonly<Record<Locale, VersionMessages>> = {
  nl: { summary: nlSummary, activity: nlActivity },
  en: { summary: enSummary, activity: enActivity },
};

/** One summary item in words, e.g. "3 actoren toegevoegd". */
export function formatSummaryItem(item: SummaryItem, locale: Locale): string {
  return formatMessage(
    VERSION_MESSAGES[locale].summary[item.key],
    { ...item.params, count: item.count },
    locale,
  );
}

/** The whole summary as one line: "3 actoren toegevoegd, 2 overdrachten warm geworden, 4 quick-wins klaar". */
export function formatSummary(items: readonly SummaryItem[], locale: Locale): string {
  if (items.length === 0) return translator(locale)('versions.noChanges');
  return items.map((item) => formatSummaryItem(item, locale)).join(', ');
}

/** One activity line after the author, e.g. "voegde 3 actoren toe". */
export function formatActivityLine(
  key: ActivityMessageKey,
  count: number,
  label: string,
  locale: Locale,
): string {
  return formatMessage(VERSION_MESSAGES[locale].activity[key], { count, label }, locale);
}

/**
 * The name to show for a version: its own name, or for an automatic (or unnamed) one a name made
 * from its date in the locale's words, e.g. "Automatisch bewaard — 12 maart 2024".
 */
export function versionDisplayName(
  version: { readonly name: string; readonly auto: boolean; readonly createdAt: number },
  locale: Locale,
  timeZone = 'Europe/Brussels',
): string {
  if (version.name.trim()) return version.name;
  const date = formatDate(version.createdAt, locale, 'long', timeZone);
  return translator(locale)(version.auto ? 'versions.autoName' : 'versions.unnamedName', { date });
}
