import type {
  AppendOptions,
  AppendResult,
  KeyHash,
  KeyHashes,
  MapAccess,
  MapStore,
  NewMap,
  StoredUpdate,
} from '../storage/MapStore';

/**
 * A MapStore whose authorisation lookups for chosen maps wait until `open()`: it holds a connection in
 * the "not yet authorised" state for as long as a test needs, which a real store never does for long.
 */
export class GatedMapStore implements MapStore {
  private readonly gates = new Map<string, { promise: Promise<void>; open: () => void }>();
  pendingLookups = 0;

  constructor(private readonly inner: MapStore) {}

  gate(mapId: string): void {
    let open = () => {};
    const promise = new Promise<void>((resolve) => {
      open = resolve;
    });
    this.gates.set(mapId, { promise, open });
  }

  open(mapId: string): void {
    this.gates.get(mapId)?.open();
    this.gates.delete(mapId);
  }

  async getMapAccess(id: string): Promise<MapAccess | undefined> {
    const gate = this.gates.get(id);
    if (gate) {
      this.pendingLookups++;
      await gate.promise;
      this.pendingLookups--;
    }
    return this.inner.getMapAccess(id);
  }

  createMap(map: NewMap): Promise<boolean> {
    return this.inner.createMap(map);
  }
  rotateKeys(id: string, keys: KeyHashes): Promise<MapAccess | undefined> {
    return this.inner.rotateKeys(id, keys);
  }
  isRetiredKey(id: string, keyHash: KeyHash): Promise<boolean> {
    return this.inner.isRetiredKey(id, keyHash);
  }
  loadUpdates(id: string, afterSeq?: number): Promise<StoredUpdate[]> {
    return this.inner.loadUpdates(id, afterSeq);
  }
  appendUpdates(id: string, updates: readonly Uint8Array[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.appendUpdates(id, updates, options);
  }
  compact(id: string, upToSeq: number, compacted: Uint8Array): Promise<void> {
    return this.inner.compact(id, upToSeq, compacted);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
