import { useSyncExternalStore } from 'react';
import { en } from './en';
import { type MessageKey, type Messages, nl } from './nl';

export type Locale = 'nl' | 'en';
export type { MessageKey };

const CATALOGUES: Record<Locale, Messages> = { nl, en };
const STORAGE_KEY = 'ketenkaart.locale';

/** Formats `{name}` placeholders. Unknown placeholders stay visible so a missing value is noticed. */
export function format(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

const translators = new Map<Locale, Translate>();

/** One function per locale, so components that memoise on `t` only re-render on a real switch. */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const messages = CATALOGUES[locale];
    t = (key, params) => format(messages[key], params);
    translators.set(locale, t);
  }
  return t;
}

function readStoredLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

let current: Locale = readStoredLocale();
const listeners = new Set<() => void>();

export function getLocale(): Locale {
  return current;
}

/** Switches language for the whole app and remembers it on this device. */
export function setLocale(locale: Locale): void {
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode without storage: the switch still applies to this session.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The translate function of the current locale; components re-render when the locale changes. */
export function useT(): Translate {
  const locale = useSyncExternalStore(subscribe, getLocale, getLocale);
  return translator(locale);
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, getLocale);
}
