/** The languages a file is written in; files in either are read. */
export type InterchangeLocale = 'nl' | 'en';

/** A value with its Dutch and English names, and further spellings recognised on import. */
export interface Named<T> {
  readonly value: T;
  readonly nl: string;
  readonly en: string;
  readonly also?: readonly string[];
}
