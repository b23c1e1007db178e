import { describe, expect, it } from 'vitest';
import type { ChainMap } from '../model/ChainMap';
import { inMemoryMap } from '../model/replicas';
import { previewRows, type TableMapping } from './mapping/columnMapping';
import { applyPlan } from './plan/applyPlan';
import { planTarget } from './plan/buildPlan';
import { planImport, suggestMappings } from './plan/planImport';
import { readImportFiles } from './readImportFiles';
import { workbook } from './testing/workbook';

const HEADER = ['Organisatie', 'Adres', 'Contactpersoon', 'E-mail', 'Gemeente', 'Ondernemingsnummer', 'Fase'];
const ROWS = [
  ['VDAB Halle', 'Stationsstraat 1', 'Jan Peeters', 'jan@vdab.be', 'Halle', '0887.010.362', 'Toeleiding'],
  ['Huis van het Kind', 'Kerkplein 3', 'An Claes', '', 'Sint-Pieters-Leeuw', '', 'Onthaal'],
  ['Café De Kring', '', '', 'info@dekring.be', 'Sint-Pieters-Leeuw', '', 'Onthaal'],
];

async function partnerList(rows = ROWS) {
  return readImportFiles([
    { name: 'partners.xlsx', bytes: await workbook([{ name: 'Partners 2026', rows: [HEADER, ...rows] }]) },
  ]);
}

function starterMap(): ChainMap {
  const map = inMemoryMap({ title: 'Keten Sint-Pieters-Leeuw' });
  map.transact(() => {
    map.addPhase('Onthaal', { id: 'onthaal' });
    map.addPhase('Toeleiding', { id: 'toeleiding' });
  });
  return map;
}

describe('a plain partner list through the column mapping', () => {
  it('suggests a mapping from the Dutch headers: name, contact (twice), municipality, KBO, phase; the rest into the description', async () => {
    const read = await partnerList();
    expect(read.tables).toHaveLength(1);
    expect(read.tables[0]!.role).toBe('elements');
    const mapping = suggestMappings(read)['partners.xlsx#Partners 2026']!;
    expect(mapping).toEqual({
      role: 'elements',
      columns: ['label', 'append', 'contact', 'contact', 'municipality', 'kbo', 'phase'],
    });
    expect(previewRows(read.tables[0]!.table, 2).map((r) => r.cells[0])).toEqual([
      'VDAB Halle',
      'Huis van het Kind',
    ]);
  });

  it('imports every row as a new partner in its lane, address kept in the description, KBO normalised in the plan', async () => {
    const map = starterMap();
    const plan = planImport(planTarget(map), await partnerList());
    expect(plan.problems).toEqual([]);
    expect(plan.actors.map((a) => [a.source.row, a.status])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'new'],
    ]);
    expect(plan.actors[0]!.value.kbo).toBe('0887010362');
    applyPlan(map, plan);
    const vdab = map.actors().find((a) => a.label === 'VDAB Halle')!;
    expect(vdab).toMatchObject({
      kind: 'partner',
      description: 'Adres: Stationsstraat 1',
      contact: 'Jan Peeters, jan@vdab.be',
      municipality: 'Halle',
      phaseId: 'toeleiding',
    });
    expect(map.actors().find((a) => a.label === 'Café De Kring')).toMatchObject({
      description: '',
      phaseId: 'onthaal',
    });
  });

  it('re-importing the list with one changed row updates that one actor and duplicates nothing', async () => {
    const map = starterMap();
    applyPlan(map, planImport(planTarget(map), await partnerList()));
    const changed = ROWS.map((r) => [...r]);
    changed[1]![2] = 'Lies Wouters';
    const plan = planImport(planTarget(map), await partnerList(changed));
    expect(plan.actors.map((a) => a.status)).toEqual(['unchanged', 'update', 'unchanged']);
    expect(plan.summary).toEqual({
      added: { phases: 0, actors: 0, links: 0, notes: 0, versions: 0 },
      updated: { phases: 0, actors: 1, links: 0, notes: 0, versions: 0 },
      unchanged: 2,
    });
    applyPlan(map, plan);
    expect(map.actors()).toHaveLength(3);
    expect(map.actors().find((a) => a.label === 'Huis van het Kind')?.contact).toBe('Lies Wouters');
  });

  it('follows the mapping the user chose: a column dropped, another kind as default, a new lane for an unknown phase', async () => {
    const map = starterMap();
    const read = await partnerList([['OCMW', 'Markt 1', '', '', 'Halle', '', 'Opvolging']]);
    const mapping: TableMapping = {
      role: 'elements',
      columns: ['label', 'ignore', 'contact', 'contact', 'municipality', 'kbo', 'phase'],
    };
    const plan = planImport(planTarget(map), read, {
      mappings: { 'partners.xlsx#Partners 2026': mapping },
      defaultKind: 'service',
    });
    expect(plan.phases.map((p) => [p.value.label, p.status])).toEqual([['Opvolging', 'new']]);
    applyPlan(map, plan);
    expect(map.actors()[0]).toMatchObject({ label: 'OCMW', kind: 'service', description: '' });
    expect(map.phases().map((p) => p.label)).toEqual(['Onthaal', 'Toeleiding', 'Opvolging']);
  });

  it('reads an English list the same way (Name, Type, Municipality, Phase, Tags)', async () => {
    const map = starterMap();
    const bytes = await workbook([
      {
        name: 'Sheet1',
        rows: [
          ['Name', 'Type', 'Municipality', 'Phase', 'Tags', 'Notes'],
          ['Reception desk', 'Service', 'Halle', 'onthaal', 'entry|civil affairs', 'open 9-12'],
          ['Outreach worker', 'role', 'Halle', 'TOELEIDING', '', ''],
        ],
      },
    ]);
    const plan = planImport(planTarget(map), await readImportFiles([{ name: 'list.xlsx', bytes }]));
    expect(plan.problems).toEqual([]);
    applyPlan(map, plan);
    expect(map.actors().map((a) => [a.label, a.kind, a.phaseId, a.tags, a.description])).toEqual(
      expect.arrayContaining([
        ['Reception desk', 'service', 'onthaal', ['entry', 'civil affairs'], 'Notes: open 9-12'],
        ['Outreach worker', 'role', 'toeleiding', [], ''],
      ]),
    );
  });
});
