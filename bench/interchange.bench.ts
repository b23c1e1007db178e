/**
 * Import and export speed: `npx tsx bench/interchange.bench.ts` (`--quick`: one run each).
 *
 * Import: 2,000 rows, as a plain partner list in CSV (Belgian Excel: `;`, Windows-1252) and as a
 * Kumu workbook in XLSX (2,000 elements + 2,600 connections), into a map with five lanes; the
 * stages are timed apart (read, plan, place with the auto-layout, apply as one transaction).
 * Baseline in the same run: `JSON.parse` of the same rows as JSON text, the least any import pays.
 *
 * Placement: the auto-layout's two modes on the same linked newcomers (five lanes, 1.3 random links
 * per actor, as in the workbook): ELK's layered layout ('full') against the barycentre order per
 * lane ('fast'), at sizes around the import's switch between them (FULL_LAYOUT_LIMIT).
 *
 * Export: a 1,000-actor map (1,300 links, 400 notes) in every format. Baseline in the same run:
 * `ChainMap.read()` of the map on a fresh instance (what every export starts from).
 */
import { autoLayout } from '../shared/analysis/autoLayout';
import { EXPORT_FORMATS } from '../shared/interchange/exportFormats';
import { exportMap } from '../shared/interchange/exportMap';
import { applyPlan } from '../shared/interchange/plan/applyPlan';
import { planTarget } from '../shared/interchange/plan/buildPlan';
import { placeNewActors } from '../shared/interchange/plan/placeNewActors';
import { planImport } from '../shared/interchange/plan/planImport';
import type { ImportFile } from '../shared/interchange/read/detectFormat';
import { readImportFiles } from '../shared/interchange/readImportFiles';
import { windows1252 } from '../shared/interchange/testing/encodings';
import { workbook } from '../shared/interchange/testing/workbook';
import type { ChainMap } from '../shared/model/ChainMap';
import { encodeMap, inMemoryMap, loadMap } from '../shared/model/replicas';
import { SeededRandom } from '../shared/seededRandom';
import { buildSampleMap } from '../shared/versions/buildSampleMap';
import { median } from './lib/stats';
import { fmt, hasFlag, ratio, table } from './lib/table';

const QUICK = hasFlag('quick');
const RUNS = QUICK ? 1 : 3;
const ROWS = 2000;
const LANES = ['Aankomst', 'Inschrijving', 'Onthaal', 'Toeleiding', 'Opvolging'];
const KINDS = ['Dienst', 'Partner', 'Samenwerkingsverband', 'Rol', 'Doelgroep'];
const PLACES = ['Asse', 'Dilbeek', 'Halle', 'Sint-Pieters-Leeuw', 'Vilvoorde'];

function rows(seed: number): string[][] {
  const rnd = new SeededRandom(seed);
  return Array.from({ length: ROWS }, (_, i) => [
    `Organisatie ${i + 1} – ${rnd.pick(PLACES)}`,
    rnd.pick(KINDS)!,
    rnd.pick(PLACES)!,
    rnd.pick(LANES)!,
    `Stationsstraat ${1 + rnd.int(200)}`,
    rnd.bool(0.5) ? 'werk|taal' : 'welzijn',
  ]);
}

function csvFile(data: string[][]): ImportFile {
  const text = [['Naam', 'Soort', 'Gemeente', 'Fase', 'Adres', 'Labels'], ...data]
    .map((r) => r.join(';'))
    .join('\r\n');
  return { name: 'partners.csv', bytes: windows1252(text) };
}

async function xlsxFile(data: string[][], seed: number): Promise<ImportFile> {
  const rnd = new SeededRandom(seed);
  const connections = Array.from({ length: Math.round(ROWS * 1.3) }, () => {
    const from = rnd.int(ROWS);
    const to = (from + 1 + rnd.int(ROWS - 1)) % ROWS;
    return [
      `e${from}`,
      `e${to}`,
      rnd.pick(['Warme overdracht', 'Koude overdracht', 'Partnerschap', 'Informatiedeling'])!,
    ];
  });
  const bytes = await workbook([
    {
      name: 'Elements',
      rows: [
        ['ID', 'Label', 'Type', 'Gemeente', 'Fase', 'Adres', 'Tags'],
        ...data.map((r, i) => [`e${i}`, ...r]),
      ],
    },
    { name: 'Connections', rows: [['From', 'To', 'Type'], ...connections] },
  ]);
  return { name: 'kumu.xlsx', bytes };
}

function lanesMap(): ChainMap {
  const map = inMemoryMap({ title: 'Bench', municipality: 'Asse' });
  map.transact(() => {
    for (const label of LANES) map.addPhase(label);
  });
  return map;
}

interface Stages {
  read: number;
  plan: number;
  place: number;
  apply: number;
}

