import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { ChainMap } from '../../shared/model/ChainMap';
import type { SeededRandom } from '../../shared/seededRandom';

/** One frame to send: binary bytes, or a text frame (which the protocol does not allow). */
export type FuzzFrame = { kind: string; data: Uint8Array | string };

const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

const randomBytes = (rng: SeededRandom, length: number): Uint8Array =>
  Uint8Array.from({ length }, () => rng.int(256));

/** Real protocol messages, the material that truncation and bit flips start from. */
function validFrames(rng: SeededRandom): Uint8Array[] {
  const doc = new Y.Doc();
  const map = new ChainMap(doc);
  map.addActor({ id: `fuzz-${rng.int(1e6)}`, kind: 'service', label: 'x'.repeat(rng.int(40)) });
  map.addNote({ kind: 'gap', text: `note ${rng.int(1000)}` });
  const update = Y.encodeStateAsUpdate(doc);
  const stateVector = Y.encodeStateVector(doc);
  doc.destroy();
  return [
    frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, stateVector);
    }),
    frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, update);
    }),
    frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, update);
    }),
    frame((e) => {
      encoding.writeVarUint(e, 1);
      // Awareness: one client, clock, JSON state.
      encoding.writeVarUint8Array(
        e,
        frame((a) => {
          encoding.writeVarUint(a, 1);
          encoding.writeVarUint(a, 1 + rng.int(1e6));
          encoding.writeVarUint(a, rng.int(10));
          encoding.writeVarString(a, JSON.stringify({ user: { name: 'fuzz' } }));
        }),
      );
    }),
  ];
}

/** A frame the server must refuse by closing the socket, whoever sends it. */
export function offendingFrame(rng: SeededRandom, oversizeBytes: number): FuzzFrame {
  switch (rng.int(4)) {
    case 0:
      return { kind: 'text', data: 'not a binary frame' };
    case 1:
      return { kind: 'unknown type', data: frame((e) => encoding.writeVarUint(e, 4 + rng.int(90))) };
    case 2:
      return { kind: 'oversized', data: new Uint8Array(oversizeBytes) };
    default:
      return {
        kind: 'truncated update',
        data: frame((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint(e, 1000);
          encoding.writeUint8Array(e, randomBytes(rng, 10));
        }),
      };
  }
}

/** A random or mutated frame: may be harmless, may be refused; the server must survive either. */
export function fuzzFrame(rng: SeededRandom): FuzzFrame {
  const valid = validFrames(rng);
  const base = valid[rng.int(valid.length)]!;
  switch (rng.int(9)) {
    case 0:
      return { kind: 'random bytes', data: randomBytes(rng, rng.int(64)) };
    case 1:
      return { kind: 'truncated', data: base.slice(0, rng.int(base.length)) };
    case 2: {
      const data = base.slice();
      for (let i = 0, flips = 1 + rng.int(4); i < flips; i++) data[rng.int(data.length)] = rng.int(256);
      return { kind: 'mutated', data };
    }
    case 3:
      // An update claiming ~2^28..2^32 structs for one client, backed by a handful of bytes.
      return {
        kind: 'huge struct count',
        data: frame((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint8Array(
            e,
            frame((u) => {
              encoding.writeVarUint(u, 1 + rng.int(3));
              encoding.writeVarUint(u, 2 ** 28 + rng.int(2 ** 31));
              encoding.writeVarUint(u, rng.int(2 ** 30));
              encoding.writeVarUint(u, rng.int(100));
              encoding.writeUint8Array(u, randomBytes(rng, rng.int(16)));
            }),
          );
        }),
      };
    case 4:
      // A length prefix of up to 4 GiB with almost nothing behind it.
      return {
        kind: 'huge length',
        data: frame((e) => {
          encoding.writeVarUint(e, rng.int(2));
          encoding.writeVarUint(e, rng.int(3));
          encoding.writeVarUint(e, 2 ** 31 + rng.int(2 ** 31));
          encoding.writeUint8Array(e, randomBytes(rng, rng.int(8)));
        }),
      };
    case 5:
      return {
        kind: 'unknown type',
        data: frame((e) => {
          encoding.writeVarUint(e, rng.bool() ? 2 : 4 + rng.int(1000));
          encoding.writeUint8Array(e, randomBytes(rng, rng.int(16)));
        }),
      };
    case 6:
      return {
        kind: 'awareness garbage',
        data: frame((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, randomBytes(rng, rng.int(48)));
        }),
      };
    case 7:
      return { kind: 'text', data: String.fromCharCode(...randomBytes(rng, 1 + rng.int(20))) };
    default:
      return { kind: 'valid', data: base };
  }
}
