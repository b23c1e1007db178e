import { describe, expect, it } from 'vitest';
import type { ChainMap } from '../model/ChainMap';
import { inMemoryMap } from '../model/replicas';
import type { ChainMapState } from '../model/types';
import { saveVersion } from '../versions/saveVersion';
import { contentOf } from '../versions/versionContent';
import { decodeVersionSnapshot } from '../versions/versionSnapshot';
import { importIntoMap } from './importIntoMap';
import { exportJson } from './json/writeJson';
import type { ImportFile } from './read/detectFormat';
import { buildRichMap } from './testing/richMap';
import { exportCsv } from './write/writeCsv';
import { exportXlsx } from './write/writeXlsx';

const NOW = new Date('2026-03-12T10:00:00Z');
const utf8 = (text: string) => new TextEncoder().encode(text);
const emptyMap = (title = 'Nieuwe kaart') => inMemoryMap({ title });

/** The model with lanes named instead of numbered: what a CSV round trip keeps. */
function byLaneName(state: ChainMapState) {
  const label = new Map(state.phases.map((p) => [p.id, p.label]));
  const lane = (id: string | null) => (id === null ? null : label.get(id));
  return {
    lanes: state.phases.map((p) => p.label),
    actors: state.actors.map((a) => ({ ...a, phaseId: lane(a.phaseId) })),
    links: state.links,
    notes: state.notes.map((n) => ({ ...n, phaseId: lane(n.phaseId) })),
  };
}

async function importAll(map: ChainMap, files: ImportFile[], importMeta = false) {
  const outcome = await importIntoMap(map, files, { importMeta });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.plan.problems.slice(0, 5)));
  return outcome.summary;
}

describe('export → import round trips', () => {
  it('KetenKaart JSON gives an identical map: same ids, fields, positions, lane order and title', async () => {
    for (const seed of [1, 2, 3]) {
      const source = buildRichMap(seed);
      const target = emptyMap();
      await importAll(target, [{ name: 'kaart.json', bytes: utf8(exportJson(source, { now: NOW })) }], true);
      expect(contentOf(target)).toEqual(contentOf(source));
      expect(target.read().problems).toEqual([]);
    }
  });

  it('KetenKaart JSON with versions brings the named versions along, content and all', async () => {
    const source = buildRichMap(4);
    saveVersion(source, 'Voor de workshop', { now: Date.UTC(2026, 1, 1) });
    source.updateActor(source.actors()[0]!.id, { label: 'Hernoemd na de workshop' });
    const target = emptyMap();
    const json = exportJson(source, { includeVersions: true, now: NOW });
    await importAll(target, [{ name: 'kaart.json', bytes: utf8(json) }], true);
    expect(target.versions()).toEqual(source.versions());
    const id = source.versions()[0]!.id;
    expect(decodeVersionSnapshot(target.versionSnapshot(id)!)).toEqual(
      decodeVersionSnapshot(source.versionSnapshot(id)!),
    );
  });

  it('XLSX in Kumu layout gives the same model, lanes (ids and order) included', async () => {
    const source = buildRichMap(5);
    const bytes = await exportXlsx(source.read(), { locale: 'nl' });
    const target = emptyMap(source.getMeta().title);
    target.setMeta({ municipality: source.getMeta().municipality });
    await importAll(target, [{ name: 'kaart.xlsx', bytes }]);
    expect(contentOf(target)).toEqual(contentOf(source));
  });

  it('an English XLSX export reads back the same way', async () => {
    const source = buildRichMap(6);
    const target = emptyMap(source.getMeta().title);
    target.setMeta({ municipality: source.getMeta().municipality });
    await importAll(target, [{ name: 'map.xlsx', bytes: await exportXlsx(source.read(), { locale: 'en' }) }]);
    expect(contentOf(target)).toEqual(contentOf(source));
  });

  it('CSV, one table per file, gives the same model; lanes are matched by name', async () => {
    const source = buildRichMap(7);
    const state = source.read();
    const target = emptyMap();
    target.transact(() => {
      for (const p of state.phases) target.addPhase(p.label);
    });
    const files = (['actors', 'links', 'notes'] as const).map((table) => ({
      name: `${table}.csv`,
      bytes: utf8(exportCsv(state, table)),
    }));
    await importAll(target, files);
    expect(byLaneName(target.read())).toEqual(byLaneName(state));
  });

  it('CSV with commas instead of semicolons reads back the same', async () => {
    const source = buildRichMap(8);
    const state = source.read();
    const target = emptyMap();
    target.transact(() => {
      for (const p of state.phases) target.addPhase(p.label);
    });
    const files = (['notes', 'links', 'actors'] as const).map((table) => ({
      name: `${table}.csv`,
      bytes: utf8(exportCsv(state, table, { delimiter: ',' })),
    }));
    await importAll(target, files);
    expect(byLaneName(target.read())).toEqual(byLaneName(state));
  });

  it('re-importing an export into its own map changes nothing: every row is unchanged, no update is written', async () => {
    const source = buildRichMap(9);
    const updates: Uint8Array[] = [];
    source.doc.on('update', (u: Uint8Array) => updates.push(u));
    const xlsx = await exportXlsx(source.read());
    const summary = await importAll(source, [{ name: 'kaart.xlsx', bytes: xlsx }]);
    const state = source.read();
    expect(summary.added).toEqual({ phases: 0, actors: 0, links: 0, notes: 0, versions: 0 });
    expect(summary.updated).toEqual({ phases: 0, actors: 0, links: 0, notes: 0, versions: 0 });
    expect(summary.unchanged).toBe(
      state.phases.length + state.actors.length + state.links.length + state.notes.length,
    );
    expect(updates).toEqual([]);
  });
});
