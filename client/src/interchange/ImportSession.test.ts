import { describe, expect, it } from 'vitest';
import { translator } from '../../../shared/i18n';
import { describeProblem } from '../../../shared/interchange/describeProblem';
import { windows1252 } from '../../../shared/interchange/testing/encodings';
import { workbook } from '../../../shared/interchange/testing/workbook';
import type { ChainMap } from '../../../shared/model/ChainMap';
import { inMemoryMap } from '../../../shared/model/replicas';
import { ImportSession } from './ImportSession';
import { MappingMemory } from './mappingMemory';

const nl = translator('nl');
const HEADER = ['Organisatie', 'Straat', 'E-mail', 'Gemeente', 'Ondernemingsnummer', 'Fase'];
const ROWS = [
  ['VDAB Halle', 'Stationsstraat 1', 'halle@vdab.be', 'Halle', '0887.010.362', 'Toeleiding'],
  ['Huis van het Kind', 'Kerkplein 3', 'hvhk@halle.be', 'Halle', '', 'Onthaal'],
  ['Café De Kring', '', 'info@dekring.be', 'Halle', '', 'Onthaal'],
];

function laneMap(): ChainMap {
  const map = inMemoryMap({ title: 'Keten Halle', municipality: 'Halle' });
  map.transact(() => {
    map.addPhase('Onthaal', { id: 'onthaal' });
    map.addPhase('Toeleiding', { id: 'toeleiding' });
  });
  return map;
}

async function partnerList(rows = ROWS) {
  return { name: 'partners.xlsx', bytes: await workbook([{ name: 'Partners', rows: [HEADER, ...rows] }]) };
}

function session(map: ChainMap, memory = new MappingMemory()) {
  const undo = map.createUndoManager();
  return { undo, importer: new ImportSession(map, undo, memory) };
}

