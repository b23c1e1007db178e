import { compareIds } from '../compareIds';
import { type ElementFields, elementsOf, type RecordRoot } from '../layout';
import type { VersionInfo } from '../types';

/**
 * The version record: a named checkpoint of the map. Stored as its own map of fields under its id
 * in the versions root; `snapshot` is binary whose encoding belongs to shared/versions, not to the
 * model. Required: `createdAt` and `snapshot`; others default.
 */

export interface VersionInput extends Omit<VersionInfo, 'id'> {
  readonly snapshot: Uint8Array;
}

export function newVersionFields(input: VersionInput): Record<string, unknown> {
  return {
    name: input.name,
    author: input.author,
    createdAt: input.createdAt,
    auto: input.auto,
    snapshot: input.snapshot,
  };
}

export function parseVersion(id: string, element: ElementFields): VersionInfo | null {
  const createdAt = element.get('createdAt');
  if (typeof createdAt !== 'number' || !(element.get('snapshot') instanceof Uint8Array)) return null;
  const name = element.get('name');
  const author = element.get('author');
  return {
    id,
    name: typeof name === 'string' ? name : '',
    author: typeof author === 'string' ? author : '',
    createdAt,
    auto: element.get('auto') === true,
  };
}

export function versionSnapshotOf(element: ElementFields | undefined): Uint8Array | undefined {
  const snapshot = element?.get('snapshot');
  return snapshot instanceof Uint8Array ? snapshot : undefined;
}

/** Versions, oldest first (ties by id), without their snapshots; malformed ones are skipped. */
export function readVersions(root: RecordRoot): VersionInfo[] {
  const out: VersionInfo[] = [];
  for (const [id, element] of elementsOf(root)) {
    const v = parseVersion(id, element);
    if (v) out.push(v);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id));
}
