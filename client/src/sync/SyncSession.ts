import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import {
  ACK_PARAM,
  CLOSE_KEY_REVOKED,
  CLOSE_SERVER_BUSY,
  CLOSE_TOO_BIG,
  MESSAGE_STORED,
  SYNC_PATH,
} from '../../../shared/protocol/syncProtocol';
import { docPerfMark } from '../persistence/perfMark';
import { countingWebSocket } from './CountingWebSocket';
import { type ConnectionFacts, deriveStatus } from './deriveStatus';
import { type CheckedUpdateStore, guardIncomingUpdates } from './incomingShapeGuard';
import { errorForCloseCode, type SyncStatus } from './syncStatus';

export interface SyncSessionOptions {
  /** Origin of the server, e.g. `http://localhost:8091`; the ws URL is derived from it. */
  serverUrl: string;
  mapId: string;
  key: string;
  /**
   * A view-link session: the server drops (and never acknowledges) document frames from it, and
   * the user has no changes of their own to save, so only being in sync counts for "saved".
   */
  readOnly?: boolean;
  /** For tests in Node: the `ws` package's WebSocket. */
  WebSocketBase?: typeof WebSocket;
  /** Where `online`/`offline` events come from; `window` in the browser. */
  networkEvents?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  isOnline?: () => boolean;
  /**
   * Updates applied with this origin reached the doc from this device's other tabs (the one
   * cross-tab relay, DocPersistence's BroadcastChannel): the tab that made them stored and sent
   * them, so this session does not send them again.
   */
  relayedOrigin?: unknown;
  /**
   * The doc's local store: each checked sync step 2 is stored there with its own bytes, so Yjs need
   * not encode the whole update again for the store's `update` listener.
   */
  checkedStore?: CheckedUpdateStore;
}

export function syncUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = SYNC_PATH;
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/$/, '');
}

/**
 * Wires a Y.Doc to the server through y-websocket and keeps an honest status.
 * Framework-free; the UI subscribes with `subscribe` / `getStatus`.
 */
export class SyncSession {
  readonly provider: WebsocketProvider;
  private readonly facts: ConnectionFacts;
  private status: SyncStatus;
  private readonly listeners = new Set<() => void>();
  private expectingRevocation = false;
  private readonly isOnline: () => boolean;
  private readonly networkEvents: SyncSessionOptions['networkEvents'];
  /** Frames carrying document changes (sync step 2 and updates) this session sent, on any socket. */
  docFramesSent = 0;

  constructor(
    readonly doc: Y.Doc,
    options: SyncSessionOptions,
  ) {
    this.isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
    this.facts = {
      error: null,
      online: this.isOnline(),
      socket: 'disconnected',
      failedAttempts: 0,
      synced: false,
      lastDocFrame: 0,
      acked: 0,
    };
    this.status = deriveStatus(this.facts);
    const WS = countingWebSocket(
      {
        onFrameSent: (socket, index, carriesDoc) => {
          if (carriesDoc) this.docFramesSent++;
          if (socket !== this.provider?.ws || !carriesDoc || options.readOnly) return;
          this.facts.lastDocFrame = index;
          this.update();
        },
      },
      options.WebSocketBase ?? WebSocket,
    );
    this.provider = new WebsocketProvider(syncUrl(options.serverUrl), options.mapId, doc, {
      connect: false,
      params: { key: options.key, [ACK_PARAM]: '1' },
      WebSocketPolyfill: WS,
      maxBackoffTime: 5000,
      // One cross-tab relay: DocPersistence's BroadcastChannel serves local and shared maps alike.
      // With y-websocket's own as well, every update reached the other tab twice, and that tab
      // stored it again or sent it to the server again, depending on which relay came first.
      disableBc: true,
    });
    guardIncomingUpdates(
      this.provider,
      (verdict) => {
        console.warn(`refused an update from the server: ${verdict.message}`);
        this.facts.error = 'invalidFromServer';
        this.provider.disconnect();
        this.update();
      },
      {
        store: options.checkedStore,
        // Read when the step 2 comes: `skipRelayedUpdates` replaces the sender. It sends nothing the
        // provider applied itself (its origin), so it need not hear the step 2.
        quiet: () => [this.provider._updateHandler],
      },
    );
    this.skipRelayedUpdates(doc, options.relayedOrigin);
    this.provider.messageHandlers[MESSAGE_STORED] = (_encoder, decoder) => {
      const n = decoding.readVarUint(decoder);
      if (n > this.facts.acked) {
        this.facts.acked = n;
        this.update();
      }
    };
    this.provider.on('status', ({ status }) => {
      if (status === 'connecting') {
        // A new socket: frame numbering and acknowledgements restart.
        this.facts.lastDocFrame = 0;
        this.facts.acked = 0;
      }
      if (status === 'connected') {
        docPerfMark(this.provider.roomname, 'socket-open');
        this.facts.failedAttempts = 0;
        this.facts.busy = false;
      }
      this.facts.socket = status;
      this.update();
    });
    this.provider.on('sync', (synced: boolean) => {
      this.facts.synced = synced;
      this.update();
    });
    this.provider.on('connection-close', (event) => {
      this.facts.synced = false;
      if (this.facts.socket !== 'connected') this.facts.failedAttempts++;
      this.facts.socket = 'disconnected';
      // 1013: the server is at its memory or connection limit; the provider keeps retrying.
      if (event?.code === CLOSE_SERVER_BUSY) this.facts.busy = true;
      if (event?.code === CLOSE_TOO_BIG) {
        // The server would refuse the same update forever; stop instead of hammering it.
        this.facts.error = 'tooBig';
        this.provider.disconnect();
      }
      this.update();
    });
    this.provider.on('closed', ({ code }) => {
      if (code === CLOSE_KEY_REVOKED && this.expectingRevocation) return;
      this.facts.error = errorForCloseCode(code);
      this.update();
    });
    this.networkEvents = options.networkEvents === undefined ? globalThis.window : options.networkEvents;
    this.networkEvents?.addEventListener('online', this.onOnline);
    this.networkEvents?.addEventListener('offline', this.onOffline);
  }

