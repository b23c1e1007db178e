import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n';
import type { ChainMap } from '../../model/ChainMap';
import { inMemoryMap } from '../../model/replicas';
import type { Actor } from '../../model/types';
import { describeProblem } from '../describeProblem';
import { jsonRecords } from '../json/jsonRecords';
import { planFiles } from '../testing/planFiles';
import { buildPlan } from './buildPlan';

const nl = translator('nl');

function mapWith(actors: { id: string; label: string; kind?: Actor['kind'] }[]): ChainMap {
  const map = inMemoryMap({ title: 'Keten' });
  map.transact(() => {
    for (const a of actors) map.addActor({ kind: a.kind ?? 'partner', ...a });
  });
  return map;
}

const statuses = (plan: { actors: readonly { status: string; id: string }[] }) =>
  plan.actors.map((a) => [a.id, a.status]);

describe('merge, do not duplicate: matching elements', () => {
  it('matches on ID first, so a renamed organisation is updated, not added', async () => {
    const map = mapWith([{ id: 'p1', label: 'VDAB' }]);
    const plan = await planFiles(map, { 'e.csv': 'ID;Label\np1;VDAB Halle-Vilvoorde\n' });
    expect(statuses(plan)).toEqual([['p1', 'update']]);
    expect(plan.actors[0]!.patch).toEqual({ label: 'VDAB Halle-Vilvoorde' });
  });

  it('then on the normalised name: case, accents and spacing ignored, and the map’s spelling kept', async () => {
    const map = mapWith([{ id: 'p1', label: 'Café De Kring' }]);
    const plan = await planFiles(map, { 'e.csv': 'Naam;Soort\n  cafe  de KRING ;Partner\n' });
    expect(statuses(plan)).toEqual([['p1', 'unchanged']]);
  });

  it('says per row whether it is new, an update or unchanged', async () => {
    const map = mapWith([
      { id: 'p1', label: 'VDAB' },
      { id: 'p2', label: 'CLB' },
    ]);
    const plan = await planFiles(map, { 'e.csv': 'Naam;Gemeente\nVDAB;\nCLB;Halle\nOCMW;Halle\n' });
    expect(plan.actors.map((a) => [a.source.row, a.status])).toEqual([
      [2, 'unchanged'],
      [3, 'update'],
      [4, 'new'],
    ]);
  });

  it('matches on the KBO number before the name, and keeps two organisations with one name but different numbers apart', () => {
    const state = {
      ...mapWith([]).read(),
      actors: [
        actor('p1', 'OCMW', { kbo: '0212239951' }),
        actor('p2', 'OCMW', { kbo: '0216709536' }),
        actor('p3', 'Stad Halle', { kbo: '0207451227' }),
      ],
    };
    const records = jsonLikeRecords([
      { label: 'Stad Halle (stadhuis)', kbo: '0207451227' },
      { label: 'ocmw', kbo: '0216709536' },
      { label: 'OCMW', kbo: '0123456749' },
    ]);
    const plan = buildPlan({ state, versionIds: new Set() }, records);
    expect(plan.problems).toEqual([]);
    expect(plan.actors.map((a) => a.status)).toEqual(['update', 'unchanged', 'new']);
    expect(plan.actors.map((a) => a.id).slice(0, 2)).toEqual(['p3', 'p2']);
    expect(plan.actors[0]!.patch).toEqual({ label: 'Stad Halle (stadhuis)' });
  });

  it('asks for an ID or KBO column when a name fits several actors of the map, unless the kind tells them apart', async () => {
    const map = mapWith([
      { id: 'r1', label: 'Toeleider', kind: 'role' },
      { id: 'r2', label: 'Toeleider', kind: 'role' },
      { id: 'r3', label: 'Toeleider', kind: 'service' },
    ]);
    const plan = await planFiles(map, { 'e.csv': 'Naam;Soort\nToeleider;Rol\nToeleider;Dienst\n' });
    expect(plan.problems.map((p) => describeProblem(p, nl))).toEqual([
      'e.csv, rij 2, kolom ‘Naam’: Er zijn 2 elementen met de naam ‘Toeleider’. Voeg een kolom ID of KBO-nummer toe, zodat duidelijk is welk bedoeld wordt.',
    ]);
    expect(plan.actors.map((a) => [a.id, a.status])).toEqual([['r3', 'unchanged']]);
  });

  it('refuses two rows that describe one element', async () => {
    const map = mapWith([{ id: 'p1', label: 'VDAB' }]);
    const plan = await planFiles(map, {
      'e.csv': 'ID;Naam\n;Huis van het Kind\n;huis van het kind\np1;VDAB\n;vdab\n',
    });
    expect(plan.problems.map((p) => describeProblem(p, nl))).toEqual([
      'e.csv, rij 3: Deze rij beschrijft hetzelfde element als rij 2.',
      'e.csv, rij 5: Deze rij beschrijft hetzelfde element als rij 4.',
    ]);
  });

  it('keeps rows with their own IDs apart even when their names are the same', async () => {
    const map = mapWith([]);
    const plan = await planFiles(map, { 'e.csv': 'ID;Label\nt1;Toeleider\nt2;Toeleider\n' });
    expect(plan.problems).toEqual([]);
    expect(statuses(plan)).toEqual([
      ['t1', 'new'],
      ['t2', 'new'],
    ]);
  });
});

