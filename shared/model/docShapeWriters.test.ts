import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Conversation } from './conversation/Conversation';
import { goToStep, startWerkvorm } from './conversation/werkvormSession';
import { checkUpdateShape, DOC_SHAPE_LIMITS } from './docShape';
import { CONVERSATION_ROOTS, DOC_ROOTS } from './layout';

const els = { id: 'author-els', name: 'Els', colour: '#2563eb' };
const anchor = { kind: 'actor' as const, id: 'actor-1', at: { x: 0, y: 0 } };

/** The server's conversation doc and a client synced to it, with fixed client ids (deterministic). */
function synced(): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc();
  server.clientID = 1;
  const lead = new Y.Doc();
  lead.clientID = 2;
  new Conversation(lead).setWerkvorm(startWerkvorm('Els', 1000));
  new Conversation(lead).startThread(anchor, els, 'Wie belt?', 1000);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(lead));
  const client = new Y.Doc();
  client.clientID = 3;
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** What `change` makes `doc` emit, as the stock client sends it. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (u: Uint8Array) => updates.push(u);
  doc.on('update', listen);
  change();
  doc.off('update', listen);
  return Y.mergeUpdates(updates);
}

const check = (update: Uint8Array, doc: Y.Doc, writer: 'edit' | 'participate') =>
  checkUpdateShape(update, doc, DOC_SHAPE_LIMITS, CONVERSATION_ROOTS, writer);

describe('the editOnly rule of the shape check', () => {
  it('refuses a participate link moving the Werkvorm step, and takes the same update from an edit link', () => {
    const { server, client } = synced();
    const conversation = new Conversation(client);
    const update = updateOf(client, () =>
      conversation.setWerkvorm(goToStep(conversation.werkvorm()!, 3, 'Mallory', 2000)),
    );
    expect(check(update, server, 'participate')).toMatchObject({ ok: false, rule: 'edit_only' });
    expect(check(update, server, 'edit')).toMatchObject({ ok: true });
  });

  it('refuses a participate link ending the Werkvorm with a delete only', () => {
    const { server, client } = synced();
    const update = updateOf(client, () => new Conversation(client).setWerkvorm(null));
    expect(Y.decodeUpdate(update).structs).toHaveLength(0);
    expect(check(update, server, 'participate')).toMatchObject({ ok: false, rule: 'edit_only' });
  });

  it('takes a participant comment, and a sync step 2 that repeats the doc and its whole delete set', () => {
    const { server, client } = synced();
    // The lead moved the step: the old session value is deleted in every copy's delete set.
    const lead = new Y.Doc();
    Y.applyUpdate(lead, Y.encodeStateAsUpdate(server));
    lead.clientID = 2; // set after loading, or Yjs picks another id (it sees its own id in use)
    const move = updateOf(lead, () =>
      new Conversation(lead).setWerkvorm(goToStep(startWerkvorm('Els', 1000), 2, 'Els', 3000)),
    );
    const olderVector = Y.encodeStateVector(server);
    Y.applyUpdate(server, move);
    Y.applyUpdate(client, move);
    const comment = updateOf(client, () => new Conversation(client).startThread(anchor, els, 'Ik.', 4000));
    expect(check(comment, server, 'participate')).toMatchObject({ ok: true });
    Y.applyUpdate(server, comment);
    // A reconnect's step 2 against an older state vector: the lead's move again, and every delete.
    const step2 = Y.encodeStateAsUpdate(client, olderVector);
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0);
    expect(check(step2, server, 'participate')).toMatchObject({ ok: true });
  });

  it('refuses a participant update Yjs would hold back: a missing parent, a clock gap, a delete of unknown content', () => {
    const { server, client } = synced();
    // Another participant's thread the server never got; this client resolves it.
    const other = new Y.Doc();
    other.clientID = 4;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    let thread = '';
    const unseen = updateOf(other, () => {
      thread = new Conversation(other).startThread(anchor, els, 'eerst', 1);
    });
    Y.applyUpdate(client, unseen);
    const dependent = updateOf(client, () => new Conversation(client).resolve(thread, 'Els', 2));
    expect(check(dependent, server, 'participate')).toMatchObject({ ok: false, rule: 'depends_on_missing' });
    // The same from an edit link is held back, as before (the server bounds and rechecks it).
    expect(check(dependent, server, 'edit')).toMatchObject({ ok: true });

    // Items named after the lead's next clocks, to be integrated once the lead writes them.
    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(server));
    ahead.clientID = 2;
    updateOf(ahead, () => new Conversation(ahead).startThread(anchor, els, 'x', 3));
    const aimed = updateOf(ahead, () => new Conversation(ahead).startThread(anchor, els, 'y', 4));
    expect(check(aimed, server, 'participate')).toMatchObject({ ok: false, rule: 'depends_on_missing' });

    // A delete of the lead's next clock.
    const preDelete = deleteOnlyUpdate(2, 100, 1);
    expect(Y.decodeUpdate(preDelete).structs).toHaveLength(0);
    expect(check(preDelete, server, 'participate')).toMatchObject({ ok: false, rule: 'depends_on_missing' });
  });

  it('holds the map doc and edit links to nothing new', () => {
    const { server, client } = synced();
    const update = updateOf(client, () => new Conversation(client).setWerkvorm(null));
    expect(checkUpdateShape(update, server, DOC_SHAPE_LIMITS, CONVERSATION_ROOTS)).toMatchObject({
      ok: true,
    });
    expect(Object.values(DOC_ROOTS).some((spec) => 'editOnly' in spec)).toBe(false);
  });
});

/** An update with no structs that deletes `len` clocks of `client` from `clock` on (v1 encoding). */
function deleteOnlyUpdate(client: number, clock: number, len: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // no struct runs
  encoding.writeVarUint(encoder, 1); // one client in the delete set
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 1); // one range
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarUint(encoder, len);
  return encoding.toUint8Array(encoder);
}
