/**
 * The list view's rows on a big map (1,000 actors, 2,000 links, 300 notes, five phases): the first
 * build, and a rebuild after one field edit, which must reuse every row but the edited one (the
 * view then re-renders one row). Baseline in the same run: `ChainMap.read()` of the same map, the
 * cost every consumer of the snapshot already pays once per structural change.
 * Run: npx tsx bench/listView.bench.ts
 */
import { ActorListBuilder } from '../client/src/list/actorList';
import { inMemoryMap } from '../shared/model/replicas';
import { SeededRandom } from '../shared/seededRandom';

const ACTORS = 1000;
const LINKS = 2000;
const NOTES = 300;
const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const rng = new SeededRandom(11);
const map = inMemoryMap({ title: 'bench' });
const phases = ['Aankomst', 'Onthaal', 'Toeleiding', 'Begeleiding', 'Participatie'].map((p) =>
  map.addPhase(p),
);
const ids: string[] = [];
map.transact(() => {
  for (let i = 0; i < ACTORS; i++) {
    const lane = rng.int(phases.length + 1);
    ids.push(
      map.addActor({
        kind: 'service',
        label: `actor ${i}`,
        position: { x: lane * 360 + 70, y: rng.int(20_000) },
        phaseId: phases[lane] ?? null,
      }),
    );
  }
  for (let i = 0; i < LINKS; i++) {
    const a = ids[rng.int(ACTORS)]!;
    const b = ids[rng.int(ACTORS)]!;
    if (a !== b)
      map.addLink({ kind: 'handover', warmth: 'warm', source: a, target: b, owner: ids[rng.int(ACTORS)]! });
  }
  for (let i = 0; i < NOTES; i++)
    map.addNote({ kind: 'gap', text: `note ${i}`, anchor: { type: 'actor', id: ids[rng.int(ACTORS)]! } });
});

const reads: number[] = [];
const firsts: number[] = [];
const rebuilds: number[] = [];
let reused = 0;
for (let run = 0; run < RUNS; run++) {
  let t = performance.now();
  const state = map.read();
  reads.push(performance.now() - t);
  const builder = new ActorListBuilder();
  t = performance.now();
  const before = builder.build(state);
  firsts.push(performance.now() - t);
  map.updateActor(ids[run]!, { municipality: `Gent ${run}` });
  const next = map.read();
  t = performance.now();
  const after = builder.build(next);
  rebuilds.push(performance.now() - t);
  const old = new Set(before.groups.flatMap((g) => g.rows));
  reused = after.groups.flatMap((g) => g.rows).filter((r) => old.has(r)).length;
}
const r = median(reads);
const f = median(firsts);
const b = median(rebuilds);
console.log(`List rows on ${ACTORS} actors + ${LINKS} links + ${NOTES} notes, median of ${RUNS}:`);
console.log(`  ChainMap.read() (baseline):     ${r.toFixed(1)} ms`);
console.log(`  first build of the rows:        ${f.toFixed(1)} ms  (${(f / r).toFixed(2)}× the read)`);
console.log(`  rebuild after one field edit:   ${b.toFixed(1)} ms  (${(b / r).toFixed(2)}× the read)`);
console.log(`  rows kept after that edit:      ${reused} of ${ACTORS} (the view re-renders the rest)`);
