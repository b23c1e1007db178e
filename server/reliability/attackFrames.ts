import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { SeededRandom } from '../../shared/seededRandom';
import {
  concurrentRunsAtOneIndex,
  deepNesting,
  hugeDeleteSet,
  keyChainQuadratic,
  missingDependencies,
  tinyItems,
  unknownRoot,
} from '../../shared/testing/hostileUpdates';
import { putLabel } from '../test/helpers';

/** One frame an attacker sends, named for the reports. */
export interface AttackFrame {
  readonly kind: string;
  readonly data: Uint8Array;
}

const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

const update = (data: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, data);
  });

const awareness = (entries: Array<[number, number, string]>): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(
      e,
      frame((a) => {
        encoding.writeVarUint(a, entries.length);
        for (const [id, clock, json] of entries) {
          encoding.writeVarUint(a, id);
          encoding.writeVarUint(a, clock);
          encoding.writeVarString(a, json);
        }
      }),
    );
  });

const step1 = (): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Uint8Array.of(0));
  });

/** An ordinary edit, so that attackers also write content the server must store and acknowledge. */
function honestEdit(rng: SeededRandom, clientId: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  putLabel(doc, `attacker-${clientId}`, 'x'.repeat(rng.int(200)));
  return update(Y.encodeStateAsUpdate(doc));
}

/**
 * A seeded sequence of valid but hostile frames for one attacker socket: the structure-aware fuzz's
 * material. Sizes stay below a few hundred KB so a CI run stays short; each kind is one of the
 * issue's cases or its neighbour. `honestIds` are awareness ids of honest participants to impersonate.
 */
export function attackSequence(
  rng: SeededRandom,
  honestIds: readonly number[],
  clientBase: number,
): AttackFrame[] {
  const frames: AttackFrame[] = [];
  const count = 1 + rng.int(5);
  for (let i = 0; i < count; i++) {
    const client = clientBase + i * 10;
    switch (rng.int(13)) {
      case 0:
        frames.push({ kind: 'deep nesting', data: update(deepNesting(2 + rng.int(5000), client)) });
        break;
      case 1:
        frames.push({
          kind: 'missing dependencies',
          data: update(missingDependencies(1 + rng.int(200), rng.int(2000), client)),
        });
        break;
      case 2:
        frames.push({
          kind: 'runs at one index',
          data: update(concurrentRunsAtOneIndex(100 + rng.int(3000))),
        });
        break;
      case 3:
        frames.push({
          kind: 'key-chain quadratic',
          data: update(keyChainQuadratic(500 + rng.int(7000), client)),
        });
        break;
      case 4:
        frames.push({ kind: 'huge delete set', data: update(hugeDeleteSet(1 + rng.int(150_000), client)) });
        break;
      case 5:
        frames.push({ kind: 'many tiny items', data: update(tinyItems(1 + rng.int(25_000), client)) });
        break;
      case 6:
        frames.push({ kind: 'unknown root', data: update(unknownRoot(client)) });
        break;
      case 7:
      case 8:
        frames.push({ kind: 'ordinary edit', data: honestEdit(rng, client) });
        break;
      case 9: {
        const depth = 10 + rng.int(30_000);
        frames.push({
          kind: 'deep awareness',
          data: awareness([[client, 1, `${'['.repeat(depth)}${']'.repeat(depth)}`]]),
        });
        break;
      }
      case 10: {
        const entries = Array.from({ length: 1 + rng.int(2000) }, (_, k): [number, number, string] => [
          client * 10_000 + k,
          1,
          JSON.stringify({ user: { name: `fake ${k}`, colour: '#f00' } }),
        ]);
        frames.push({ kind: 'awareness flood', data: awareness(entries) });
        break;
      }
      case 11: {
        const victim = rng.pick(honestIds) ?? 1;
        frames.push({
          kind: 'impersonation',
          data: awareness([
            [victim, 1 + rng.int(1e6), JSON.stringify({ user: { name: 'Mallory', colour: '#f00' } })],
            [victim, 2 ** 40, 'null'],
          ]),
        });
        break;
      }
      default:
        for (let k = 0; k < 2 + rng.int(10); k++) frames.push({ kind: 'sync step 1 burst', data: step1() });
    }
  }
  return frames;
}
