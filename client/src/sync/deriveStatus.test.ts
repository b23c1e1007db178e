import { describe, expect, it } from 'vitest';
import { carriesDocChanges } from './CountingWebSocket';
import { type ConnectionFacts, deriveStatus } from './deriveStatus';
import { errorForCloseCode } from './syncStatus';

const base: ConnectionFacts = {
  error: null,
  online: true,
  socket: 'connected',
  failedAttempts: 0,
  synced: true,
  lastDocFrame: 0,
  acked: 0,
};

describe('deriveStatus', () => {
  it('is "saved" only when every frame with our changes is acknowledged', () => {
    expect(deriveStatus(base)).toBe('saved');
    expect(deriveStatus({ ...base, lastDocFrame: 5, acked: 4 })).toBe('syncing');
    expect(deriveStatus({ ...base, lastDocFrame: 5, acked: 7 })).toBe('saved');
    expect(deriveStatus({ ...base, synced: false })).toBe('syncing');
  });

  it('offline wins over everything but a terminal error', () => {
    expect(deriveStatus({ ...base, online: false })).toBe('offline');
    expect(deriveStatus({ ...base, online: false, error: 'revoked' })).toBe('revoked');
  });

  it('connecting first; with the network on, unreachable after repeated failures', () => {
    expect(deriveStatus({ ...base, socket: 'connecting' })).toBe('connecting');
    expect(deriveStatus({ ...base, socket: 'connecting', failedAttempts: 1 })).toBe('connecting');
    expect(deriveStatus({ ...base, socket: 'connecting', failedAttempts: 2 })).toBe('unreachable');
    expect(deriveStatus({ ...base, socket: 'disconnected', failedAttempts: 3, online: false })).toBe(
      'offline',
    );
  });
});

describe('close codes and frames', () => {
  it('maps server close codes to Dutch-message errors', () => {
    expect(errorForCloseCode(4401)).toBe('unauthorized');
    expect(errorForCloseCode(4403)).toBe('unauthorized');
    expect(errorForCloseCode(4404)).toBe('notFound');
    expect(errorForCloseCode(4410)).toBe('revoked');
    expect(errorForCloseCode(1006)).toBeNull();
  });

  it('recognises frames that carry document changes', () => {
    expect(carriesDocChanges(new Uint8Array([0, 0, 1]))).toBe(false); // sync step 1
    expect(carriesDocChanges(new Uint8Array([0, 1, 1]))).toBe(true); // step 2
    expect(carriesDocChanges(new Uint8Array([0, 2, 1]))).toBe(true); // update
    expect(carriesDocChanges(new Uint8Array([1, 5]))).toBe(false); // awareness
  });
});
