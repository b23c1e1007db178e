import { formatDate } from '../../../../../shared/i18n';
import type { Locale } from '../../../i18n/i18n';

/** "12 mrt 2025 14:03": the absolute time next to a relative one. */
export function absoluteTime(at: number, locale: Locale): string {
  return formatDate(at, locale, 'dateTime');
}
