import type { TableRole } from '../../../shared/interchange';

/** What one table of the files is taken as: one of the four roles, or left out of the import. */
export type TableChoice = TableRole | 'skip';
