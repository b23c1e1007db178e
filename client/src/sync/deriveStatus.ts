import type { SyncError, SyncStatus } from './syncStatus';

export interface ConnectionFacts {
  error: SyncError | null;
  online: boolean;
  socket: 'connecting' | 'connected' | 'disconnected';
  /** Closes in a row without ever reaching `connected`. */
  failedAttempts: number;
  /** The server's sync step 2 arrived on the current socket. */
  synced: boolean;
  /** Index of the last frame with document changes sent on the current socket (0: none). */
  lastDocFrame: number;
  /** Highest frame index the server acknowledged as durably stored on the current socket. */
  acked: number;
  /** The last close said the server is at its limit (1013), and no socket connected since. */
  busy?: boolean;
}

/**
 * The honest status. "saved" only when connected, synced, and every frame that carried our
 * changes is acknowledged as stored. Offline edits are carried by our sync step 2 after reconnect,
 * which is itself a counted doc frame, so they are covered too.
 */
export function deriveStatus(f: ConnectionFacts): SyncStatus {
  if (f.error) return f.error;
  if (!f.online) return 'offline';
  if (f.busy && f.socket !== 'connected') return 'busy';
  if (f.socket === 'connected') return f.synced && f.acked >= f.lastDocFrame ? 'saved' : 'syncing';
  // One failed attempt can be a blip; after two the server is unreachable for practical purposes.
  if (f.failedAttempts >= 2) return 'unreachable';
  return 'connecting';
}
