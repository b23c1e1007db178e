import * as Y from 'yjs';
import { ChainMap } from '../../../shared/model/ChainMap';
import { hasChange } from '../../../shared/model/changeFeed';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/schemaVersion';
import type { MapUndoManager } from '../../../shared/model/undo';
import { maybeSaveDailyVersion } from '../../../shared/versions';
import { guardUnload } from '../offline/unloadGuard';
import type { DocPersistence } from '../persistence/DocPersistence';
import type { LocalMapStore, MapRecord } from '../persistence/LocalMapStore';
import { perfMark } from '../persistence/perfMark';
import { loadIdentity } from '../presence/identity';
import { SyncSession, type SyncSessionOptions } from '../sync/SyncSession';
import { ConversationSession } from './ConversationSession';
import { activeKey, isLinkRevoked } from './linkRevocation';
import { whenIdle } from './whenIdle';

/** Longest wait for an idle moment after the first sync before the daily version is kept anyway. */
const DAILY_VERSION_IDLE_TIMEOUT_MS = 5000;

export type MapPhase = 'loading' | 'awaitingFirstSync' | 'ready';

/** How the session reaches the network; the defaults are the browser's. Tests in Node pass `ws`. */
export type MapSessionNetwork = Pick<SyncSessionOptions, 'WebSocketBase' | 'networkEvents' | 'isOnline'>;

/**
 * One open map: its Y.Doc, local persistence, optional server sync, model and undo manager.
 * Framework-free. Opens from the local copy first; the network is attached afterwards and never
 * delays showing what is on the device.
 */
export class MapSession {
  readonly doc = new Y.Doc();
  readonly model = new ChainMap(this.doc);
  readonly persistence: DocPersistence;
  sync: SyncSession | null = null;
  /** The map's comments: a doc of their own, outside the map's undo (`ConversationSession`). */
  readonly conversation: ConversationSession;
  readonly undoManager: MapUndoManager;
  private phase: MapPhase = 'loading';
  private readonly listeners = new Set<() => void>();
  private readonly disposers: (() => void)[] = [];
  private destroyed = false;
  private unguard: (() => void) | null = null;

  constructor(
    private readonly store: LocalMapStore,
    private record: MapRecord,
    private readonly serverUrl: string,
    private readonly network: MapSessionNetwork = {},
  ) {
    this.persistence = store.bindDoc(record.id, this.doc);
    this.conversation = new ConversationSession(store, record, serverUrl, network);
    // In a browser: flush on pagehide/hidden, and ask before unloading while a write is uncommitted.
    if (typeof window !== 'undefined' && typeof document !== 'undefined') {
      this.unguard = guardUnload(this.persistence);
    }
    this.undoManager = this.model.createUndoManager();
    // Activity entries and versions carry the participant's name from the first write; the editor
    // updates it when the participant renames themselves.
    this.model.setAuthor(loadIdentity()?.name ?? null);
  }

  get id(): string {
    return this.record.id;
  }

  getRecord = (): MapRecord => this.record;
  getPhase = (): MapPhase => this.phase;

  /** View or participate link, a renewed (revoked) link, or a doc from a newer app version. */
  get readOnly(): boolean {
    return this.mapReadOnlyByLink || this.linkRevoked || this.model.readOnly;
  }

  /** The link this device holds cannot change the map (the server drops such writes). */
  private get mapReadOnlyByLink(): boolean {
    return this.record.shared === 'view' || this.record.shared === 'participate';
  }

  /** Whether this device may write comments: every link but a view link, while it is valid. */
  get canComment(): boolean {
    return this.record.shared !== 'view' && !this.linkRevoked;
  }

