import { randomId } from '../../../shared/randomId';

/** The participant's name and colour: chosen on first use, remembered on this device. */
export interface Identity {
  name: string;
  colour: string;
}

const STORAGE_KEY = 'ketenkaart.identity';

export function loadIdentity(): Identity | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Identity>;
    if (typeof value.name !== 'string' || !value.name.trim() || typeof value.colour !== 'string') return null;
    return { name: value.name.trim().slice(0, 60), colour: value.colour };
  } catch {
    return null;
  }
}

export function saveIdentity(identity: Identity): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(identity));
  } catch {
    // Without storage the identity lasts for this session only.
  }
}

const AUTHOR_KEY = 'ketenkaart.authorId';
let sessionAuthorId: string | null = null;

/**
 * This device's author id: who wrote a comment, so the UI offers "edit" and "delete" on one's own
 * comments only. Random, made on first use and kept on the device; never a secret.
 */
export function loadAuthorId(): string {
  try {
    const stored = globalThis.localStorage?.getItem(AUTHOR_KEY);
    if (stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored;
    const fresh = randomId();
    globalThis.localStorage?.setItem(AUTHOR_KEY, fresh);
    return fresh;
  } catch {
    sessionAuthorId ??= randomId();
    return sessionAuthorId;
  }
}
