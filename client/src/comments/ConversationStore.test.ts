import { describe, expect, it } from 'vitest';
import { inMemoryConversation, inMemoryMap } from '../../../shared/model/replicas';
import type { ChainMapState } from '../../../shared/model/types';
import { ConversationStore } from './ConversationStore';
import { placeThreads } from './threadPlacement';

const els = { id: 'author-els', name: 'Els', colour: '#2563eb' };

/** A map, its conversation and the store over both, with the state re-read after every model change. */
function setup(writable = true) {
  const map = inMemoryMap({ title: 'Test' });
  const conversation = inMemoryConversation();
  let state: ChainMapState = map.read();
  const stateListeners = new Set<() => void>();
  map.onChange(() => {
    state = map.read();
    for (const l of stateListeners) l();
  });
  const store = new ConversationStore(
    conversation,
    map,
    () => state,
    (l) => {
      stateListeners.add(l);
      return () => stateListeners.delete(l);
    },
    () => writable,
  );
  return { map, conversation, store, state: () => state };
}

describe('ConversationStore', () => {
  it('a thread on an actor follows the actor, stays where it last stood when the actor is deleted, and re-attaches on undo', () => {
    const { map, conversation, store, state } = setup();
    const undo = map.createUndoManager();
    const actor = map.addActor({ kind: 'service', label: 'OCMW', position: { x: 100, y: 100 } });
    undo.stopCapturing();
    conversation.startThread({ kind: 'actor', id: actor, at: { x: 100, y: 100 } }, els, 'Wie?', 1);
    map.updateActor(actor, { position: { x: 400, y: 300 } });
    undo.stopCapturing();
    const [moved] = placeThreads(store.getThreads(), state());
    expect(moved).toMatchObject({ attached: true, name: 'OCMW' });
    const pin = moved!.at;

    map.deleteElements({ actors: [actor] });
    const [orphan] = placeThreads(store.getThreads(), state());
    expect(orphan).toMatchObject({ attached: false, at: pin });
    expect(orphan!.thread.anchor.id).toBe(actor);

    undo.undo();
    expect(placeThreads(store.getThreads(), state())[0]).toMatchObject({ attached: true, at: pin });
    // Comments are not in the map's undo: the thread is still there, with its comment.
    expect(store.getThreads()[0]!.comments).toHaveLength(1);
  });

  it('a device that may not write the conversation leaves the anchor as it was when it deletes', () => {
    const { map, conversation, store } = setup(false);
    const actor = map.addActor({ kind: 'service', label: 'OCMW', position: { x: 0, y: 0 } });
    conversation.startThread({ kind: 'actor', id: actor, at: { x: 1, y: 1 } }, els, 'Wie?', 1);
    map.updateActor(actor, { position: { x: 500, y: 500 } });
    map.deleteElements({ actors: [actor] });
    expect(store.getThreads()[0]!.anchor.at).toEqual({ x: 1, y: 1 });
  });

  it('notifies once per conversation change with a fresh snapshot', () => {
    const { conversation, store } = setup();
    let calls = 0;
    store.subscribe(() => calls++);
    const before = store.getThreads();
    conversation.startThread({ kind: 'free', id: '', at: { x: 5, y: 5 } }, els, 'Hier', 1);
    expect(calls).toBe(1);
    expect(store.getThreads()).not.toBe(before);
    expect(store.getThreads()).toHaveLength(1);
  });

  it('places link, lane and free threads', () => {
    const { map, conversation, store, state } = setup();
    const a = map.addActor({ kind: 'service', label: 'A', position: { x: 0, y: 0 } });
    const b = map.addActor({ kind: 'service', label: 'B', position: { x: 400, y: 200 } });
    const link = map.addLink({ kind: 'handover', source: a, target: b, label: 'doorverwijzing' });
    const phase = map.addPhase('Onthaal');
    conversation.startThread({ kind: 'link', id: link, at: { x: 0, y: 0 } }, els, 'x', 3);
    conversation.startThread({ kind: 'lane', id: phase, at: { x: 0, y: 0 } }, els, 'y', 2);
    conversation.startThread({ kind: 'free', id: '', at: { x: 7, y: 8 } }, els, 'z', 1);
    const placed = placeThreads(store.getThreads(), state());
    expect(placed.map((p) => [p.thread.anchor.kind, p.name, p.attached])).toEqual([
      ['link', 'doorverwijzing', true],
      ['lane', 'Onthaal', true],
      ['free', '', true],
    ]);
    expect(placed[0]!.at).toEqual({ x: 310, y: 142 });
    expect(placed[2]!.at).toEqual({ x: 7, y: 8 });
  });
});
