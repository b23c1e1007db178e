/**
 * "Saved" must mean stored: an update that would wedge the room's doc is refused before it is
 * applied and never acknowledged; a failed application closes the room (1011) and reloads it from
 * storage, so no later acknowledged edit can be lost; a stored map that throws when loaded is
 * quarantined (4423) while other maps keep working.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docRoots } from '../../shared/model/layout';
import {
  CLOSE_INVALID_CONTENT,
  CLOSE_LOAD_FAILED,
  CLOSE_MAP_QUARANTINED,
  MESSAGE_STORED,
} from '../../shared/protocol/syncProtocol';
import { encodeRawUpdate } from '../../shared/testing/rawUpdate';
import type { RunningServer } from '../createServer';
import { SqliteMapStore } from '../storage/SqliteMapStore';
import {
  allStored,
  clientsClosedAfterEach,
  closedAfterEach,
  contentOf,
  createMap,
  docFromUpdates,
  labelOf,
  openRaw,
  putLabel,
  type RawSocket,
  startServer,
  synced,
  tempDir,
  updateFrame,
  waitFor,
  wsUrl,
} from '../test/helpers';

let server: RunningServer | undefined;
const closing = closedAfterEach();
const open = clientsClosedAfterEach();

/**
 * A Y.Map nested `depth` deep under an actor, then that actor deleted: the two valid updates a Yjs
 * client sends (the deletion written as Yjs writes it; performing it here would overflow this
 * process's stack inside Yjs's cleanup, which is the point).
 */
function nestedThenDeleted(depth: number): [Uint8Array, Uint8Array] {
  const doc = new Y.Doc();
  doc.clientID = 77;
  doc.transact(() => {
    let parent = new Y.Map<unknown>();
    docRoots(doc).actors.set('deep', parent);
    for (let i = 0; i < depth; i++) {
      const child = new Y.Map<unknown>();
      parent.set('child', child);
      parent = child;
    }
  });
  const deletion = encodeRawUpdate({ clients: [], deletes: [{ client: 77, ranges: [[0, 1]] }] });
  return [Y.encodeStateAsUpdate(doc), deletion];
}

const acksOf = (raw: RawSocket): number[] =>
  raw.messages.filter((m) => m[0] === MESSAGE_STORED).map((m) => m[1]!);

async function rawEditor(url: string, mapId: string, key: string): Promise<RawSocket> {
  const raw = openRaw(`${wsUrl(url)}/sync/${mapId}?key=${key}&ack=1`);
  await raw.opened;
  await waitFor(() => raw.messages.length > 0, 'sync step 1 from the server');
  return raw;
}

