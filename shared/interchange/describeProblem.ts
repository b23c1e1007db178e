import type { Translate } from '../i18n';
import { INTERCHANGE_PREFIX, type InterchangeMessageKey } from './messageKeys';
import type { ImportProblem, ProblemParams } from './problems';

/**
 * A problem in the user's words, through the app's one formatter (so numbers read 1,1 in Dutch and
 * counts pick their plural). The client's import dialog and the server's 422 answer both call this,
 * so a script sees the sentence the dialog shows.
 */

function say(t: Translate, key: InterchangeMessageKey, params?: ProblemParams): string {
  return t(`${INTERCHANGE_PREFIX}.${key}`, params);
}

/** What is wrong, without where: for a UI or an API that shows the place in columns of its own. */
export function problemMessage(p: ImportProblem, t: Translate): string {
  return say(t, p.code, p.params);
}

/** Where the problem sits, e.g. "lijst.csv, blad ‘Elements’, rij 4, kolom ‘Soort’"; empty for none. */
export function problemPlace(p: ImportProblem, t: Translate): string {
  const where: string[] = [];
  if (p.file !== undefined) where.push(p.file);
  if (p.sheet !== undefined) where.push(say(t, 'location.sheet', { sheet: p.sheet }));
  if (p.row !== undefined) where.push(say(t, 'location.row', { row: p.row }));
  if (p.column !== undefined) {
    where.push(say(t, p.row === undefined ? 'location.field' : 'location.column', { column: p.column }));
  }
  return where.join(', ');
}

/** The whole sentence a user reads: the place, then the message. */
export function describeProblem(p: ImportProblem, t: Translate): string {
  const place = problemPlace(p, t);
  const message = problemMessage(p, t);
  return place === '' ? message : say(t, 'problem.at', { where: place, message });
}
