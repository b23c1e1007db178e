import * as Y from 'yjs';
import { ChainMap } from '../../../shared/model/ChainMap';
import { randomId } from '../../../shared/randomId';
import { applyStarter } from '../../../shared/templates/starter';
import type { LocalMapStore } from '../persistence/LocalMapStore';

/** Creates a map on this device only (no network needed) and returns its id. */
export async function createLocalMap(
  store: LocalMapStore,
  meta: { title: string; municipality: string },
  starter: boolean,
  /** Fills the new map, e.g. with a demo map (DEMO_MAPS), in the same turn as creating it. */
  fill?: (map: ChainMap) => void,
): Promise<string> {
  const id = randomId();
  const doc = new Y.Doc();
  const persistence = store.bindDoc(id, doc);
  await persistence.whenLoaded;
  const map = ChainMap.create(doc, meta, starter ? { fill: applyStarter } : {});
  fill?.(map);
  await persistence.whenFlushed();
  const now = Date.now();
  await store.put({ id, ...meta, lastOpened: 0, createdAt: now, shared: 'local' });
  persistence.destroy();
  doc.destroy();
  return id;
}

/**
 * Records a map joined from a link. A key never downgrades: opening a view link for a map we can
 * already edit keeps the edit key.
 */
export async function joinMap(
  store: LocalMapStore,
  join: { id: string; key: string; mode: 'edit' | 'view' },
  serverUrl: string,
): Promise<void> {
  const existing = await store.get(join.id);
  if (existing) {
    if (join.mode === 'edit') await store.update(join.id, { shared: 'edit', editKey: join.key, serverUrl });
    else if (existing.shared !== 'edit')
      await store.update(join.id, { shared: 'view', viewKey: join.key, serverUrl });
    return;
  }
  await store.put({
    id: join.id,
    title: '',
    municipality: '',
    lastOpened: 0,
    createdAt: Date.now(),
    shared: join.mode,
    ...(join.mode === 'edit' ? { editKey: join.key } : { viewKey: join.key }),
    serverUrl,
  });
}
