import { type DateStyle, formatDate } from './formatDate';
import { LOCALE_TAGS, type Locale } from './locale';

/**
 * The one message formatter of KetenKaart, for the client and the server alike.
 *
 * A message is a string or, when it depends on a count, a `Plural` whose form is chosen by
 * `Intl.PluralRules` for the locale from the `count` parameter (Dutch and English only have `one`
 * and `other`). Placeholders:
 * - `{name}`: the parameter as is;
 * - `{name, date}` / `{name, date, medium}` (any `DateStyle`): a moment (ms) or a calendar day
 *   (`YYYY-MM-DD`) in the locale's words, see `formatDate`;
 * - `{name, number}`: a number as the locale writes it (1.234,5 in Dutch), for sizes and counts;
 *   a plain `{name}` keeps digits as they are (years, row numbers).
 * A placeholder without a value stays visible, so a missing parameter is noticed, not hidden.
 *
 * Why not ICU MessageFormat (intl-messageformat, i18next): we need exactly placeholders, plurals
 * and dates, which `Intl` does; a message parser at run time would add weight and a second syntax.
 */

export interface Plural {
  readonly one: string;
  readonly other: string;
}

export type Message = string | Plural;

export type MessageParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)(?:,\s*(date|number)(?:,\s*(\w+))?)?\}/g;
const DATE_STYLES: readonly DateStyle[] = ['long', 'medium', 'short', 'dayMonth', 'dateTime'];

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_TAGS[locale]);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** The form of a plural message for a count: `one` or `other`. */
export function pluralForm(plural: Plural, count: number, locale: Locale): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALE_TAGS[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one' ? plural.one : plural.other;
}

export function isPlural(message: Message): message is Plural {
  return typeof message === 'object';
}

export function formatMessage(message: Message, params: MessageParams | undefined, locale: Locale): string {
  const count = params?.count;
  const template = isPlural(message)
    ? pluralForm(message, typeof count === 'number' ? count : Number.NaN, locale)
    : message;
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string, kind?: string, style?: string) => {
    if (!(name in params)) return whole;
    const value = params[name]!;
    if (kind === 'number') return typeof value === 'number' ? formatNumber(value, locale) : String(value);
    if (kind !== 'date') return String(value);
    const dateStyle = DATE_STYLES.find((s) => s === style) ?? 'long';
    return formatDate(value, locale, dateStyle);
  });
}

/** The placeholder names of a message (all its forms), sorted: the same in every language. */
export function placeholders(message: Message): string[] {
  const texts = isPlural(message) ? [message.one, message.other] : [message];
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]!);
  return [...names].sort();
}
