/**
 * Awareness (presence) is bounded and owned. With only a view key, nobody can poison a map's
 * presence so that joins fail, flood it with fake participants, rename someone else, or hide them.
 */
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_INVALID_CONTENT, MESSAGE_AWARENESS } from '../../shared/protocol/syncProtocol';
import type { RunningServer } from '../createServer';
import {
  clientsClosedAfterEach,
  createMap,
  encodeFrame,
  openRaw,
  type RawSocket,
  startServer,
  synced,
  waitFor,
  wsUrl,
} from '../test/helpers';

let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});
const open = clientsClosedAfterEach();

/** `[awareness, update]` with entries (clientId, clock, JSON state text). */
const awarenessFrame = (entries: Array<[number, number, string]>): Uint8Array =>
  encodeFrame((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      e,
      encodeFrame((a) => {
        encoding.writeVarUint(a, entries.length);
        for (const [id, clock, json] of entries) {
          encoding.writeVarUint(a, id);
          encoding.writeVarUint(a, clock);
          encoding.writeVarString(a, json);
        }
      }),
    );
  });

async function viewer(mapId: string, key: string): Promise<RawSocket> {
  const raw = openRaw(`${wsUrl(server!.url)}/sync/${mapId}?key=${key}`);
  await raw.opened;
  await waitFor(() => raw.messages.length > 0, 'sync step 1 from the server');
  return raw;
}

describe('awareness is bounded and owned', () => {
  it('a state nested 20,000 deep closes its socket (4422) and every later join works', async () => {
    server = await startServer();
    const map = await createMap(server.url);
    const attacker = await viewer(map.id, map.viewKey);
    attacker.ws.send(awarenessFrame([[9999, 1, `${'['.repeat(20_000)}${']'.repeat(20_000)}`]]));
    expect((await attacker.closed).code).toBe(CLOSE_INVALID_CONTENT);
    for (let i = 0; i < 15; i++) {
      const joiner = open(server.url, map.id, map.viewKey);
      await synced(joiner);
      expect(joiner.provider.awareness.getStates().has(9999)).toBe(false);
      joiner.destroy();
    }
  });

  it('a flood of fake participants is capped per connection and per map', async () => {
    server = await startServer({ limits: { maxAwarenessIdsPerConnection: 4, maxAwarenessStatesPerMap: 20 } });
    const map = await createMap(server.url);
    const flooders = await Promise.all(Array.from({ length: 10 }, () => viewer(map.id, map.viewKey)));
    flooders.forEach((raw, f) => {
      const entries = Array.from({ length: 500 }, (_, i): [number, number, string] => [
        100_000 + f * 1000 + i,
        1,
        JSON.stringify({ user: { name: `fake ${i}`, colour: '#f00' } }),
      ]);
      raw.ws.send(awarenessFrame(entries));
    });
    const joiner = open(server.url, map.id, map.viewKey);
    await synced(joiner);
    await waitFor(() => joiner.provider.awareness.getStates().size > 1, 'some states arrive');
    // Others: at most 4 ids per connection and 20 per map.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const others = [...joiner.provider.awareness.getStates().keys()].filter(
      (id) => id !== joiner.doc.clientID,
    );
    expect(others.length).toBeLessThanOrEqual(20);
    for (let f = 0; f < 10; f++) {
      expect(
        others.filter((id) => id >= 100_000 + f * 1000 && id < 100_000 + (f + 1) * 1000).length,
      ).toBeLessThanOrEqual(4);
    }
    expect(server.metrics.rejectedCount('awareness_cap')).toBeGreaterThan(0);
  });

  it('nobody can rename another participant or hide her with a null state and a huge clock; she can come back', async () => {
    server = await startServer();
    const map = await createMap(server.url);
    const alice = open(server.url, map.id, map.editKey);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice', colour: '#0a0' });
    const bob = open(server.url, map.id, map.viewKey);
    await Promise.all([synced(alice), synced(bob)]);
    const aliceId = alice.doc.clientID;
    await waitFor(
      () => bob.provider.awareness.getStates().get(aliceId)?.user?.name === 'Alice',
      'Bob sees Alice',
    );

    const mallory = await viewer(map.id, map.viewKey);
    mallory.ws.send(
      awarenessFrame([[aliceId, 10_000, JSON.stringify({ user: { name: 'Mallory', colour: '#f00' } })]]),
    );
    mallory.ws.send(awarenessFrame([[aliceId, 2 ** 40, 'null']]));
    // Mallory's own, honest state goes through: by then the two forged entries were handled.
    mallory.ws.send(
      awarenessFrame([[424_242, 1, JSON.stringify({ user: { name: 'Mallory', colour: '#f00' } })]]),
    );
    await waitFor(() => bob.provider.awareness.getStates().has(424_242), 'Mallory appears as herself');
    expect(bob.provider.awareness.getStates().get(aliceId)?.user?.name).toBe('Alice');
    expect(server.metrics.rejectedCount('awareness_not_owner')).toBeGreaterThanOrEqual(2);

    // Alice reconnects with the same client id (the same tab): she is visible again for everyone.
    alice.provider.disconnect();
    await waitFor(() => !bob.provider.awareness.getStates().has(aliceId), 'Alice left');
    mallory.ws.send(awarenessFrame([[aliceId, 2 ** 40, 'null']]));
    alice.provider.connect();
    await synced(alice);
    // Peers saw her removal one clock tick after her last state; her next two changes are newer.
    alice.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 });
    alice.provider.awareness.setLocalStateField('cursor', { x: 2, y: 2 });
    await waitFor(
      () => bob.provider.awareness.getStates().get(aliceId)?.user?.name === 'Alice',
      'Alice is back',
      10_000,
    );
  });
});
