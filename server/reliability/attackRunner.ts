/**
 * The structure-aware fuzz's attackers, in their own process so that what they cost (building and
 * masking big frames) is not measured as the honest clients' latency. Configured by env:
 * SERVER_URL, TARGETS (JSON: [{ id, editKey, viewKey }]), HONEST_IDS (JSON numbers), SEED, LANES,
 * SEQUENCES, DURATION_MS, PHASE_MS, OUT (file). With PHASE_MS the attack is on and off in turns of
 * that length, starting on; each switch is sent to the parent (`{ phase }` over IPC) and the sockets
 * still open when the attack goes off are dropped, so the parent can compare its probes in both
 * phases of one run. Writes to OUT a JSON report: close codes, frame kinds, and per
 * map the updates the server acknowledged (base64), for the test's kill -9 oracle.
 */
import fs from 'node:fs';
import { WebSocket } from 'ws';
import { MESSAGE_STORED } from '../../shared/protocol/syncProtocol';
import { SeededRandom } from '../../shared/seededRandom';
import type { MapCredentials } from '../test/helpers';
import { AckOracle } from './AckOracle';
import { type AttackFrame, attackSequence } from './attackFrames';

export interface AttackReport {
  sockets: number;
  codes: Record<string, number>;
  kinds: Record<string, number>;
  acknowledged: Record<string, string[]>;
}

const env = process.env;
const targets = JSON.parse(env.TARGETS ?? '[]') as MapCredentials[];
const honestIds = JSON.parse(env.HONEST_IDS ?? '[]') as number[];
const rng = new SeededRandom(Number(env.SEED ?? 1));
const lanes = Number(env.LANES ?? 3);
const sequences = Array.from({ length: Number(env.SEQUENCES ?? 40) }, (_, i) =>
  attackSequence(rng, honestIds, 1_000_000 + i * 1000),
);
const keys = sequences.map((): 'editKey' | 'viewKey' => (rng.bool(0.7) ? 'editKey' : 'viewKey'));
const targetOf = sequences.map(() => rng.int(targets.length));
const oracles = new Map(targets.map((t) => [t.id, new AckOracle()]));
const wsBase = (env.SERVER_URL ?? '').replace(/^http/, 'ws');

const phaseMs = Number(env.PHASE_MS ?? 0);
const open = new Set<WebSocket>();
let on = true;

function attack(url: string, frames: readonly AttackFrame[], oracle: AckOracle): Promise<number | undefined> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    open.add(ws);
    let sent = 0;
    let idle: NodeJS.Timeout | undefined;
    ws.on('error', () => {});
    ws.on('message', (data: Buffer) => {
      if (data[0] === MESSAGE_STORED) oracle.acked(ws, data[1]!);
    });
    ws.on('open', async () => {
      for (const frame of frames) {
        if (ws.readyState !== WebSocket.OPEN) break;
        await new Promise<void>((done) => ws.send(frame.data, () => done()));
        oracle.sent(ws, ++sent, frame.data);
      }
      // Let the server answer (acks, closes), then leave.
      idle = setTimeout(() => ws.close(), 1500);
    });
    ws.on('close', (code: number) => {
      open.delete(ws);
      clearTimeout(idle);
      resolve(code);
    });
  });
}

const report: AttackReport = { sockets: 0, codes: {}, kinds: {}, acknowledged: {} };
let next = 0;
const deadline = performance.now() + Number(env.DURATION_MS ?? 10_000);
process.send?.('ready');
process.send?.({ phase: 'attack' });
let turnedOn: () => void = () => {};
let onAgain = Promise.resolve();
const switcher =
  phaseMs > 0
    ? setInterval(() => {
        if (performance.now() >= deadline) {
          // Past the run: stay quiet and let the lanes see the deadline.
          on = false;
          clearInterval(switcher);
          turnedOn();
          return;
        }
        on = !on;
        process.send?.({ phase: on ? 'attack' : 'quiet' });
        if (on) turnedOn();
        else {
          onAgain = new Promise((resolve) => {
            turnedOn = resolve;
          });
          for (const ws of open) ws.terminate();
        }
      }, phaseMs)
    : undefined;
await Promise.all(
  Array.from({ length: lanes }, async () => {
    while (performance.now() < deadline) {
      if (!on) {
        await onAgain;
        continue;
      }
      const i = next++ % sequences.length;
      const target = targets[targetOf[i]!]!;
      const url = `${wsBase}/sync/${target.id}?key=${target[keys[i]!]}&ack=1`;
      const code = await attack(url, sequences[i]!, oracles.get(target.id)!);
      report.sockets++;
      report.codes[String(code)] = (report.codes[String(code)] ?? 0) + 1;
      for (const frame of sequences[i]!) report.kinds[frame.kind] = (report.kinds[frame.kind] ?? 0) + 1;
    }
  }),
);
clearInterval(switcher);
turnedOn();
for (const [mapId, oracle] of oracles) {
  report.acknowledged[mapId] = oracle.acknowledgedUpdates().map((u) => Buffer.from(u).toString('base64'));
}
fs.writeFileSync(env.OUT ?? 'attack-report.json', JSON.stringify(report));
