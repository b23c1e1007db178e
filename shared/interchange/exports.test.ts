import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../model/replicas';
import { EXPORT_FORMATS } from './exportFormats';
import { exportMap, fileNameBase } from './exportMap';
import { KETENKAART_SCHEMA } from './json/ketenkaartSchema';
import { readJson } from './json/readJson';
import { exportJson } from './json/writeJson';
import { DEFAULT_LIMITS } from './limits';
import { readXlsx } from './read/readXlsx';
import { buildRichMap } from './testing/richMap';
import { exportCsv } from './write/writeCsv';
import { exportXlsx } from './write/writeXlsx';

describe('exports', () => {
  it('write CSV as Belgian Excel opens it: byte-order mark, semicolons, CRLF, Kumu headers first', () => {
    const map = inMemoryMap({ title: 'Keten' });
    map.addActor({
      id: 'a',
      kind: 'partner',
      label: 'Café; "De Kring"',
      description: '=HYPERLINK("x")',
      tags: ['taal', 'werk'],
    });
    const text = exportCsv(map.read(), 'actors');
    expect(text.startsWith('\uFEFFID;Label;Type;Description;Tags;Fase;')).toBe(true);
    expect(text).toContain('\r\na;"Café; ""De Kring""";Partner;"\'=HYPERLINK(""x"")";taal|werk;');
    expect(exportCsv(map.read(), 'actors', { delimiter: ',', locale: 'en' }).split('\r\n')[0]).toBe(
      '\uFEFFID,Label,Type,Description,Tags,Phase,Local direction,Contact,Municipality,KBO number,Entry point,Needs,Languages,X,Y',
    );
  });

  it('write the workbook Kumu reads: Elements and Connections first, with Label and From/To as Kumu names them', async () => {
    const bytes = await exportXlsx(buildRichMap(21).read());
    const { tables } = await readXlsx('kaart.xlsx', bytes, DEFAULT_LIMITS);
    expect(tables.map((t) => t.sheet)).toEqual([
      'Elements',
      'Connections',
      'Fasen (ignore)',
      'Notities (ignore)',
    ]);
    expect(tables[0]!.header.slice(0, 5)).toEqual(['ID', 'Label', 'Type', 'Description', 'Tags']);
    expect(tables[1]!.header.slice(0, 5)).toEqual(['ID', 'From', 'To', 'Type', 'Direction']);
  });

  it('contain no keys, no presence, no activity feed and no dismissals: only the map’s content', async () => {
    const map = buildRichMap(22);
    map.setAuthor('Sofie Peeters');
    map.updateActor(map.actors()[0]!.id, { label: 'Hernoemd' });
    map.dismissFinding('rule:x:y', 'bewust zo', 'Sofie Peeters');
    for (const format of EXPORT_FORMATS) {
      const file = await exportMap(map, format, { now: new Date('2026-01-01T00:00:00Z') });
      const text = format === 'xlsx' ? '' : new TextDecoder().decode(file.bytes);
      expect(text).not.toContain('Sofie');
      expect(text).not.toContain('bewust zo');
    }
    const json = JSON.parse(exportJson(map));
    expect(Object.keys(json).sort()).toEqual([
      'actors',
      'exportedAt',
      'format',
      'links',
      'meta',
      'notes',
      'phases',
    ]);
  });

  it('name the file after the map, safely, with the right media type', async () => {
    const map = inMemoryMap({ title: 'Keten: Sint-Pieters-Leeuw / 2026' });
    expect((await exportMap(map, 'xlsx')).fileName).toBe('Keten Sint-Pieters-Leeuw 2026.xlsx');
    const csv = await exportMap(map, 'csv', { table: 'links' });
    expect([csv.fileName, csv.contentType]).toEqual([
      'Keten Sint-Pieters-Leeuw 2026 - links.csv',
      'text/csv; charset=utf-8',
    ]);
    expect(fileNameBase('  ..\u0000 ')).toBe('ketenkaart');
    expect(fileNameBase('Café de l’Été')).toBe('Café de l’Été');
  });

  it('write JSON that validates against its own schema', () => {
    const text = exportJson(buildRichMap(23), { includeVersions: true });
    expect(readJson('kaart.json', new TextEncoder().encode(text)).ok).toBe(true);
  });

  it('document the JSON format in docs/ with the very schema the importer validates with', () => {
    // Out of date? Run: npx tsx scripts/write-ketenkaart-schema.ts
    const doc = new URL('../../docs/ketenkaart-1.schema.json', import.meta.url);
    expect(JSON.parse(fs.readFileSync(doc, 'utf8'))).toEqual(KETENKAART_SCHEMA);
  });
});
