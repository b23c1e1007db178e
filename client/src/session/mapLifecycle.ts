import * as Y from 'yjs';
import { ChainMap } from '../../../shared/model/ChainMap';
import { randomId } from '../../../shared/randomId';
import { applyStarter } from '../../../shared/templates/starter';
import type { LocalMapStore, ShareMode } from '../persistence/LocalMapStore';
import type { LinkMode } from '../routing/route';

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

const KEY_FIELD = { edit: 'editKey', participate: 'participateKey', view: 'viewKey' } as const;
/** Edit can do all that participate can, which can do all that view can. */
const RANK: Record<ShareMode, number> = { local: 0, edit: 3, participate: 2, view: 1 };

/**
 * Records a map joined from a link. A key never downgrades: opening a view or participate link for
 * a map we can already edit keeps the edit key (the new key is kept beside it).
 */
export async function joinMap(
  store: LocalMapStore,
  join: { id: string; key: string; mode: LinkMode },
  serverUrl: string,
): Promise<void> {
  const existing = await store.get(join.id);
  const key = { [KEY_FIELD[join.mode]]: join.key };
  if (existing) {
    const upgrade = RANK[join.mode] >= RANK[existing.shared];
    // The same rank also takes the new key: a renewed link replaces the one the device had.
    await store.update(join.id, { ...key, serverUrl, ...(upgrade ? { shared: join.mode } : {}) });
    return;
  }
  await store.put({
    id: join.id,
    title: '',
    municipality: '',
    lastOpened: 0,
    createdAt: Date.now(),
    shared: join.mode,
    ...key,
    serverUrl,
  });
}
