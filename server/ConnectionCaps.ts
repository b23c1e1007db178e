import type { Socket } from 'node:net';
import { clientAddress } from './clientAddress';
import type { Limits } from './limits';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

const LOG_EVERY_MS = 10_000;

/**
 * Caps on open connections, so a flood of idle sockets cannot use up the process's file descriptors:
 * TCP connections of any kind per client address (over it the connection is dropped at once), and
 * sync sockets in total and per address (over it the upgrade is accepted and closed with 1013 and a
 * reason, which browsers can show). Every refusal is counted in /metrics and logged, at most once
 * per ten seconds per kind with the number refused meanwhile.
 */
export class ConnectionCaps {
  private readonly tcpByAddress = new Map<string, number>();
  private readonly syncByAddress = new Map<string, number>();
  private syncTotal = 0;
  private readonly lastLog = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly limits: Limits,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {}

  /** Every accepted TCP connection; drops it when its address has too many. */
  admitSocket(socket: Socket): void {
    const address = clientAddress(socket.remoteAddress);
    const open = (this.tcpByAddress.get(address) ?? 0) + 1;
    if (open > this.limits.maxSocketsPerAddress) {
      this.metrics.reject('too_many_sockets');
      this.warn(
        'tcp',
        { address, limit: this.limits.maxSocketsPerAddress },
        'dropped a connection: too many from one address',
      );
      socket.destroy();
      return;
    }
    this.tcpByAddress.set(address, open);
    socket.once('close', () => this.decrement(this.tcpByAddress, address));
  }

  /** A sync socket that may stay; false when a cap is reached (the caller closes it with 1013). */
  admitSync(address: string): boolean {
    const open = this.syncByAddress.get(address) ?? 0;
    if (this.syncTotal >= this.limits.maxConnections || open >= this.limits.maxConnectionsPerAddress) {
      this.metrics.reject('too_many_connections');
      this.warn(
        'sync',
        {
          address,
          open,
          total: this.syncTotal,
          limits: [this.limits.maxConnections, this.limits.maxConnectionsPerAddress],
        },
        'refused a sync socket: connection limit reached',
      );
      return false;
    }
    this.syncTotal++;
    this.syncByAddress.set(address, open + 1);
    return true;
  }

  releaseSync(address: string): void {
    this.syncTotal--;
    this.decrement(this.syncByAddress, address);
  }

  private decrement(table: Map<string, number>, address: string): void {
    const left = (table.get(address) ?? 1) - 1;
    if (left <= 0) table.delete(address);
    else table.set(address, left);
  }

  private warn(kind: string, fields: Record<string, unknown>, message: string): void {
    const now = Date.now();
    const last = this.lastLog.get(kind);
    if (last && now - last.at < LOG_EVERY_MS) {
      last.suppressed++;
      return;
    }
    this.log.warn({ ...fields, refusedSinceLastLine: last?.suppressed ?? 0 }, message);
    this.lastLog.set(kind, { at: now, suppressed: 0 });
  }
}
