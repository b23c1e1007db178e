import type { interchange as en } from '../i18n/en/interchange';
import type { interchange as nl } from '../i18n/nl/interchange';
import type { RowStatus } from './plan/importPlan';
import type { ProblemCode } from './problems';
import type { ProgressStage } from './progress';
import type { RoleFields, TableRole } from './vocabulary/headers';

/**
 * The keys of the interchange catalogues (`shared/i18n/<locale>/interchange.ts`, combined into the
 * app's catalogues under `interchange.`): one message per
 * problem code (with `{param}` placeholders), how a problem's place is said, the preview's row
 * statuses, the names of the fields in the column-mapping step and the progress stages.
 */
export type InterchangeMessageKey =
  | ProblemCode
  | 'problem.at'
  | 'location.sheet'
  | 'location.row'
  | 'location.column'
  | 'location.field'
  | `status.${RowStatus}`
  | 'target.append'
  | 'target.ignore'
  | `field.${RoleFields[TableRole]}`
  | `stage.${ProgressStage}`;

/** The interchange catalogues sit in the app's catalogues under this prefix (`interchange.emptyFile`). */
export const INTERCHANGE_PREFIX = 'interchange';

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

/**
 * Compile-time check that each interchange catalogue has a message for exactly these keys: a new
 * problem code without its sentence, or a sentence left behind, fails to typecheck here. The check
 * sits with the keys, not in the catalogues, so the i18n module never imports a feature's types.
 */
export type CataloguesMatchKeys = [
  Holds<SameKeys<keyof typeof nl, InterchangeMessageKey>>,
  Holds<SameKeys<keyof typeof en, InterchangeMessageKey>>,
];
