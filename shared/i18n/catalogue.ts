import type { Message, Plural } from './formatMessage';

/**
 * A catalogue: message key → text. Each feature brings its own file per language (`nl/<feature>.ts`,
 * `en/<feature>.ts`), combined in `nl/index.ts` and `en/index.ts`. The Dutch file is the source of
 * the keys; the English one is typed `Translation<typeof nl>`, so a missing or extra key, or a
 * plural given as a plain string, is a type error in the file that has it.
 */
export type Catalogue = Readonly<Record<string, Message>>;

/** The same keys as `T`, each a string, or a plural where `T` has a plural. */
export type Translation<T extends Catalogue> = {
  readonly [K in keyof T]: T[K] extends Plural ? Plural : string;
};

/** `section`'s keys with `prefix.` in front, e.g. the findings' texts under `finding.`. */
export type Prefixed<P extends string, T extends Catalogue> = {
  readonly [K in keyof T & string as `${P}.${K}`]: T[K];
};

export function prefixed<P extends string, T extends Catalogue>(prefix: P, section: T): Prefixed<P, T> {
  const out: Record<string, Message> = {};
  for (const [key, message] of Object.entries(section)) out[`${prefix}.${key}`] = message;
  return out as Prefixed<P, T>;
}
