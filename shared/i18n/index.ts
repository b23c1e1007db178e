/** One i18n system for client and server: catalogues per feature, one formatter, dates and plurals. */
export { type Catalogue, type Prefixed, prefixed, type Translation } from './catalogue';
export { type DateStyle, formatDate, isIsoDay } from './formatDate';
export {
  formatMessage,
  isPlural,
  type Message,
  type MessageParams,
  type Plural,
  placeholders,
  pluralForm,
} from './formatMessage';
export { isLocale, LOCALE_TAGS, LOCALES, type Locale } from './locale';
export { formatRelativeTime, type RelativeTime, relativeTime } from './relativeTime';
export { CATALOGUES, type MessageKey, type Messages, type Translate, translator } from './translate';
