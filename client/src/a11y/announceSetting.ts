import { useSyncExternalStore } from 'react';

/**
 * Whether other people's changes are read out in the live region, remembered on this device
 * (on by default: a screen reader user needs to hear that the map changed under them; someone
 * who finds it noisy turns it off in the shortcuts dialog).
 */
const STORAGE_KEY = 'ketenkaart.announceRemote';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

let current = read();

export function announceRemoteChanges(): boolean {
  return current;
}

export function setAnnounceRemoteChanges(on: boolean): void {
  current = on;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Private mode without storage: the choice holds for this session.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAnnounceRemoteChanges(): boolean {
  return useSyncExternalStore(subscribe, announceRemoteChanges, announceRemoteChanges);
}
