import type { WebSocket, WebSocketServer } from 'ws';
import { CLOSE_IDLE } from '../shared/protocol/syncProtocol';
import type { Connection } from './Connection';
import type { Metrics } from './metrics';

/**
 * Keep-alive of the sync sockets, every `intervalMs`: a socket that missed the previous pong is
 * terminated; a connection that sent nothing for `idleSocketMs` (answering pings but silent, when every
 * client renews its awareness every 15 s) is closed with 4108.
 */
export class KeepAlive {
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    wss: WebSocketServer,
    connections: ReadonlySet<Connection>,
    idleSocketMs: number,
    metrics: Metrics,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => {
      const now = performance.now();
      for (const conn of connections) {
        if (now - conn.lastFrameAt > idleSocketMs) {
          metrics.reject('idle');
          conn.close(CLOSE_IDLE, 'nothing received for too long; reconnect');
        }
      }
      for (const ws of wss.clients) {
        if (this.alive.get(ws) === false) {
          ws.terminate();
          continue;
        }
        this.alive.set(ws, false);
        try {
          ws.ping();
        } catch {
          ws.terminate();
        }
      }
    }, intervalMs);
    this.timer.unref();
  }

  /** A new socket: alive until it misses a pong. */
  watch(ws: WebSocket): void {
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