describe('an ack means stored', () => {
  it('a Y.Map nested 3,000 deep and deleted is refused unacknowledged; twenty later acknowledged edits survive a restart', async () => {
    const dataDir = tempDir();
    server = closing(await startServer({ dataDir }));
    const map = await createMap(server.url);
    const [nested, deleted] = nestedThenDeleted(3000);

    const attacker = await rawEditor(server.url, map.id, map.editKey);
    attacker.ws.send(updateFrame(nested));
    attacker.ws.send(updateFrame(deleted));
    expect((await attacker.closed).code).toBe(CLOSE_INVALID_CONTENT);
    expect(acksOf(attacker), 'nothing of the poison was acknowledged').toEqual([]);

    const writer = open(server.url, map.id, map.editKey, { ack: true });
    await synced(writer);
    for (let i = 0; i < 20; i++) {
      putLabel(writer.doc, `after-${i}`, `edit ${i}`);
      await allStored(writer, `ack of edit ${i}`);
    }
    const acknowledged = contentOf(writer.doc);
    writer.destroy();
    await server.close();

    server = closing(await startServer({ dataDir }));
    const reader = open(server.url, map.id, map.viewKey);
    await synced(reader);
    expect(contentOf(reader.doc)).toEqual(acknowledged);
    expect(Object.keys(acknowledged)).toHaveLength(20);
    expect(labelOf(reader.doc, 'deep')).toBeUndefined();
  });

  it('held-back content that breaks the shape once integrated fails the room safe: 1011, nothing stored, later edits kept', async () => {
    const store = closing(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') }));
    server = closing(await startServer({ store }));
    const map = await createMap(server.url);
    const peer = open(server.url, map.id, map.editKey, { ack: true });
    await synced(peer);
    putLabel(peer.doc, 'kept', 'before');
    await allStored(peer);

    // A Y.Map placed right of an item the server does not have yet: Yjs holds it back, and the shape
    // check cannot know where it will land. The missing item then arrives as a field of an actor,
    // which puts the held Y.Map inside an element: nesting the layout does not have.
    const actor = new ActorByClient(9, 'victim');
    const held = encodeRawUpdate({
      clients: [
        {
          client: 8,
          clock: 0,
          structs: [{ origin: { client: 9, clock: 1 }, content: { kind: 'type', type: 'map' } }],
        },
      ],
    });
    const sender = await rawEditor(server.url, map.id, map.editKey);
    sender.ws.send(updateFrame(held));
    sender.ws.send(updateFrame(actor.update));

    expect((await sender.closed).code).toBe(CLOSE_INVALID_CONTENT);
    expect(acksOf(sender)).toEqual([]);
    await waitFor(() => peer.closes.some((c) => c.code === CLOSE_LOAD_FAILED), 'the room closes with 1011');
    const stored = docFromUpdates((await store.loadUpdates(map.id)).map((r) => r.data));
    expect(labelOf(stored, 'victim'), 'nothing of the failed batch is stored').toBeUndefined();
    expect(contentOf(stored)).toEqual({ kept: 'before' });

    // The map reloads from storage and goes on.
    await waitFor(() => peer.provider.synced && peer.provider.wsconnected, 'the peer reconnects');
    putLabel(peer.doc, 'later', 'after the failure');
    const storedLabel = async () =>
      labelOf(docFromUpdates((await store.loadUpdates(map.id)).map((r) => r.data)), 'later');
    const deadline = Date.now() + 5000;
    while ((await storedLabel()) === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await storedLabel()).toBe('after the failure');
  });

  it('a stored map that throws when it loads is quarantined with 4423; other maps keep working', async () => {
    const store = closing(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') }));
    server = closing(await startServer({ store }));
    const poisoned = await createMap(server.url);
    const healthy = await createMap(server.url);
    // Written straight into storage, as a server without the shape rules would have stored it.
    await store.appendUpdates(poisoned.id, nestedThenDeleted(20_000));

    const victim = openRaw(`${wsUrl(server.url)}/sync/${poisoned.id}?key=${poisoned.editKey}`);
    const closed = await victim.closed;
    expect(closed.code).toBe(CLOSE_MAP_QUARANTINED);
    expect(closed.reason).toMatch(/quarantined/);
    expect(server.metrics.quarantines).toBe(1);
    const again = openRaw(`${wsUrl(server.url)}/sync/${poisoned.id}?key=${poisoned.editKey}`);
    expect((await again.closed).code, 'refused while quarantined, without loading again').toBe(
      CLOSE_MAP_QUARANTINED,
    );

    const a = open(server.url, healthy.id, healthy.editKey);
    const b = open(server.url, healthy.id, healthy.editKey);
    await Promise.all([synced(a), synced(b)]);
    putLabel(a.doc, 'fine', 'yes');
    await waitFor(() => labelOf(b.doc, 'fine') === 'yes', 'the other map syncs');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/ketenkaart_quarantines_total 1/);
  });
});

/** An actor written by a fixed client id, as one update, to supply a missing dependency. */
class ActorByClient {
  readonly update: Uint8Array;
  constructor(clientId: number, id: string) {
    const doc = new Y.Doc();
    doc.clientID = clientId;
    const element = new Y.Map<unknown>();
    docRoots(doc).actors.set(id, element);
    element.set('label', id);
    this.update = Y.encodeStateAsUpdate(doc);
  }
}
