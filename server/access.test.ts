import { afterEach, describe, expect, it } from 'vitest';
import {
  CLOSE_FORBIDDEN,
  CLOSE_KEY_REVOKED,
  CLOSE_NOT_FOUND,
  CLOSE_UNAUTHORIZED,
} from '../shared/protocol/syncProtocol';
import { randomId } from '../shared/randomId';
import type { RunningServer } from './createServer';
import {
  allStored,
  clientsClosedAfterEach,
  contentOf,
  createMap,
  openRaw,
  putLabel,
  startServer,
  synced,
  waitFor,
  wsUrl,
} from './test/helpers';

let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});
const open = clientsClosedAfterEach();

/** A map with content and a present user, so a leak would be visible. */
async function populatedMap(url: string) {
  const map = await createMap(url);
  const owner = open(url, map.id, map.editKey, { ack: true });
  owner.provider.awareness.setLocalStateField('user', { name: 'owner' });
  await synced(owner);
  putLabel(owner.doc, 'secret', 'not for you');
  await allStored(owner);
  return { map, owner };
}

describe('access control', () => {
  const refusals = [
    { name: 'no key', key: () => undefined, code: CLOSE_UNAUTHORIZED, unknownMap: false },
    { name: 'a wrong key', key: () => randomId(), code: CLOSE_FORBIDDEN, unknownMap: false },
    { name: 'an unknown map', key: () => randomId(), code: CLOSE_NOT_FOUND, unknownMap: true },
  ];

  for (const { name, key, code, unknownMap } of refusals) {
    it(`${name}: closes with ${code} and sends nothing at all`, async () => {
      server = await startServer();
      const { map } = await populatedMap(server.url);
      const id = unknownMap ? randomId() : map.id;
      const k = key();

      const raw = openRaw(`${wsUrl(server.url)}/sync/${id}${k ? `?key=${k}` : ''}`);
      const closed = await raw.closed;
      expect(closed.code).toBe(code);
      expect(closed.reason).not.toBe('');
      expect(raw.messages).toHaveLength(0);

      const stock = open(server.url, id, k);
      const event = await new Promise<{ code: number }>((resolve) =>
        stock.provider.once('closed', (closed) => resolve(closed)),
      );
      expect(event.code).toBe(code);
      expect(contentOf(stock.doc)).toEqual({});
      expect([...stock.provider.awareness.getStates().keys()]).toEqual([stock.doc.clientID]);
    });
  }

  it('rotating keys closes old-key sockets with 4410, answers fresh old-key sockets with 4410 too, and accepts the new keys', async () => {
    server = await startServer();
    const { map, owner } = await populatedMap(server.url);
    const viewer = open(server.url, map.id, map.viewKey);
    await synced(viewer);

    const res = await fetch(`${server.url}/api/maps/${map.id}/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${map.editKey}` },
    });
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as { id: string; editKey: string; viewKey: string };
    expect(fresh.id).toBe(map.id);
    expect(fresh.editKey).not.toBe(map.editKey);

    await waitFor(
      () =>
        owner.closes.some((c) => c.code === CLOSE_KEY_REVOKED) && viewer.closes.some((c) => c.code === 4410),
      'both old-key sockets closed with 4410',
    );
    expect(owner.closes.find((c) => c.code === CLOSE_KEY_REVOKED)?.reason).not.toBe('');

    // A fresh socket with an old key is told the link was renewed, not that the key is unknown.
    for (const oldKey of [map.editKey, map.viewKey]) {
      const raw = openRaw(`${wsUrl(server.url)}/sync/${map.id}?key=${oldKey}`);
      expect((await raw.closed).code).toBe(CLOSE_KEY_REVOKED);
      expect(raw.messages).toHaveLength(0);
    }
    // A key that never opened this map stays unknown, also one that opens another map.
    const other = await createMap(server.url);
    for (const foreign of ['x'.repeat(22), other.editKey]) {
      const raw = openRaw(`${wsUrl(server.url)}/sync/${map.id}?key=${foreign}`);
      expect((await raw.closed).code).toBe(CLOSE_FORBIDDEN);
    }
    const again = await fetch(`${server.url}/api/maps/${map.id}/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${map.editKey}` },
    });
    expect(again.status).toBe(403);

    const renewed = open(server.url, map.id, fresh.editKey);
    await synced(renewed);
    expect(contentOf(renewed.doc)).toEqual({ secret: 'not for you' });
  });

  it('refuses a sync socket from a foreign Origin, accepts its own origin and configured ones', async () => {
    server = await startServer({ allowedOrigins: ['https://kaart.example.org'] });
    const map = await createMap(server.url);
    const url = `${wsUrl(server.url)}/sync/${map.id}?key=${map.editKey}`;

    const foreign = openRaw(url, { Origin: 'https://evil.example.com' });
    const refused = await new Promise<number>((resolve) =>
      foreign.ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(refused).toBe(403);

    for (const origin of [server.url, 'https://kaart.example.org']) {
      const ok = openRaw(url, { Origin: origin });
      await ok.opened;
      await waitFor(() => ok.messages.length > 0, `sync step 1 for origin ${origin}`);
      ok.ws.close();
    }
  });
});
