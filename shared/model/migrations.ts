import type * as Y from 'yjs';
import { type DocLayout, elementsOf } from './layout';
import { MIGRATION_ORIGIN } from './origins';
import { convertTextFields } from './textFieldMigration';

/**
 * One step of the doc layout's history. `up` receives the doc's layout (every root, by what it
 * holds; a migration that adds a root declares it in `layout.ts` first) and runs inside the
 * caller's transaction, which carries MIGRATION_ORIGIN so that no undo manager records it. It must
 * be idempotent and field-level: peers may run it concurrently, and their writes must merge into
 * the same result.
 */
export interface Migration {
  /** The schema version the doc has after this step. */
  readonly version: number;
  readonly description: string;
  up(layout: DocLayout): void;
}

/**
 * The ordered list of migrations. Version 1 is the first published layout; a doc without a
 * version (made by a pre-release build that stored elements but never stamped the schema) is
 * brought to it by filling the fields that version 1 requires.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'stamp the first layout; give elements without a position one at the origin',
    up({ actors, notes }) {
      for (const root of [actors, notes]) {
        for (const [, element] of elementsOf(root)) {
          if (element.get('position') === undefined) element.set('position', { x: 0, y: 0 });
        }
      }
    },
  },
  {
    version: 2,
    description: 'text fields become collaborative text (Y.Text), converted alike on every peer',
    up: convertTextFields,
  },
];

/** The migrations that bring a doc at version `from` up to date, in order; throws on a gap. */
export function migrationsFrom(migrations: readonly Migration[], from: number): Migration[] {
  const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  let expected = from + 1;
  for (const m of pending) {
    if (m.version !== expected)
      throw new Error(`Migration list has a gap: expected version ${expected}, found ${m.version}`);
    expected++;
  }
  return pending;
}

/**
 * Runs the pending migrations in one transaction with MIGRATION_ORIGIN, which no undo manager
 * tracks, stamping each step's version as it completes; returns the versions applied.
 */
export function runMigrations(doc: Y.Doc, layout: DocLayout, pending: readonly Migration[]): number[] {
  if (pending.length === 0) return [];
  doc.transact(() => {
    for (const m of pending) {
      m.up(layout);
      layout.meta.set('schemaVersion', m.version);
    }
  }, MIGRATION_ORIGIN);
  return pending.map((m) => m.version);
}
