/**
 * Valid Yjs updates that are expensive or poisonous, as an attacker with an edit key would send
 * them: the cases of the server's reliability tests and the material of its structure-aware fuzz.
 * Each returns v1 update bytes (`Y.decodeUpdate` reads them; Yjs would apply them).
 */
import * as Y from 'yjs';
import { docRoots } from '../model/layout';
import { encodeRawUpdate, type RawStruct } from './rawUpdate';

/**
 * A long chain of overwrites of one `meta` key by client `base + 1`, and `n` items of client `base`
 * for the same key without an origin: Yjs walks the whole chain for each of them (quadratic; 16,000
 * of each, 350 KB, take seconds to integrate). Every item is a plain JSON value in a declared root,
 * so the shape rules let it through: only the watchdog can stop it.
 */
export function keyChainQuadratic(n: number, base = 1000): Uint8Array {
  const key = `q${base}`;
  const chain: RawStruct[] = [{ parent: 'meta', parentSub: key, content: { kind: 'any', values: [0] } }];
  for (let i = 1; i < n; i++) {
    chain.push({ origin: { client: base + 1, clock: i - 1 }, content: { kind: 'any', values: [i] } });
  }
  const unanchored: RawStruct[] = Array.from({ length: n }, (_, i) => ({
    parent: 'meta',
    parentSub: key,
    content: { kind: 'any', values: [i] },
  }));
  return encodeRawUpdate({
    clients: [
      { client: base + 1, clock: 0, structs: chain },
      { client: base, clock: 0, structs: unanchored },
    ],
  });
}

/**
 * Runs of inserts at index 0 of a Y.Array from two client ids (the quadratic case): each
 * insert of one run conflicts with the whole other run. Refused by the shape rules (no root holds
 * sequence items).
 */
export function concurrentRunsAtOneIndex(n: number, root = 'actors'): Uint8Array {
  const run = (client: number): RawStruct[] => {
    const structs: RawStruct[] = [{ parent: root, content: { kind: 'any', values: [0] } }];
    for (let i = 1; i < n; i++) {
      structs.push({ rightOrigin: { client, clock: i - 1 }, content: { kind: 'any', values: [i] } });
    }
    return structs;
  };
  return encodeRawUpdate({
    clients: [
      { client: 2001, clock: 0, structs: run(2001) },
      { client: 2002, clock: 0, structs: run(2002) },
    ],
  });
}

/** `n` entries of one value root, each its own struct: about 16 bytes each, hundreds of bytes of heap. */
export function tinyItems(n: number, client = 3000, root = 'dismissals'): Uint8Array {
  const structs: RawStruct[] = Array.from({ length: n }, (_, i) => ({
    parent: root,
    parentSub: `t${client}-${i}`,
    content: { kind: 'any', values: [i] },
  }));
  return encodeRawUpdate({ clients: [{ client, clock: 0, structs }] });
}

/** A Y.Map nested `depth` deep under an actor (the shape rules allow one level). */
export function deepNesting(depth: number, client = 4000): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = client;
  doc.transact(() => {
    let parent = new Y.Map<unknown>();
    docRoots(doc).actors.set(`deep-${client}`, parent);
    for (let i = 0; i < depth; i++) {
      const child = new Y.Map<unknown>();
      parent.set('child', child);
      parent = child;
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

/** Deletes of `ranges` one-long ranges of a client nobody has: all held back as pending deletes. */
export function hugeDeleteSet(ranges: number, client = 5000): Uint8Array {
  return encodeRawUpdate({
    clients: [],
    deletes: [{ client, ranges: Array.from({ length: ranges }, (_, i): [number, number] => [i * 2, 1]) }],
  });
}

/** `n` edits that depend on an item nobody has (client `client + 1`): held back as pending structs. */
export function missingDependencies(n: number, bytes: number, client = 6000): Uint8Array {
  const structs: RawStruct[] = Array.from({ length: n }, (_, i) => ({
    origin: { client: client + 1, clock: i },
    content: { kind: 'any', values: ['x'.repeat(bytes)] },
  }));
  return encodeRawUpdate({ clients: [{ client, clock: 0, structs }] });
}

/** An entry in a root the layout does not declare. */
export function unknownRoot(client = 7000): Uint8Array {
  return encodeRawUpdate({
    clients: [
      {
        client,
        clock: 0,
        structs: [{ parent: 'nodes', parentSub: 'n', content: { kind: 'any', values: [1] } }],
      },
    ],
  });
}
