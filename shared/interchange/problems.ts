/**
 * What can be wrong with an import, as data. The module never builds a sentence: a problem is a code,
 * its parameters and where it sits (file, sheet, row, column), and the catalogues in
 * `shared/i18n/<locale>/interchange.ts` word it. One problem anywhere means nothing is written.
 */

export const PROBLEM_CODES = [
  // The file as a whole
  'unsupportedFormat',
  'legacyXls',
  'emptyFile',
  'fileTooLarge',
  'zipCorrupt',
  'zipTooLarge',
  'zipRatio',
  'zipTooManyEntries',
  'zipSizeMismatch',
  'xlsxCorrupt',
  'csvMalformed',
  'jsonSyntax',
  'jsonFormat',
  'jsonMissingField',
  'jsonInvalidValue',
  'jsonUnknownField',
  'noData',
  'tooManyRows',
  // A column
  'missingNameColumn',
  'missingFromColumn',
  'missingToColumn',
  'missingTextColumn',
  'duplicateColumn',
  // A cell or a row
  'cellTooLong',
  'emptyName',
  'emptyEndpoint',
  'unknownKind',
  'unknownLinkKind',
  'unknownDirection',
  'unknownWarmth',
  'unknownRegie',
  'unknownNoteKind',
  'unknownStatus',
  'unknownPriority',
  'invalidBoolean',
  'invalidNumber',
  'invalidDate',
  'invalidKbo',
  'kboChecksum',
  'kboEstablishment',
  'invalidId',
  'duplicateId',
  'duplicateRow',
  'ambiguousMatch',
  'unknownEndpoint',
  'selfLink',
  'severalTargetsWithId',
  'unknownAnchor',
  'missingCoordinate',
  // Applying a plan
  'mapChanged',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type ProblemParams = Readonly<Record<string, string | number>>;

/** Where a problem sits. Rows are counted as the spreadsheet shows them (the header is row 1). */
export interface ProblemLocation {
  readonly file?: string;
  readonly sheet?: string;
  readonly row?: number;
  /** The column's header as the file spells it (for JSON: the field's path). */
  readonly column?: string;
}

export interface ImportProblem extends ProblemLocation {
  readonly code: ProblemCode;
  readonly params: ProblemParams;
}

export function problem(
  code: ProblemCode,
  at: ProblemLocation = {},
  params: ProblemParams = {},
): ImportProblem {
  const out: { -readonly [K in keyof ImportProblem]: ImportProblem[K] } = { code, params };
  if (at.file !== undefined) out.file = at.file;
  if (at.sheet !== undefined) out.sheet = at.sheet;
  if (at.row !== undefined) out.row = at.row;
  if (at.column !== undefined) out.column = at.column;
  return out;
}

/** Thrown by `applyPlan` for a plan with problems, or when the map changed under a plan. */
export class ImportRejectedError extends Error {
  constructor(readonly problems: readonly ImportProblem[]) {
    super(`import rejected: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'ImportRejectedError';
  }
}
