import { ID_PATTERN } from '../../../shared/protocol/syncProtocol';

/**
 * Routes live in the URL fragment, so keys in a link (`#/kaart/<id>?key=…&mode=view`) never reach
 * the server's logs or a Referer header.
 */
export type Route =
  | { name: 'home' }
  | { name: 'accessibility' }
  | { name: 'map'; id: string }
  | { name: 'join'; id: string; key: string; mode: LinkMode };

/** The three links of a map: "Bewerken", "Deelnemen" (comment, vote, follow) and "Bekijken". */
export type LinkMode = 'edit' | 'participate' | 'view';

const modeOf = (value: string | null): LinkMode =>
  value === 'view' ? 'view' : value === 'participate' ? 'participate' : 'edit';

/** The accessibility statement's address, linked from every page's footer. */
export const ACCESSIBILITY_HASH = '#/toegankelijkheid';

export function parseRoute(hash: string): Route {
  if (hash === ACCESSIBILITY_HASH) return { name: 'accessibility' };
  const match = /^#\/kaart\/([^?/]+)(?:\?(.*))?$/.exec(hash);
  if (!match) return { name: 'home' };
  const id = decodeURIComponent(match[1]!);
  if (!ID_PATTERN.test(id)) return { name: 'home' };
  const params = new URLSearchParams(match[2] ?? '');
  const key = params.get('key');
  if (key) return { name: 'join', id, key, mode: modeOf(params.get('mode')) };
  return { name: 'map', id };
}

export function mapHash(id: string): string {
  return `#/kaart/${id}`;
}

/** A shareable link to the map for this server. */
export function shareLink(origin: string, id: string, key: string, mode: LinkMode): string {
  const params = new URLSearchParams({ key });
  if (mode !== 'edit') params.set('mode', mode);
  return `${origin}/${mapHash(id)}?${params.toString()}`;
}

/** Reads a pasted link (or a bare fragment) back into a join route. */
export function parseShareLink(text: string): Extract<Route, { name: 'join' }> | null {
  const trimmed = text.trim();
  const hashIndex = trimmed.indexOf('#');
  if (hashIndex < 0) return null;
  const route = parseRoute(trimmed.slice(hashIndex));
  return route.name === 'join' ? route : null;
}

export function navigate(hash: string, replace = false): void {
  if (replace) history.replaceState(null, '', hash);
  else location.hash = hash;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}
