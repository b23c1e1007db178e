import type * as Y from 'yjs';
import { conversationDocId } from '../../../shared/protocol/docRooms';
import { DocPersistence } from './DocPersistence';
import { KetenKaartDb, type MapRecord } from './KetenKaartDb';

export type { MapRecord, ShareMode } from './KetenKaartDb';

/**
 * The maps on this device: the registry shown on "Mijn kaarten" and the stored docs.
 * Framework-free; React subscribes through `subscribe`.
 */
export class LocalMapStore {
  readonly db: KetenKaartDb;
  private readonly listeners = new Set<() => void>();

  constructor(dbName = 'ketenkaart') {
    this.db = new KetenKaartDb(dbName);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Most recently opened first; never-opened (just joined) maps by creation. */
  async list(): Promise<MapRecord[]> {
    const all = await this.db.maps.toArray();
    return all.sort((a, b) => Math.max(b.lastOpened, b.createdAt) - Math.max(a.lastOpened, a.createdAt));
  }

  get(id: string): Promise<MapRecord | undefined> {
    return this.db.maps.get(id);
  }

  async put(record: MapRecord): Promise<void> {
    await this.db.maps.put(record);
    this.changed();
  }

  /** Updates registry fields; a no-op for an unknown map. */
  async update(id: string, patch: Partial<Omit<MapRecord, 'id'>>): Promise<void> {
    const current = await this.db.maps.get(id);
    if (!current) return;
    const next = { ...current, ...patch };
    if (sameRecord(current, next)) return;
    await this.db.maps.put(next);
    this.changed();
  }

  /** Forgets a map on this device: the registry entry and every stored update of its docs, atomically. */
  async remove(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.maps, this.db.updates, async () => {
      await this.db.maps.delete(id);
      await this.db.updates
        .where('mapId')
        .anyOf([id, conversationDocId(id)])
        .delete();
    });
    this.changed();
  }

  /** Binds `doc` to the stored rows of map `id`; await `whenLoaded` before reading the doc. */
  bindDoc(id: string, doc: Y.Doc): DocPersistence {
    return new DocPersistence(this.db, id, doc);
  }

  close(): void {
    this.db.close();
  }
}

function sameRecord(a: MapRecord, b: MapRecord): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof MapRecord>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
