import * as Y from 'yjs';
import {
  type ImportFile,
  type ImportIntoMapOptions,
  type ImportOutcome,
  importIntoMap,
} from '../../shared/interchange';
import { ChainMap } from '../../shared/model/ChainMap';

/** The name the server signs its imports with in the map's activity feed. */
export const API_AUTHOR = 'Import (API)';

export type ImportUpdate =
  | { readonly outcome: ImportOutcome & { ok: true }; readonly update: Uint8Array | null }
  | { readonly outcome: ImportOutcome & { ok: false }; readonly update: null };

/**
 * An import into a copy of the map's current state (`state`, one Yjs update), returned as the one
 * Yjs update that makes the same change: the server then sends it through the map's room like any
 * client's edit (shape rules, stored before anyone hears of it, relayed to every connection). The
 * import itself is one `ChainMap.transact`, so the update is one undo step for whoever undoes it.
 * `update` is null when nothing changed (every row unchanged) or the import was refused.
 *
 * A map nobody opened yet (created through `POST /api/maps`, never synced) is initialised first, as
 * the first client would do (untitled; a KetenKaart file gives it its title); an older schema is
 * migrated in the same update.
 */
export async function importAsUpdate(
  state: Uint8Array,
  files: readonly ImportFile[],
  options: ImportIntoMapOptions = {},
): Promise<ImportUpdate> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  // Counted, not compared by state vector: a change that only deletes leaves the vector as it was.
  let writes = 0;
  doc.on('update', () => {
    writes++;
  });
  let map = new ChainMap(doc);
  const fresh = !map.isInitialised();
  if (fresh) map = ChainMap.create(doc, { title: '' });
  if (map.readOnly) throw new NewerMapError();
  map.migrate();
  map.setAuthor(API_AUTHOR);
  // Into a new map, a KetenKaart file brings its title and municipality along.
  const outcome = await importIntoMap(map, files, { importMeta: fresh, ...options });
  if (!outcome.ok) return { outcome, update: null };
  const update = writes > 0 ? Y.encodeStateAsUpdate(doc, before) : null;
  doc.destroy();
  return { outcome, update };
}

/** The stored map was written by a newer KetenKaart: this server must not write fields it does not know. */
export class NewerMapError extends Error {
  constructor() {
    super('the map was made by a newer version of KetenKaart');
    this.name = 'NewerMapError';
  }
}