async function importOnce(file: ImportFile): Promise<Stages> {
  const map = lanesMap();
  let t = performance.now();
  const read = await readImportFiles([file]);
  const stages: Partial<Stages> = { read: performance.now() - t };
  t = performance.now();
  const plan = planImport(planTarget(map), read);
  stages.plan = performance.now() - t;
  if (plan.problems.length > 0) throw new Error(`bench file has problems: ${plan.problems[0]!.code}`);
  t = performance.now();
  const placed = await placeNewActors(map.read(), plan);
  stages.place = performance.now() - t;
  t = performance.now();
  applyPlan(map, placed);
  stages.apply = performance.now() - t;
  if (map.actors().length !== ROWS) throw new Error('import lost rows');
  return stages as Stages;
}

function baselineParse(data: string[][]): number {
  const text = JSON.stringify(data);
  const samples = Array.from({ length: 9 }, () => {
    const t = performance.now();
    JSON.parse(text);
    return performance.now() - t;
  });
  return median(samples);
}

async function importSection(): Promise<string> {
  const data = rows(1);
  const files = [csvFile(data), await xlsxFile(data, 2)];
  const baseline = baselineParse(data);
  const out: string[][] = [];
  for (const file of files) {
    const runs: Stages[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await importOnce(file));
    const m = (k: keyof Stages) => median(runs.map((r) => r[k]));
    const total = median(runs.map((r) => r.read + r.plan + r.place + r.apply));
    out.push([
      file.name,
      `${(file.bytes.length / 1024).toFixed(0)} KB`,
      fmt(m('read'), 'ms', 0),
      fmt(m('plan'), 'ms', 0),
      fmt(m('place'), 'ms', 0),
      fmt(m('apply'), 'ms', 0),
      fmt(total, 'ms', 0),
      ratio(m('read') + m('plan'), baseline),
    ]);
  }
  return [
    `### Import of ${ROWS} rows into a map with ${LANES.length} lanes (median of ${RUNS})`,
    '',
    table(
      ['file', 'size', 'read', 'plan', 'place (layout)', 'apply', 'total', '(read+plan) ÷ JSON.parse'],
      out,
    ),
    '',
    `Baseline: JSON.parse of the same ${ROWS} rows as JSON: ${fmt(baseline, 'ms', 2)}.`,
  ].join('\n');
}

function linkedMap(actors: number, seed: number): ChainMap {
  const rnd = new SeededRandom(seed);
  const map = lanesMap();
  const lanes = map.phases().map((p) => p.id);
  map.transact(() => {
    for (let i = 0; i < actors; i++)
      map.addActor({ id: `a${i}`, kind: 'service', phaseId: rnd.pick(lanes)! });
    for (let i = 0; i < actors * 1.3; i++) {
      const source = rnd.int(actors);
      const target = (source + 1 + rnd.int(actors - 1)) % actors;
      map.addLink({ kind: 'handover', source: `a${source}`, target: `a${target}` });
    }
  });
  return map;
}

async function placementSection(): Promise<string> {
  await autoLayout(linkedMap(20, 9).read()); // ELK's first call compiles its code: not part of any size
  const out: string[][] = [];
  for (const size of [50, 150, 300]) {
    const state = linkedMap(size, size).read();
    const time = async (effort: 'full' | 'fast') => {
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await autoLayout(state, { effort });
        samples.push(performance.now() - t);
      }
      return median(samples);
    };
    const full = await time('full');
    const fast = await time('fast');
    out.push([
      String(size),
      String(state.links.length),
      fmt(full, 'ms', 0),
      fmt(fast, 'ms', 1),
      ratio(full, fast),
    ]);
  }
  return [
    `### Placement of linked newcomers: the auto-layout's modes (median of ${RUNS})`,
    '',
    table(['actors', 'links', 'full (ELK)', 'fast (barycentre)', 'full ÷ fast'], out),
  ].join('\n');
}

async function exportSection(): Promise<string> {
  const map = buildSampleMap({ seed: 7, actors: 1000 });
  const update = encodeMap(map);
  const readSamples = Array.from({ length: 9 }, () => {
    const fresh = loadMap(update);
    const t = performance.now();
    fresh.read();
    return performance.now() - t;
  });
  const baseline = median(readSamples);
  const state = map.read();
  const out: string[][] = [];
  for (const format of EXPORT_FORMATS) {
    const samples: number[] = [];
    let size = 0;
    for (let i = 0; i < (QUICK ? 1 : 5); i++) {
      const fresh = loadMap(update);
      const t = performance.now();
      const file = await exportMap(fresh, format, { now: new Date(0) });
      samples.push(performance.now() - t);
      size = file.bytes.length;
    }
    out.push([
      format,
      `${(size / 1024).toFixed(0)} KB`,
      fmt(median(samples), 'ms', 1),
      ratio(median(samples), baseline),
    ]);
  }
  return [
    `### Export of ${state.actors.length} actors, ${state.links.length} links, ${state.notes.length} notes (median of ${QUICK ? 1 : 5})`,
    '',
    table(['format', 'size', 'time', '÷ ChainMap.read()'], out),
    '',
    `Baseline: ChainMap.read() on a fresh instance of the same doc: ${fmt(baseline, 'ms', 1)}. CSV is one table (actors).`,
  ].join('\n');
}

console.log('## Import and export\n');
console.log(await importSection());
console.log('');
console.log(await placementSection());
console.log('');
console.log(await exportSection());
