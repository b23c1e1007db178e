import { randomId } from '../randomId';
import { storedElement } from './elementFields';
import { type DocLayout, elementOf } from './layout';
import { newVersionFields, type VersionInput } from './records/version';

/**
 * Version writes, inside the caller's transaction. A version is a named checkpoint; its snapshot is
 * opaque bytes here, since its encoding belongs to shared/versions, not to the layout.
 */

/** Stores a version under `input.id` (a new id when absent) and returns that id. */
export function addVersion(layout: DocLayout, input: VersionInput & { readonly id?: string }): string {
  const { id = randomId(), ...fields } = input;
  layout.versions.set(id, storedElement('versions', newVersionFields(fields)));
  return id;
}

export function renameVersion(layout: DocLayout, id: string, name: string): void {
  elementOf(layout.versions, id)?.set('name', name);
}
