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
