import * as Y from 'yjs';
import { ChainMap, type ChainMapCreateOptions, type ChainMapTemplateOptions } from './ChainMap';
import { Conversation } from './conversation/Conversation';

/**
 * Maps held in memory and copied between peers without a server: for tests, tools and benchmarks,
 * so that code outside the sync and storage layers never handles Yjs itself. A replica behaves as
 * a peer's copy does after a full sync; `connectMaps` relays every update as a sync server would.
 */

/** Origin of updates one replica received from another. */
const REPLICA_ORIGIN = Symbol('ketenkaart-replica');

/** A new, initialised map in a doc of its own. */
export function inMemoryMap(
  meta: ChainMapCreateOptions = { title: '' },
  options: ChainMapTemplateOptions = {},
): ChainMap {
  return ChainMap.create(new Y.Doc(), meta, options);
}

/** A map's conversation (comments) in a doc of its own. */
export function inMemoryConversation(): Conversation {
  return new Conversation(new Y.Doc());
}

/** The map's whole state, as one update (what a new peer receives on its first sync). */
export function encodeMap(map: ChainMap): Uint8Array {
  return Y.encodeStateAsUpdate(map.doc);
}

/** A map loaded from `encodeMap`'s output (or a stored update) into a new doc. */
export function loadMap(update: Uint8Array): ChainMap {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update, REPLICA_ORIGIN);
  return new ChainMap(doc);
}

/** A second peer holding the same content. */
export function replicaOf(map: ChainMap): ChainMap {
  return loadMap(encodeMap(map));
}

/** Sends each map what the other lacks: both hold the same content afterwards. */
export function syncMaps(a: ChainMap, b: ChainMap): void {
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), REPLICA_ORIGIN);
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), REPLICA_ORIGIN);
}

/** Relays every later update of either map to the other at once; returns the function that stops it. */
export function connectMaps(a: ChainMap, b: ChainMap): () => void {
  const relay = (to: ChainMap) => (update: Uint8Array, origin: unknown) => {
    if (origin !== REPLICA_ORIGIN) Y.applyUpdate(to.doc, update, REPLICA_ORIGIN);
  };
  const toB = relay(b);
  const toA = relay(a);
  a.doc.on('update', toB);
  b.doc.on('update', toA);
  return () => {
    a.doc.off('update', toB);
    b.doc.off('update', toA);
  };
}

/**
 * What the map's doc holds, as a comparable fingerprint: equal before and after a call exactly when
 * that call wrote nothing (no insert and no delete).
 */
export function docStateOf(map: ChainMap): Uint8Array {
  return Y.encodeStateAsUpdate(map.doc);
}

/** The map's state vector: which writes of which client it has seen (inserts only, no deletes). */
export function stateVectorOf(map: ChainMap): Uint8Array {
  return Y.encodeStateVector(map.doc);
}
