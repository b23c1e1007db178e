import type { LocalMapStore } from '../../persistence/LocalMapStore';
import { MapSession } from '../../session/MapSession';

/**
 * Renames a map from the home screen. The title lives in the doc (so peers see it); opening the
 * session briefly writes it there, stores it locally and, for a shared map, syncs it when online.
 */
export async function renameStoredMap(store: LocalMapStore, id: string, title: string): Promise<void> {
  const record = await store.get(id);
  if (!record) return;
  const session = new MapSession(store, record, globalThis.location?.origin ?? '');
  try {
    await session.open();
    if (!session.readOnly && session.model.isInitialised()) session.model.setMeta({ title });
    await session.persistence.whenFlushed();
    await store.update(id, { title });
    if (session.sync && session.getRecord().shared === 'edit') {
      // Give the server a moment to store it; the local copy is safe either way.
      await Promise.race([session.sync.whenSaved(), new Promise((r) => setTimeout(r, 3000))]);
    }
  } finally {
    session.destroy();
  }
}
