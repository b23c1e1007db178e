import { en } from './en';
import { formatMessage, type MessageParams } from './formatMessage';
import type { Locale } from './locale';
import { type MessageKey, type Messages, nl } from './nl';

export type { MessageKey, Messages };

export const CATALOGUES: Readonly<Record<Locale, Messages>> = { nl, en };

export type Translate = (key: MessageKey, params?: MessageParams) => string;

const translators = new Map<Locale, Translate>();

/**
 * The translate function of a locale. One function per locale, so React components that memoise on
 * it only re-render on a real switch; the server calls it the same way.
 */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const messages = CATALOGUES[locale];
    t = (key, params) => formatMessage(messages[key], params, locale);
    translators.set(locale, t);
  }
  return t;
}