describe('the import dialog’s session', () => {
  it('reads a partner list into the mapping step with the suggested mapping, and writes nothing', async () => {
    const map = laneMap();
    const before = map.read();
    const { importer } = session(map);
    await importer.chooseFiles([await partnerList()]);
    const state = importer.getState();
    expect(state.step).toBe('mapping');
    expect(state.tables).toHaveLength(1);
    expect(state.tables[0]!.mapping.columns).toEqual([
      'label',
      'append',
      'contact',
      'municipality',
      'kbo',
      'phase',
    ]);
    expect(state.tables[0]!.problems).toEqual([]);
    expect(state.needsDefaultKind).toBe(true);
    expect(map.read()).toEqual(before);
  });

  it('says in Dutch why a mapping cannot go on, and goes on once it is fixed', async () => {
    const { importer } = session(laneMap());
    await importer.chooseFiles([await partnerList()]);
    importer.setColumn('partners.xlsx#Partners', 0, 'ignore');
    const table = importer.getState().tables[0]!;
    expect(table.problems.map((p) => describeProblem(p, nl))).toEqual([
      'partners.xlsx, blad ‘Partners’, rij 1: Er is geen kolom met de naam van elk element (bijvoorbeeld ‘Naam’ of ‘Label’).',
    ]);
    expect(importer.canPreview()).toBe(false);
    importer.setColumn('partners.xlsx#Partners', 0, 'label');
    expect(importer.canPreview()).toBe(true);
  });

  it('previews every row as new with the chosen default kind, then imports as one undo step', async () => {
    const map = laneMap();
    const { importer, undo } = session(map);
    map.addActor({ kind: 'service', label: 'Burgerzaken' });
    await importer.chooseFiles([await partnerList()]);
    importer.setDefaultKind('collaboration');
    importer.setColumn('partners.xlsx#Partners', 1, 'ignore');
    await importer.preview();
    const { plan, step } = importer.getState();
    expect(step).toBe('preview');
    expect(plan!.problems).toEqual([]);
    expect(plan!.actors.map((a) => [a.source.row, a.status])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'new'],
    ]);
    const stepsBefore = undo.undoStack.length;
    await importer.confirm();
    expect(importer.getState().step).toBe('done');
    expect(importer.getState().summary!.added.actors).toBe(3);
    expect(importer.getState().touchedActorIds).toHaveLength(3);
    const vdab = map.actors().find((a) => a.label === 'VDAB Halle')!;
    expect(vdab).toMatchObject({
      kind: 'collaboration',
      kbo: '0887010362',
      phaseId: 'toeleiding',
      description: '',
    });
    expect(undo.undoStack.length).toBe(stepsBefore + 1);
    undo.undo();
    expect(map.actors().map((a) => a.label)).toEqual(['Burgerzaken']);
  });

  it('re-imports the list with one changed row as one update, without duplicates', async () => {
    const map = laneMap();
    const first = session(map).importer;
    await first.chooseFiles([await partnerList()]);
    await first.preview();
    await first.confirm();
    const changed = ROWS.map((r) => [...r]);
    changed[2]![2] = 'kring@halle.be';
    const again = session(map).importer;
    await again.chooseFiles([await partnerList(changed)]);
    await again.preview();
    expect(again.getState().plan!.actors.map((a) => a.status)).toEqual(['unchanged', 'unchanged', 'update']);
    await again.confirm();
    expect(again.getState().summary).toMatchObject({ updated: { actors: 1 }, unchanged: 2 });
    expect(map.actors()).toHaveLength(3);
    expect(map.actors().find((a) => a.label === 'Café De Kring')!.contact).toBe('kring@halle.be');
  });

  it('stops at the files with the problem in plain Dutch for a file it cannot read', async () => {
    const map = laneMap();
    const before = map.read();
    const { importer } = session(map);
    await importer.chooseFiles([
      { name: 'foto.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2]) },
    ]);
    const state = importer.getState();
    expect(state.step).toBe('choose');
    expect(state.problems.map((p) => describeProblem(p, nl))).toEqual([
      'foto.png: ‘foto.png’ is geen CSV-, Excel- (XLSX) of KetenKaart-bestand (JSON).',
    ]);
    expect(map.read()).toEqual(before);
  });

  it('shows a row’s problem in the preview and refuses to confirm it', async () => {
    const map = laneMap();
    const before = map.read();
    const { importer } = session(map);
    const csv = 'Naam;Soort\nOCMW;Dienst\nTolk;Vertaler\n';
    await importer.chooseFiles([{ name: 'lijst.csv', bytes: windows1252(csv) }]);
    await importer.preview();
    expect(importer.getState().problems.map((p) => describeProblem(p, nl))).toEqual([
      'lijst.csv, rij 3, kolom ‘Soort’: ‘Vertaler’ is geen soort die KetenKaart kent. Gebruik Dienst, Partner, Samenwerkingsverband, Overdrachtspunt, Doelgroep of Rol.',
    ]);
    await importer.confirm();
    expect(importer.getState().step).toBe('preview');
    expect(map.read()).toEqual(before);
  });

  it('goes straight to the preview for a KetenKaart file, which needs no mapping', async () => {
    const source = laneMap();
    source.addActor({ id: 'a1', kind: 'partner', label: 'CAW', phaseId: 'onthaal' });
    const { exportMap } = await import('../../../shared/interchange');
    const file = await exportMap(source, 'json');
    const target = inMemoryMap({ title: 'Nieuw' });
    const { importer } = session(target);
    await importer.chooseFiles([{ name: file.fileName, bytes: file.bytes }]);
    expect(importer.getState().step).toBe('preview');
    await importer.confirm();
    expect(target.getActor('a1')).toEqual(source.getActor('a1'));
  });

  it('drives one progress bar through the stages of a large list, never going back, and clears it at each step', async () => {
    const map = laneMap();
    const { importer } = session(map);
    const rows = Array.from({ length: 2000 }, (_, i) => [
      `Organisatie ${i + 1}`,
      '',
      '',
      'Halle',
      '',
      'Onthaal',
    ]);
    const seen: { stage: string; overall: number }[] = [];
    importer.subscribe(() => {
      const { progress } = importer.getState();
      const last = seen.at(-1);
      if (progress && (last?.overall !== progress.overall || last.stage !== progress.stage))
        seen.push(progress);
    });
    await importer.chooseFiles([await partnerList(rows)]);
    expect(importer.getState().progress).toBeNull();
    await importer.preview();
    expect(importer.getState().progress).toBeNull();
    await importer.confirm();
    expect(importer.getState().progress).toBeNull();
    expect(map.actors()).toHaveLength(2000);
    const overall = seen.map((p) => p.overall);
    expect(overall).toEqual([...overall].sort((a, b) => a - b));
    expect(new Set(seen.map((p) => p.stage))).toEqual(new Set(['read', 'map', 'match', 'place', 'apply']));
    // The one transaction is synchronous: the bar stands at the start of its slice while it runs.
    expect(seen.at(-1)).toEqual({ stage: 'apply', overall: 0.9 });
  });

  it('starts a re-import of the same list from the mapping and default kind chosen last time', async () => {
    const map = laneMap();
    const memory = new MappingMemory();
    const first = session(map, memory).importer;
    await first.chooseFiles([await partnerList()]);
    first.setColumn('partners.xlsx#Partners', 1, 'ignore');
    first.setDefaultKind('service');
    await first.preview();
    await first.confirm();
    const again = session(map, memory).importer;
    await again.chooseFiles([await partnerList()]);
    expect(again.getState().tables[0]!.mapping.columns[1]).toBe('ignore');
    expect(again.getState().defaultKind).toBe('service');
    await again.preview();
    expect(again.getState().plan!.actors.map((a) => a.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
  });
});
