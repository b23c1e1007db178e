import type { ImportProblem } from '../../../../../shared/interchange';
import { problemMessage, problemPlace } from '../../../../../shared/interchange/describeProblem';
import { useT } from '../../../i18n/i18n';

/** Shown at most; the rest is counted. The first problems show what is wrong with a file. */
const SHOWN = 50;

/** Every problem with its place (file, sheet, row, column) and what is wrong, in plain Dutch. */
export function ImportProblemList({
  problems,
  title,
}: {
  problems: readonly ImportProblem[];
  title: string;
}) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <section className="kk-import__problems" role="alert" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {problems.slice(0, SHOWN).map((p, i) => {
          const place = problemPlace(p, t);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems are a fixed list per plan
            <li key={i}>
              {place && <strong>{place}: </strong>}
              {problemMessage(p, t)}
            </li>
          );
        })}
      </ul>
      {problems.length > SHOWN && (
        <p className="kk-muted">{t('import.moreProblems', { count: problems.length - SHOWN })}</p>
      )}
    </section>
  );
}