  /**
   * The server refused this device's key as renewed, now or in an earlier session. The map stays
   * readable and everything edited here stays stored here; the new link brings the edits along.
   */
  get linkRevoked(): boolean {
    return isLinkRevoked(this.record);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private version = 0;
  /** Changes whenever anything observable about the session changed (phase, sync, record). */
  getVersion = (): number => this.version;

  private emit(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  async open(): Promise<void> {
    await this.persistence.whenLoaded;
    if (this.destroyed) return;
    // A map on this device only has nothing to wait for: an old doc that never stamped its schema
    // (version 0) migrates and opens at once. A shared map no peer has initialised yet waits for its
    // first sync (below), and migrates then.
    if (this.model.isInitialised() || this.record.shared === 'local') this.becomeReady();
    else this.phase = 'awaitingFirstSync';
    perfMark('session-ready');
    this.emit();
    void this.store.update(this.record.id, { lastOpened: Date.now() });
    // Keep the registry's title in step with the doc (a peer may rename the map).
    this.disposers.push(
      this.model.onChange((changes) => {
        if (this.phase !== 'ready' && this.model.isInitialised()) {
          this.becomeReady();
          this.emit();
        }
        if (hasChange(changes, 'meta')) this.syncRegistryMeta();
      }),
    );
    this.syncRegistryMeta();
    this.attachSync();
    void this.conversation.open();
    this.readyOnFirstSync();
    this.keepDailyVersionOnOpen();
  }

  private becomeReady(): void {
    this.migrateIfNeeded();
    this.phase = 'ready';
  }

  /**
   * After the first sync the map holds what the server has. If no peer had stamped the schema, the
   * doc comes from a build before schema versions (or is still empty): it migrates and opens now
   * instead of waiting for ever. Registered before the daily version, which needs the map ready.
   */
  private readyOnFirstSync(): void {
    const provider = this.sync?.provider;
    if (!provider || this.phase === 'ready') return;
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off('sync', onSync);
      if (this.destroyed || this.phase === 'ready') return;
      this.becomeReady();
      this.emit();
    };
    provider.on('sync', onSync);
  }

  /**
   * The automatic daily version: kept when the map opens — a local map at once, a shared
   * one after its first sync, so it holds what everyone sees — and when the user leaves it.
   * After the first sync it waits until the browser is idle: keeping it reads the whole map (in a
   * profile of a cold open of a 1,000-actor map, 166 ms in y-websocket's sync handler, before the
   * canvas could render what the sync brought). `destroy` keeps it if the map closes before.
   */
  private keepDailyVersionOnOpen(): void {
    const provider = this.sync?.provider;
    if (!provider) {
      this.keepDailyVersion();
    } else {
      const onSync = (synced: boolean) => {
        if (!synced) return;
        provider.off('sync', onSync);
        this.disposers.push(whenIdle(this.keepDailyVersion, DAILY_VERSION_IDLE_TIMEOUT_MS));
      };
      provider.on('sync', onSync);
    }
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', this.keepDailyVersion);
      this.disposers.push(() => window.removeEventListener('pagehide', this.keepDailyVersion));
    }
  }

  /** Only editable maps that are ready; a view link or a newer doc never writes. */
  private readonly keepDailyVersion = (): void => {
    if (this.destroyed || this.phase !== 'ready' || this.readOnly) return;
    try {
      maybeSaveDailyVersion(this.model, { now: Date.now() });
    } catch (error) {
      console.warn('Could not keep the daily version', error);
    }
  };

  /** A view link or a doc from a newer app never writes; every other old doc is brought up to date. */
  private migrateIfNeeded(): void {
    if (this.model.readOnly || this.mapReadOnlyByLink) return;
    if (this.model.schemaVersion() < CURRENT_SCHEMA_VERSION) this.model.migrate();
  }

  private syncRegistryMeta(): void {
    if (!this.model.isInitialised()) return;
    const meta = this.model.getMeta();
    void this.store.update(this.record.id, { title: meta.title, municipality: meta.municipality });
  }

  private attachSync(): void {
    const key = activeKey(this.record);
    if (this.record.shared === 'local' || !key) return;
    this.sync = new SyncSession(this.doc, {
      serverUrl: this.record.serverUrl ?? this.serverUrl,
      mapId: this.record.id,
      key,
      readOnly: this.mapReadOnlyByLink,
      relayedOrigin: this.persistence.relayOrigin,
      checkedStore: this.persistence,
      ...this.network,
    });
    this.sync.connect();
    this.watchRevocation(this.sync);
    this.emit();
  }

  /** Remembers a renewed link on the device, so a reload still opens read-only and says why. */
  private watchRevocation(sync: SyncSession): void {
    const onStatus = () => {
      const key = activeKey(this.record);
      if (sync.getStatus() !== 'revoked' || !key || this.record.revokedKey === key) return;
      this.record = { ...this.record, revokedKey: key };
      void this.store.update(this.record.id, { revokedKey: key });
      this.emit();
    };
    this.disposers.push(sync.subscribe(onStatus));
    onStatus();
  }

  /** After the map was registered or its keys rotated. */
  async setShared(
    patch: Pick<MapRecord, 'shared' | 'editKey' | 'viewKey' | 'participateKey' | 'serverUrl'>,
  ): Promise<void> {
    this.record = { ...this.record, ...patch };
    await this.store.update(this.record.id, patch);
    if (this.sync && this.record.editKey) this.sync.setKey(this.record.editKey);
    else if (!this.sync) this.attachSync();
    this.conversation.setRecord(this.record);
    this.emit();
  }

  /** Renewing the links is about to close both rooms' sockets with 4410: that is expected. */
  beginKeyRotation(): void {
    this.sync?.beginKeyRotation();
    this.conversation.sync?.beginKeyRotation();
  }

  endKeyRotation(): void {
    this.sync?.endKeyRotation();
    this.conversation.sync?.endKeyRotation();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.keepDailyVersion();
    this.destroyed = true;
    for (const dispose of this.disposers) dispose();
    this.undoManager.destroy();
    this.sync?.destroy();
    this.conversation.destroy();
    this.persistence.destroy();
    // Leaving the map inside the app: keep guarding the tab until its last writes are committed.
    const unguard = this.unguard;
    if (unguard) void this.persistence.whenFlushed().then(unguard);
    this.doc.destroy();
    this.listeners.clear();
  }
}
