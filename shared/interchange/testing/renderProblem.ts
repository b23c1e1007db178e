import { interchange as en } from '../../i18n/en/interchange';
import { interchange as nl } from '../../i18n/nl/interchange';
import type { InterchangeMessageKey } from '../messageKeys';
import type { ImportProblem, ProblemParams } from '../problems';

/**
 * Test-only: words a problem the way the UI will, from the interchange catalogues, so tests can pin
 * the Dutch sentence a user reads. The app's own formatter (shared/i18n) renders the same templates;
 * numbers are formatted for the locale (12,3 in Dutch).
 */
export function renderProblem(p: ImportProblem, locale: 'nl' | 'en' = 'nl'): string {
  const catalogue = locale === 'nl' ? nl : en;
  const say = (key: InterchangeMessageKey, params: ProblemParams) => fill(catalogue[key], params, locale);
  const where: string[] = [];
  if (p.file !== undefined) where.push(p.file);
  if (p.sheet !== undefined) where.push(say('location.sheet', { sheet: p.sheet }));
  if (p.row !== undefined) where.push(say('location.row', { row: p.row }));
  if (p.column !== undefined) {
    where.push(say(p.row === undefined ? 'location.field' : 'location.column', { column: p.column }));
  }
  const message = say(p.code, p.params);
  return where.length === 0 ? message : say('problem.at', { where: where.join(', '), message });
}

function fill(template: string, params: ProblemParams, locale: 'nl' | 'en'): string {
  const number = new Intl.NumberFormat(locale === 'nl' ? 'nl-BE' : 'en-GB');
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? number.format(value) : value;
  });
}