  /** Sends every doc update to the server except those the cross-tab relay applied. */
  private skipRelayedUpdates(doc: Y.Doc, relayedOrigin: unknown): void {
    if (relayedOrigin === undefined) return;
    const send = this.provider._updateHandler;
    doc.off('update', send);
    // Replaced in place: provider.destroy() unregisters `_updateHandler`, so it unregisters this one.
    this.provider._updateHandler = (update: Uint8Array, origin: unknown) => {
      if (origin !== relayedOrigin) send(update, origin);
    };
    doc.on('update', this.provider._updateHandler);
  }

  get awareness() {
    return this.provider.awareness;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getStatus = (): SyncStatus => this.status;

  /** Resolves once the status is `saved` (used by tests and before destructive actions). */
  whenSaved(): Promise<void> {
    if (this.status === 'saved') return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.subscribe(() => {
        if (this.status === 'saved') {
          off();
          resolve();
        }
      });
    });
  }

  connect(): void {
    if (this.facts.error) return;
    this.provider.connect();
  }

  /** Reconnects at once, e.g. when the network returns, instead of waiting for the backoff. */
  reconnect(): void {
    if (this.facts.error) return;
    this.provider.wsUnsuccessfulReconnects = 0;
    this.provider.disconnect();
    this.provider.connect();
  }

  /** Call before rotating keys: the server closes our own socket with 4410 too. */
  beginKeyRotation(): void {
    this.expectingRevocation = true;
  }

  /** Switches to a new key (after rotation) and reconnects with it. */
  setKey(key: string): void {
    this.provider.params = { ...this.provider.params, key };
    this.expectingRevocation = false;
    this.facts.error = null;
    this.facts.failedAttempts = 0;
    this.reconnect();
    this.update();
  }

  endKeyRotation(): void {
    this.expectingRevocation = false;
  }

  private readonly onOnline = (): void => {
    this.facts.online = true;
    this.facts.failedAttempts = 0;
    this.update();
    this.reconnect();
  };

  private readonly onOffline = (): void => {
    this.facts.online = false;
    // Drop a socket that may linger half-open; the next connect sends offline edits in step 2.
    this.provider.disconnect();
    this.update();
  };

  private update(): void {
    this.facts.online = this.isOnline();
    const next = deriveStatus(this.facts);
    if (next === this.status) return;
    this.status = next;
    for (const listener of this.listeners) listener();
  }

  destroy(): void {
    this.networkEvents?.removeEventListener('online', this.onOnline);
    this.networkEvents?.removeEventListener('offline', this.onOffline);
    this.listeners.clear();
    this.provider.destroy();
  }
}
