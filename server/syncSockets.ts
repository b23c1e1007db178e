import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { parseDocRoom } from '../shared/protocol/docRooms';
import {
  ACK_PARAM,
  CLOSE_BAD_REQUEST,
  CLOSE_GOING_AWAY,
  CLOSE_KEY_REVOKED,
  CLOSE_LOAD_FAILED,
  CLOSE_PROTOCOL_ERROR,
  CLOSE_SERVER_BUSY,
  SYNC_PATH,
} from '../shared/protocol/syncProtocol';
import type { Authorizer } from './access/Authorizer';
import { KEYS_REPLACED } from './access/KeyAuthorizer';
import { Connection } from './Connection';
import type { ConnectionCaps } from './ConnectionCaps';
import { clientAddress } from './clientAddress';
import type { ConversationDocs } from './conversation/conversationDocs';
import { KeepAlive } from './KeepAlive';
import type { Limits } from './limits';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { isOriginAllowed } from './originCheck';
import { JoinRefused, type RoomRegistry } from './RoomRegistry';

/** Times a join's deadline is renewed while doc workers are still starting. */
const JOIN_EXTENSIONS = 2;

export interface SyncSocketsDeps {
  limits: Limits;
  log: Logger;
  metrics: Metrics;
  caps: ConnectionCaps;
  rooms: RoomRegistry;
  authorizer: Authorizer;
  /** Gives a map's conversation doc its row before its room is first joined. */
  conversations: Pick<ConversationDocs, 'ensure'>;
  pool: { readonly isStarting: boolean };
  /** Filled once the listen address is known, before the first upgrade is served. */
  allowedOrigins: ReadonlySet<string>;
  pingIntervalMs: number;
}

