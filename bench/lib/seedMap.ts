import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { ChainMap } from '../../shared/model/ChainMap';

/**
 * A map on a running server, seeded through the stock y-websocket client as a browser would be:
 * the benches measure what a real client stored and the server relayed, never a doc built in place.
 */

export interface MapKeys {
  id: string;
  editKey: string;
}

/** The server refuses a body that is not declared as JSON (415); any refusal stops the run with its answer. */
export async function createMapOn(url: string, title: string): Promise<MapKeys> {
  const res = await fetch(`${url}/api/maps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (!res.ok) throw new Error(`POST /api/maps answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as MapKeys;
}

export function provider(url: string, map: MapKeys, doc: ChainMap['doc']): WebsocketProvider {
  return new WebsocketProvider(`${url.replace(/^http/, 'ws')}/sync`, map.id, doc, {
    params: { key: map.editKey },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

/**
 * Resolves on the first sync. A close in 4400–4499 (refused: bad map id, key, quarantine) stops
 * y-websocket's reconnect loop, so the sync would never come: that rejects with the server's reason.
 */
export const synced = (p: WebsocketProvider) =>
  new Promise<void>((resolve, reject) => {
    if (p.synced) return resolve();
    p.once('sync', () => resolve());
    p.on('connection-close', (event) => {
      if (event && event.code >= 4400 && event.code < 4500)
        reject(new Error(`sync refused: ${event.code} ${event.reason}`));
    });
  });

/** Seeds through a stock client and waits until a second client sees it all (the server relays only what it stored). */
export async function seed(url: string, map: MapKeys, actors: number, links: number): Promise<string[]> {
  const { doc } = new ChainMap();
  const p = provider(url, map, doc);
  await synced(p);
  const chain = ChainMap.create(doc, { title: 'bench' });
  const ids: string[] = [];
  chain.transact(() => {
    for (let i = 0; i < actors; i++) {
      ids.push(
        chain.addActor({
          kind: 'service',
          label: `actor-${i}`,
          position: { x: (i % 40) * 220, y: Math.floor(i / 40) * 140 },
        }),
      );
    }
    for (let i = 0; i < links; i++) {
      chain.addLink({ kind: 'handover', source: ids[i % actors]!, target: ids[(i * 7 + 1) % actors]! });
    }
  });
  const check = new ChainMap();
  const q = provider(url, map, check.doc);
  const deadline = Date.now() + 30_000;
  while (check.storedIds().actors.length < actors && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const seen = check.storedIds().actors.length;
  q.destroy();
  if (seen < actors) {
    p.destroy();
    throw new Error(`seeding: a second client saw ${seen} of ${actors} actors after 30 s`);
  }
  p.destroy();
  return ids;
}
