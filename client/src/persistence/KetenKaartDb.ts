import { Dexie, type EntityTable } from 'dexie';

/** How this device holds a map: only here, or through one of its three links. */
export type ShareMode = 'local' | 'edit' | 'participate' | 'view';

/** A map known on this device. The doc itself lives in `updates`. */
export interface MapRecord {
  id: string;
  title: string;
  municipality: string;
  /** Epoch ms; 0 when never opened (e.g. just joined). */
  lastOpened: number;
  createdAt: number;
  shared: ShareMode;
  editKey?: string;
  viewKey?: string;
  /**
   * The participate ("Deelnemen") key, when this device has it: from a participate link, or from
   * creating or renewing the map's links here (a map from before that role gets it on renewal).
   */
  participateKey?: string;
  /** Origin of the server the map is shared through, e.g. `https://kaart.gemeente.be`. */
  serverUrl?: string;
  /**
   * The key the server refused as renewed (its links were rotated). While it is still the key this
   * device holds, the map opens read-only with the renewed-link message; joining with the new
   * link replaces the key and so ends it.
   */
  revokedKey?: string;
}

/** One stored Yjs update (one or more local transactions merged), in write order. */
export interface UpdateRow {
  seq?: number;
  mapId: string;
  update: Uint8Array;
  /**
   * The row holds only content that passed the document shape check before it entered the doc (or
   * was made by the model on this device), so opening need not check it again. Rows without it
   * (stored by an older app) are checked when they are read.
   */
  checked?: boolean;
}

/**
 * The device's IndexedDB. We store Yjs updates in our own append-only table instead of y-dexie:
 * we need to know exactly when a write is committed (for the unload guard and the tests) and to
 * compact inside one transaction that only touches rows it read, which stays safe when a second
 * tab appends concurrently.
 */
export class KetenKaartDb extends Dexie {
  maps!: EntityTable<MapRecord, 'id'>;
  updates!: EntityTable<UpdateRow, 'seq'>;

  constructor(name = 'ketenkaart') {
    super(name);
    this.version(1).stores({
      maps: 'id, lastOpened',
      updates: '++seq, mapId',
    });
  }
}
