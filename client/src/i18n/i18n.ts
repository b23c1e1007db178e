import { useSyncExternalStore } from 'react';
import { type Locale, type MessageKey, type Translate, translator } from '../../../shared/i18n';

/**
 * The client's side of the shared i18n system (`shared/i18n/`, which holds every text): the
 * current locale, remembered on this device, and the React hooks over it.
 */

export type { Locale, MessageKey, Translate };
export { translator };

const STORAGE_KEY = 'ketenkaart.locale';

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

/**
 * Calls `listener` after every language switch; returns the unsubscribe. For what derives text
 * outside React (the canvas store's accessible names), which `useT` cannot re-render.
 */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
const subscribe = onLocaleChange;

/** The translate function of the current locale; components re-render when the locale changes. */
export function useT(): Translate {
  const locale = useSyncExternalStore(subscribe, getLocale, getLocale);
  return translator(locale);
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, getLocale);
}
