import { findings as en } from '../i18n/en/analysis';
import { formatMessage } from '../i18n/formatMessage';
import type { Locale } from '../i18n/locale';
import { findings as nl } from '../i18n/nl/analysis';
import type { FindingMessage } from './finding';

/**
 * A finding in words. Rules emit a `FindingKey` and parameters; the texts live in the catalogues
 * (`shared/i18n/<locale>/analysis.ts`, under `finding.` in the combined catalogue), so the client
 * and the server word a finding the same way.
 */

export type FindingKey = Exclude<keyof typeof nl, 'unnamed'>;

/** Each locale's finding texts by the key a rule emits, plus `unnamed` for an empty label. */
export const FINDING_MESSAGES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = { nl, en };

/** The text of a finding in a language; an unknown key shows as itself so that it is noticed, not hidden. */
export function formatFindingMessage(message: FindingMessage, locale: Locale = 'nl'): string {
  const dictionary = FINDING_MESSAGES[locale];
  const template = dictionary[message.key];
  if (template === undefined) return message.key;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params)) {
    params[name] = value === '' ? (dictionary.unnamed ?? '') : value;
  }
  return formatMessage(template, params, locale);
}
