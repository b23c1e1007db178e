/** The languages of KetenKaart: Dutch first (the users' language), English second. */
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The BCP 47 tag each locale formats numbers, plurals and dates with: Flemish Dutch, British English. */
export const LOCALE_TAGS: Readonly<Record<Locale, string>> = { nl: 'nl-BE', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}
