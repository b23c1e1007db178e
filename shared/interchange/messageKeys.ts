import type { Message } from '../i18n/formatMessage';
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

export type InterchangeMessages = Readonly<Record<InterchangeMessageKey, Message>>;

/** The interchange catalogues sit in the app's catalogues under this prefix (`interchange.emptyFile`). */
export const INTERCHANGE_PREFIX = 'interchange';
