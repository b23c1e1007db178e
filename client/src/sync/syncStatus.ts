import {
  CLOSE_FORBIDDEN,
  CLOSE_INVALID_CONTENT,
  CLOSE_KEY_REVOKED,
  CLOSE_MAP_QUARANTINED,
  CLOSE_NOT_FOUND,
  CLOSE_TOO_BIG,
  CLOSE_TOO_MANY_MESSAGES,
  CLOSE_UNAUTHORIZED,
} from '../../../shared/protocol/syncProtocol';
import type { MessageKey } from '../i18n/i18n';

/** Terminal: reconnecting would not help; the user is told why and the changes stay on the device. */
export type SyncError =
  | 'unauthorized'
  | 'revoked'
  | 'notFound'
  | 'badRequest'
  | 'tooBig'
  | 'invalidContent'
  | 'quarantined'
  | 'rateLimited'
  | 'invalidFromServer';
/**
 * `offline`: this device has no network. `unreachable`: it has, but the server does not answer
 * (down, a captive portal, a firewall). `busy`: the server said it is at its limit (1013); the
 * client keeps trying with backoff. Errors are terminal answers from the server.
 */
export type SyncStatus = 'offline' | 'unreachable' | 'connecting' | 'syncing' | 'saved' | 'busy' | SyncError;

export const SYNC_ERRORS: readonly SyncError[] = [
  'unauthorized',
  'revoked',
  'notFound',
  'badRequest',
  'tooBig',
  'invalidContent',
  'quarantined',
  'rateLimited',
  'invalidFromServer',
];

export function isSyncError(status: SyncStatus): status is SyncError {
  return (SYNC_ERRORS as readonly string[]).includes(status);
}

/** Maps a server close code to a terminal error, or null when reconnecting may help. */
export function errorForCloseCode(code: number): SyncError | null {
  switch (code) {
    case CLOSE_UNAUTHORIZED:
    case CLOSE_FORBIDDEN:
      return 'unauthorized';
    case CLOSE_KEY_REVOKED:
      return 'revoked';
    case CLOSE_NOT_FOUND:
      return 'notFound';
    case CLOSE_TOO_BIG:
      return 'tooBig';
    case CLOSE_INVALID_CONTENT:
      return 'invalidContent';
    case CLOSE_MAP_QUARANTINED:
      return 'quarantined';
    case CLOSE_TOO_MANY_MESSAGES:
      return 'rateLimited';
    default:
      return code >= 4400 && code < 4500 ? 'badRequest' : null;
  }
}

export function statusMessageKey(status: SyncStatus): MessageKey {
  return isSyncError(status) ? `error.${status}` : `status.${status}`;
}
