/** The server's HTTP API for sharing (see docs/API.md). Framework-free. */

export interface MapKeys {
  id: string;
  editKey: string;
  viewKey: string;
}

export class ServerApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
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
  if (!response.ok) throw new ServerApiError(response.status, await response.text().catch(() => ''));
  const json = (await response.json()) as Partial<MapKeys>;
  if (typeof json.id !== 'string' || typeof json.editKey !== 'string' || typeof json.viewKey !== 'string') {
    throw new ServerApiError(response.status, 'unexpected response');
  }
  return { id: json.id, editKey: json.editKey, viewKey: json.viewKey };
}

/** Registers a map that began on this device, under its own id. */
export function registerMap(serverUrl: string, id: string, title: string): Promise<MapKeys> {
  return postJson(new URL('/api/maps', serverUrl).toString(), { id, title });
}

/** New edit and view keys; the server closes sockets that used the old ones (4410). */
export function rotateKeys(serverUrl: string, id: string, editKey: string): Promise<MapKeys> {
  return postJson(
    new URL(`/api/maps/${encodeURIComponent(id)}/keys`, serverUrl).toString(),
    {},
    {
      authorization: `Bearer ${editKey}`,
    },
  );
}