const refuseUpgrade = (socket: Duplex, status: number, text: string): void => {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/**
 * The sync sockets of one server: the upgrade (origin), the join (caps, access, load under a
 * deadline), keep-alive (`KeepAlive`), closing sockets whose keys were rotated, and shutdown.
 */
export class SyncSockets {
  readonly connections = new Set<Connection>();
  // No compression: it would let a small frame inflate beyond maxPayload in memory.
  private readonly wss: WebSocketServer;
  private readonly keepAlive: KeepAlive;

  constructor(private readonly deps: SyncSocketsDeps) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: deps.limits.maxMessageBytes,
      perMessageDeflate: false,
    });
    this.keepAlive = new KeepAlive(
      this.wss,
      this.connections,
      deps.limits.idleSocketMs,
      deps.metrics,
      deps.pingIntervalMs,
    );
  }

  /** An HTTP upgrade: only sync paths from allowed origins become sync sockets. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const { log, metrics } = this.deps;
    socket.on('error', (err) => log.debug({ err }, 'upgrade socket error'));
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${SYNC_PATH}/`)) {
      refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    if (!isOriginAllowed(req.headers.origin, this.deps.allowedOrigins)) {
      log.warn(
        { origin: String(req.headers.origin).slice(0, 200) },
        'refused sync socket from a foreign origin',
      );
      metrics.reject('origin');
      refuseUpgrade(socket, 403, 'Forbidden');
      return;
    }
    const address = clientAddress(req.socket.remoteAddress);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.accept(ws, url, address).catch((err: unknown) =>
        log.error({ err }, 'sync connection setup failed'),
      );
    });
  }

  /**
   * Closes the sockets authorised before the map's keys were rotated, here or on another node: those
   * of both its rooms, the map doc's and the conversation doc's.
   */
  closeRevoked(mapId: string): void {
    for (const conn of this.connections) {
      if (conn.ofMap === mapId && conn.role && !this.deps.authorizer.isCurrent(mapId, conn.keyVersion)) {
        conn.close(CLOSE_KEY_REVOKED, KEYS_REPLACED);
      }
    }
  }

  /** Stops the keep-alive and tells every client the server is going away. */
  goingAway(): void {
    this.keepAlive.stop();
    for (const conn of this.connections) conn.close(CLOSE_GOING_AWAY, 'server shutting down', true);
  }

  /** Waits up to `graceMs` for the sockets to finish closing, then ends the rest. */
  async drain(graceMs: number): Promise<void> {
    await waitForSocketsToClose(this.wss, graceMs);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  // Refusals are sent as 44xx close codes after accepting the upgrade: a refused upgrade shows up in
  // browsers as 1006 and the stock client would retry forever. Nothing is sent before the close.
  private async accept(ws: WebSocket, url: URL, address: string): Promise<void> {
    const { limits, log, metrics, caps, rooms, authorizer, conversations, pool } = this.deps;
    const { connections } = this;
    if (!caps.admitSync(address)) {
      ws.close(CLOSE_SERVER_BUSY, 'too many connections; try again later');
      return;
    }
    ws.once('close', () => caps.releaseSync(address));
    // The room: `<mapId>` for the map doc, `<mapId>/conversation` for its conversation doc.
    const roomId = url.pathname.slice(SYNC_PATH.length + 1);
    const room = parseDocRoom(roomId);
    const mapId = room?.mapId ?? roomId;
    const key = url.searchParams.get('key');
    const conn = new Connection(
      ws,
      roomId,
      url.searchParams.get(ACK_PARAM) === '1',
      log.child({
        mapId: room ? mapId : '(invalid)',
        ...(room?.kind === 'conversation' ? { doc: 'conversation' } : {}),
      }),
      limits,
      metrics,
      address,
    );
    connections.add(conn);
    metrics.connections = connections.size;
    this.keepAlive.watch(ws);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      try {
        conn.receive(data, isBinary);
      } catch (err) {
        conn.log.error({ err }, 'handling a frame failed');
        conn.close(CLOSE_PROTOCOL_ERROR, 'internal error while handling a message');
      }
    });
    ws.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') metrics.reject('too_big');
      else metrics.reject('malformed');
      conn.rejected = true;
      conn.log.warn({ err: err.message, code: err.code }, 'socket error');
    });
    ws.on('close', () => {
      connections.delete(conn);
      metrics.connections = connections.size;
      rooms.leave(conn);
    });
    // The deadline bounds a join's own work (access, load); while doc workers are still starting
    // (after a worker ended, or many at once) it waits for them, up to JOIN_EXTENSIONS more times.
    let extensions = 0;
    const onDeadline = () => {
      if (pool.isStarting && extensions++ < JOIN_EXTENSIONS) {
        deadline = setTimeout(onDeadline, limits.joinTimeoutMs);
        return;
      }
      conn.log.warn('map not ready before the deadline');
      conn.close(CLOSE_LOAD_FAILED, 'the map could not be loaded in time; try again later');
    };
    let deadline = setTimeout(onDeadline, limits.joinTimeoutMs);

    const refuse = (code: number, reason: string) => {
      metrics.reject('unauthorized');
      conn.close(code, reason);
    };
    try {
      if (!room) return refuse(CLOSE_BAD_REQUEST, 'invalid map id');
      const grant = await authorizer.authorizeSync(mapId, key, room.kind);
      if (!conn.isOpen) return;
      if (!grant.ok) return refuse(grant.code, grant.reason);
      conn.role = grant.role;
      conn.writes = grant.writes;
      conn.keyVersion = grant.keyVersion;
      if (room.kind === 'conversation') await conversations.ensure(mapId);
      if (!conn.isOpen) return;
      await rooms.join(conn);
      // A rotation heard while the map loaded.
      if (!authorizer.isCurrent(mapId, grant.keyVersion)) conn.close(CLOSE_KEY_REVOKED, KEYS_REPLACED);
    } catch (err) {
      if (err instanceof JoinRefused) {
        conn.close(err.closeCode, err.message);
        return;
      }
      conn.log.error({ err }, 'loading the map failed');
      conn.close(CLOSE_LOAD_FAILED, 'the map could not be loaded; try again later');
    } finally {
      clearTimeout(deadline);
    }
  }
}

function waitForSocketsToClose(wss: WebSocketServer, graceMs: number): Promise<void> {
  if (wss.clients.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(finish, graceMs);
    const onClose = () => {
      if (wss.clients.size === 0) finish();
    };
    for (const ws of wss.clients) ws.once('close', onClose);
    function finish() {
      clearTimeout(timer);
      resolve();
    }
  });
}
