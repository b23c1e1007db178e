import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import type { ChainMap } from '../model/ChainMap';
import { encodeMap, inMemoryMap } from '../model/replicas';
import { describeProblem } from './describeProblem';
import { importIntoMap } from './importIntoMap';
import type { InterchangeLimits } from './limits';
import type { ImportFile } from './read/detectFormat';
import { utf8 } from './testing/encodings';
import { workbook } from './testing/workbook';

const nl = translator('nl');

function seededMap(): ChainMap {
  const map = inMemoryMap({ title: 'Keten Halle' });
  map.addActor({ id: 'vdab', kind: 'partner', label: 'VDAB' });
  return map;
}

/** Imports, expects the import to be refused with exactly these Dutch messages, and nothing written. */
async function refused(files: ImportFile[], limits?: Partial<InterchangeLimits>): Promise<string[]> {
  const map = seededMap();
  const before = encodeMap(map);
  const outcome = await importIntoMap(map, files, limits ? { limits } : {});
  expect(outcome.ok).toBe(false);
  expect(encodeMap(map)).toEqual(before);
  return outcome.plan.problems.map((p) => describeProblem(p, nl));
}

const csv = (name: string, text: string): ImportFile => ({ name, bytes: utf8(text) });

describe('bad input gets a clear Dutch error and changes nothing', () => {
  it('a file that is not CSV, XLSX or JSON', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(await refused([{ name: 'logo.png', bytes: png }])).toEqual([
      'logo.png: ‘logo.png’ is geen CSV-, Excel- (XLSX) of KetenKaart-bestand (JSON).',
    ]);
  });

  it('an old .xls workbook, with what to do about it', async () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refused([{ name: 'partners.xls', bytes: xls }])).toEqual([
      'partners.xls: Dit is een oud Excel-bestand (.xls). Open het in Excel, kies ‘Opslaan als’ › ‘Excel-werkmap (.xlsx)’ en probeer opnieuw.',
    ]);
  });

  it('an empty file, and a sheet with only headers', async () => {
    expect(await refused([{ name: 'leeg.csv', bytes: new Uint8Array(0) }])).toEqual([
      'leeg.csv: Het bestand is leeg.',
    ]);
    expect(await refused([csv('kop.csv', 'Naam;Soort\r\n')])).toEqual([
      'kop.csv: Het bestand bevat geen gegevens om in te lezen.',
    ]);
  });

  it('a file over the size limit, saying both sizes', async () => {
    const big = csv('groot.csv', `Naam\r\n${'x'.repeat(1_150_000)}\r\n`);
    expect(await refused([big], { maxFileBytes: 1024 * 1024 })).toEqual([
      'groot.csv: Het bestand is 1,1 MB groot; de grens is 1 MB.',
    ]);
  });

  it('a cell over the size limit, named by row and column', async () => {
    const text = `Naam;Beschrijving\r\nVDAB;kort\r\nCLB;${'x'.repeat(20_001)}\r\n`;
    expect(await refused([csv('lijst.csv', text)])).toEqual([
      'lijst.csv, rij 3, kolom ‘Beschrijving’: Deze cel bevat 20.001 tekens; de grens is 20.000.',
    ]);
  });

  it('a sheet over the row limit', async () => {
    const rows = Array.from({ length: 11 }, (_, i) => `Partner ${i}`).join('\r\n');
    expect(await refused([csv('lijst.csv', `Naam\r\n${rows}\r\n`)], { maxRows: 10 })).toEqual([
      'lijst.csv: Dit blad telt 11 rijen; de grens is 10.',
    ]);
  });

  it('a list without a name column', async () => {
    expect(await refused([csv('lijst.csv', 'Adres;Gemeente\r\nMarkt 1;Halle\r\n')])).toEqual([
      'lijst.csv, rij 1: Er is geen kolom met de naam van elk element (bijvoorbeeld ‘Naam’ of ‘Label’).',
    ]);
  });

  it('an unknown kind, an unknown regie, a bad KBO number and a bad date, each at its cell', async () => {
    const elements = [
      'Naam;Soort;Lokale regie;KBO-nummer',
      'VDAB;Vzw;;',
      'CLB;Partner;Soms;',
      'OCMW;Dienst;;0123.456.748',
      'Huis van het Kind;Dienst;;12345',
    ].join('\r\n');
    expect(await refused([csv('lijst.csv', elements)])).toEqual([
      'lijst.csv, rij 2, kolom ‘Soort’: ‘Vzw’ is geen soort die KetenKaart kent. Gebruik Dienst, Partner, Samenwerkingsverband, Overdrachtspunt, Doelgroep of Rol.',
      'lijst.csv, rij 3, kolom ‘Lokale regie’: ‘Soms’ is geen vorm van lokale regie. Gebruik Zelf, Partnerschap, Bovenlokaal of Intergemeentelijk.',
      'lijst.csv, rij 4, kolom ‘KBO-nummer’: ‘0123.456.748’ is geen geldig KBO-nummer: de controlecijfers kloppen niet. Kijk het nummer na.',
      'lijst.csv, rij 5, kolom ‘KBO-nummer’: ‘12345’ is geen KBO-nummer. Een ondernemingsnummer heeft tien cijfers, bijvoorbeeld 0123.456.749.',
    ]);
    const notes =
      'Type;Tekst;Deadline;Status\r\nActie;Folder vertalen;31/02/2026;Open\r\nActie;Tolk;;Misschien\r\n';
    expect(await refused([csv('acties.csv', notes)])).toEqual([
      'acties.csv, rij 2, kolom ‘Deadline’: ‘31/02/2026’ is geen datum. Schrijf bijvoorbeeld 31/12/2025 of 2025-12-31.',
      'acties.csv, rij 3, kolom ‘Status’: ‘Misschien’ is geen status. Gebruik Open, Bezig of Klaar.',
    ]);
  });

  it('a connection to an element that is in neither the file nor the map (Kumu workbook, two sheets)', async () => {
    const bytes = await workbook([
      {
        name: 'Elements',
        rows: [
          ['Label', 'Type'],
          ['Onthaalbalie', 'Dienst'],
        ],
      },
      {
        name: 'Connections',
        rows: [
          ['From', 'To', 'Type'],
          ['Onthaalbalie', 'VDAB', 'Warme overdracht'],
          ['Onthaalbalie', 'Wijkagent', 'Koude overdracht'],
        ],
      },
    ]);
    expect(await refused([{ name: 'kumu.xlsx', bytes }])).toEqual([
      'kumu.xlsx, blad ‘Connections’, rij 3, kolom ‘To’: ‘Wijkagent’ staat niet bij de elementen van het bestand en ook niet op de kaart.',
    ]);
  });

  it('a zip bomb dressed as a workbook: refused before it is inflated', async () => {
    const bomb = zipSync({
      '[Content_Types].xml': utf8('<Types/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(50_000_000),
    });
    expect(await refused([{ name: 'bom.xlsx', bytes: bomb }])).toEqual([
      expect.stringMatching(
        /^bom\.xlsx: Het Excel-bestand pakt uit tot [\d.]+ keer zijn eigen grootte \(de grens is 200 keer\)\. Dat wijst op een gevaarlijk bestand; het wordt niet geopend\.$/,
      ),
    ]);
  });

  it('a zip that is not a workbook', async () => {
    const zip = zipSync({ 'readme.xml': utf8('<hallo/>') });
    expect(await refused([{ name: 'map.xlsx', bytes: zip }])).toEqual([
      'map.xlsx: Het Excel-bestand kon niet gelezen worden. Open en bewaar het opnieuw in Excel en probeer nog eens.',
    ]);
  });

  it('malformed JSON, JSON of another format, and JSON that breaks the schema', async () => {
    expect(await refused([csv('kaart.json', '{"format": "ketenkaart/1", ')])).toEqual([
      'kaart.json: Dit is geen geldig JSON-bestand.',
    ]);
    expect(await refused([csv('kaart.json', '{"format": "kumu"}')])).toEqual([
      'kaart.json: Dit JSON-bestand is geen KetenKaart-export (formaat ‘kumu’, verwacht ‘ketenkaart/1’).',
    ]);
    const doc = {
      format: 'ketenkaart/1',
      meta: { title: 'Keten' },
      phases: [],
      actors: [
        { id: 'a', kind: 'vzw', label: 'VDAB', position: { x: 0, y: 0 }, colour: 'rood' },
        { id: 'b', kind: 'role' },
      ],
      links: [],
      notes: [],
    };
    expect(await refused([csv('kaart.json', JSON.stringify(doc))])).toEqual([
      'kaart.json, veld ‘actors/0/kind’: Dit veld heeft een ongeldige waarde.',
      'kaart.json, veld ‘actors/0/colour’: Dit veld hoort niet in een KetenKaart-bestand.',
      'kaart.json, veld ‘actors/1/label’: Dit veld ontbreekt.',
      'kaart.json, veld ‘actors/1/position’: Dit veld ontbreekt.',
    ]);
  });

  it('JSON whose link points to an actor that is nowhere', async () => {
    const doc = {
      format: 'ketenkaart/1',
      meta: { title: 'Keten' },
      phases: [],
      actors: [{ id: 'a', kind: 'service', label: 'Balie', position: { x: 0, y: 0 } }],
      links: [{ id: 'l1', kind: 'handover', source: 'a', target: 'weg' }],
      notes: [],
    };
    expect(await refused([csv('kaart.json', JSON.stringify(doc))])).toEqual([
      'kaart.json, veld ‘links/0/target’: ‘weg’ staat niet bij de elementen van het bestand en ook niet op de kaart.',
    ]);
  });

  it('JSON whose KBO number has ten digits but wrong check digits, or is an establishment number', async () => {
    const doc = {
      format: 'ketenkaart/1',
      meta: { title: 'Keten' },
      phases: [],
      actors: [
        { id: 'a', kind: 'partner', label: 'VDAB', position: { x: 0, y: 0 }, kbo: '0887010363' },
        { id: 'b', kind: 'partner', label: 'CAW', position: { x: 0, y: 0 }, kbo: '2000000042' },
        { id: 'c', kind: 'partner', label: 'OCMW', position: { x: 0, y: 0 }, kbo: '0887010362' },
      ],
      links: [],
      notes: [],
    };
    expect(await refused([csv('kaart.json', JSON.stringify(doc))])).toEqual([
      'kaart.json, veld ‘actors/0/kbo’: ‘0887010363’ is geen geldig KBO-nummer: de controlecijfers kloppen niet. Kijk het nummer na.',
      'kaart.json, veld ‘actors/1/kbo’: ‘2000000042’ is een vestigingsnummer, geen ondernemingsnummer. Gebruik het ondernemingsnummer (dat begint met 0 of 1).',
    ]);
  });

  it('lists every problem of every file at once, so one preview shows all that is wrong', async () => {
    const problems = await refused([
      csv('a.csv', 'Naam;Soort\r\nVDAB;Onbekend\r\n'),
      { name: 'b.pdf', bytes: utf8('%PDF-1.7\u0000\u0001\u0002') },
    ]);
    expect(problems).toHaveLength(2);
  });
});
