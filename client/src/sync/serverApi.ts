/** The server's HTTP API for sharing (see docs/API.md). Framework-free. */
import { CREATE_TOKEN_REQUIRED } from '../../../shared/protocol/syncProtocol';

export interface MapKeys {
  id: string;
  editKey: string;
  viewKey: string;
  participateKey: string;
}

export class ServerApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server requires a map-creation token (CREATE_MAPS_TOKEN) and none or a wrong one was sent. */
    readonly tokenRequired = false,
  ) {
    super(message);
  }
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<MapKeys> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ServerApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    let tokenRequired = false;
    try {
      tokenRequired = (JSON.parse(text) as Record<string, unknown>)[CREATE_TOKEN_REQUIRED] === true;
    } catch {
      // Not JSON: an ordinary error.
    }
    throw new ServerApiError(response.status, text, tokenRequired);
  }
  const json = (await response.json()) as Partial<MapKeys>;
  const { id, editKey, viewKey, participateKey } = json;
  if ([id, editKey, viewKey, participateKey].some((value) => typeof value !== 'string')) {
    throw new ServerApiError(response.status, 'unexpected response');
  }
  return json as MapKeys;
}

/**
 * Registers a map that began on this device, under its own id. `token`: the server's map-creation
 * access code, when its operator requires one (the user gets it from the administrator).
 */
export function registerMap(serverUrl: string, id: string, title: string, token?: string): Promise<MapKeys> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return postJson(new URL('/api/maps', serverUrl).toString(), { id, title }, headers);
}

const tokenKey = (serverUrl: string) => `ketenkaart.createToken.${new URL(serverUrl).origin}`;

/** The access code last used successfully with this server on this device. */
export function rememberedCreateToken(serverUrl: string): string | undefined {
  try {
    return globalThis.localStorage?.getItem(tokenKey(serverUrl)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberCreateToken(serverUrl: string, token: string): void {
  try {
    globalThis.localStorage?.setItem(tokenKey(serverUrl), token);
  } catch {
    // Private mode: the user types it again next time.
  }
}

/** New edit, participate and view keys; the server closes sockets that used the old ones (4410). */
export function rotateKeys(serverUrl: string, id: string, editKey: string): Promise<MapKeys> {
  return postJson(
    new URL(`/api/maps/${encodeURIComponent(id)}/keys`, serverUrl).toString(),
    {},
    {
      authorization: `Bearer ${editKey}`,
    },
  );
}
