import * as Y from 'yjs';
import { Conversation } from '../../../shared/model/conversation/Conversation';
import { conversationDocId } from '../../../shared/protocol/docRooms';
import type { DocPersistence } from '../persistence/DocPersistence';
import type { LocalMapStore, MapRecord } from '../persistence/LocalMapStore';
import { SyncSession, type SyncSessionOptions } from '../sync/SyncSession';
import { activeKey } from './linkRevocation';

/**
 * A map's conversation doc (comments), beside the map's own: its own Y.Doc, its own rows on the
 * device (under `<mapId>/conversation`, written first, like the map's) and its own room on the
 * server. Edit and participate links write it, a view link only reads it. Nothing here is in the
 * map's undo. Framework-free.
 */
export class ConversationSession {
  readonly doc = new Y.Doc();
  /** Only an edit link (or a map on this device only) leads the Werkvorm. */
  readonly conversation = new Conversation(this.doc, {
    canLead: () => this.record.shared === 'edit' || this.record.shared === 'local',
  });
  readonly persistence: DocPersistence;
  sync: SyncSession | null = null;
  private destroyed = false;

  constructor(
    store: LocalMapStore,
    private record: MapRecord,
    private readonly serverUrl: string,
    private readonly network: Pick<SyncSessionOptions, 'WebSocketBase' | 'networkEvents' | 'isOnline'> = {},
  ) {
    this.persistence = store.bindDoc(conversationDocId(record.id), this.doc);
  }

  /** Reads the device's copy, then connects when the map is shared. */
  async open(): Promise<void> {
    await this.persistence.whenLoaded;
    if (!this.destroyed) this.attachSync();
  }

  private attachSync(): void {
    const key = activeKey(this.record);
    if (this.sync || this.record.shared === 'local' || !key) return;
    this.sync = new SyncSession(this.doc, {
      serverUrl: this.record.serverUrl ?? this.serverUrl,
      mapId: conversationDocId(this.record.id),
      key,
      readOnly: this.record.shared === 'view',
      relayedOrigin: this.persistence.relayOrigin,
      ...this.network,
    });
    this.sync.connect();
  }

  /** After the map was registered or its links renewed. */
  setRecord(record: MapRecord): void {
    this.record = record;
    const key = activeKey(record);
    if (this.sync && key) this.sync.setKey(key);
    else if (!this.destroyed) this.attachSync();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.sync?.destroy();
    this.persistence.destroy();
    this.doc.destroy();
  }
}
