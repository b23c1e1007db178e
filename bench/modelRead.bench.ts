/**
 * The cost of reading the whole model (`ChainMap.read()`) on a big map: the first read after loading,
 * and a read after one field edit, which the per-element parse cache serves from cache except for the
 * edited element. Baseline in the same run: a fresh ChainMap over a fresh copy of the doc (no cache).
 * Run: npx tsx bench/modelRead.bench.ts
 */
import { encodeMap, inMemoryMap, loadMap } from '../shared/model/replicas';
import { SeededRandom } from '../shared/seededRandom';

const ACTORS = 1000;
const LINKS = 2000;
const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const rng = new SeededRandom(7);
const source = inMemoryMap({ title: 'bench' });
const ids: string[] = [];
source.transact(() => {
  for (let i = 0; i < ACTORS; i++) {
    ids.push(
      source.addActor({
        kind: 'service',
        label: `actor ${i}`,
        position: { x: rng.int(5000), y: rng.int(3000) },
      }),
    );
  }
  for (let i = 0; i < LINKS; i++) {
    const a = ids[rng.int(ACTORS)]!;
    const b = ids[rng.int(ACTORS)]!;
    if (a !== b) source.addLink({ kind: 'handover', source: a, target: b });
  }
});
const update = encodeMap(source);

const cold: number[] = [];
const afterEdit: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const map = loadMap(update);
  let t = performance.now();
  map.read();
  cold.push(performance.now() - t);
  map.updateActor(ids[run]!, { label: `edited ${run}` });
  t = performance.now();
  map.read();
  afterEdit.push(performance.now() - t);
}
const c = median(cold);
const e = median(afterEdit);
console.log(`ChainMap.read() on ${ACTORS} actors + ${LINKS} links, median of ${RUNS}:`);
console.log(`  first read after load (baseline): ${c.toFixed(1)} ms`);
console.log(
  `  read after one field edit:        ${e.toFixed(1)} ms  (${(e / c).toFixed(2)}× the first read)`,
);