describe('merge, do not duplicate: connections', () => {
  const elements = 'ID;Label;Type\na;Onthaalbalie;Dienst\nb;Sociale dienst;Dienst\nc;VDAB;Partner\n';

  it('names its ends by ID or by name, of the file or of the map', async () => {
    const map = mapWith([{ id: 'm1', label: 'Huis van het Kind' }]);
    const plan = await planFiles(map, {
      'elements.csv': elements,
      'connections.csv':
        'From;To;Type\na;Sociale dienst;Warme overdracht\nSOCIALE DIENST;huis van het kind;Koude overdracht\nb;c|m1;Partnerschap\n',
    });
    expect(plan.problems).toEqual([]);
    expect(plan.links.map((l) => [l.value.source, l.value.target, l.value.kind, l.value.warmth])).toEqual([
      ['a', 'b', 'handover', 'warm'],
      ['b', 'm1', 'handover', 'cold'],
      ['b', 'c', 'partnership', null],
      ['b', 'm1', 'partnership', null],
    ]);
  });

  it('refuses a connection to an element that is nowhere, naming the row and column', async () => {
    const plan = await planFiles(mapWith([]), {
      'elements.csv': elements,
      'connections.csv': 'Van;Naar\nOnthaalbalie;Wijkinspecteur\nVDAB;VDAB\n',
    });
    expect(plan.problems.map((p) => describeProblem(p, nl))).toEqual([
      'connections.csv, rij 2, kolom ‘Naar’: ‘Wijkinspecteur’ staat niet bij de elementen van het bestand en ook niet op de kaart.',
      'connections.csv, rij 3, kolom ‘Naar’: Een verbinding moet twee verschillende elementen verbinden; hier is ‘VDAB’ beide.',
    ]);
  });

  it('takes the kind from Kumu’s Direction when there is no type: undirected is a partnership, directed information sharing', async () => {
    const plan = await planFiles(mapWith([]), {
      'elements.csv': elements,
      'connections.csv': 'From,To,Direction\nOnthaalbalie,VDAB,undirected\nVDAB,Sociale dienst,directed\n',
    });
    expect(plan.links.map((l) => l.value.kind)).toEqual(['partnership', 'information']);
  });

  it('matches a re-imported connection without ID by its ends and kind, either way round when undirected', async () => {
    const map = mapWith([
      { id: 'a', label: 'Onthaalbalie' },
      { id: 'c', label: 'VDAB' },
    ]);
    const link = map.addLink({ kind: 'partnership', source: 'a', target: 'c' });
    const plan = await planFiles(map, { 'c.csv': 'From;To;Type\nVDAB;Onthaalbalie;Partnerschap\n' });
    expect(plan.links.map((l) => [l.id, l.status])).toEqual([[link, 'unchanged']]);
  });
});

function actor(id: string, label: string, extra: { kbo?: string } = {}): Actor {
  return {
    id,
    kind: 'partner',
    label,
    description: '',
    phaseId: null,
    regie: null,
    tags: [],
    contact: '',
    position: { x: 0, y: 0 },
    entryPoint: false,
    municipality: '',
    needs: '',
    languages: [],
    ...extra,
  } as Actor;
}

/** Records as a file with a name and a KBO column gives them. */
function jsonLikeRecords(rows: { label: string; kbo: string }[]) {
  const records = jsonRecords('lijst.json', {
    format: 'ketenkaart/1',
    meta: { title: '' },
    phases: [],
    actors: [],
    links: [],
    notes: [],
  });
  return {
    ...records,
    actors: rows.map((r, i) => ({
      source: { file: 'lijst.csv', row: i + 2 },
      id: null,
      kbo: r.kbo,
      label: r.label,
      kind: null,
      fields: {},
      phase: undefined,
      position: null,
    })),
  };
}
