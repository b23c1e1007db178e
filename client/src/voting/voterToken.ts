import { randomId } from '../../../shared/randomId';

const storageKey = (mapId: string) => `ketenkaart.voter.${mapId}`;

/**
 * This browser's voter token for a map: made once, kept in `localStorage`, so a reload and every
 * other tab of this browser vote as the same participant (the server counts a token's dots once).
 * One token per map, so the server cannot link a participant's votes across maps. Without storage
 * (a private window that refuses it) the token lives as long as the page.
 */
export function voterToken(mapId: string, storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  try {
    const known = storage?.getItem(storageKey(mapId));
    if (known) return known;
    const token = randomId();
    storage?.setItem(storageKey(mapId), token);
    return token;
  } catch {
    return randomId();
  }
}
