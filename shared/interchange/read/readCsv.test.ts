import { describe, expect, it } from 'vitest';
import { utf8, utf16le, windows1252 } from '../testing/encodings';
import { decodeText } from './decodeText';
import { readCsv } from './readCsv';

const PARTNERS = [
  'Naam;Soort;Gemeente;Opmerking',
  'Café De Kring;Partner;Sint-Pieters-Leeuw;“Buurtcafé” – € 5 per maand',
  'OCMW;Dienst;Halle;',
].join('\r\n');

describe('reading CSV as Belgian offices save it', () => {
  it('reads Windows-1252 (Excel on a Belgian PC) with its accents, quotes, dashes and euro sign intact', () => {
    const csv = readCsv('partners.csv', windows1252(PARTNERS));
    expect(csv.encoding).toBe('windows-1252');
    expect(csv.delimiter).toBe(';');
    expect(csv.table?.rows[0]?.cells).toEqual([
      'Café De Kring',
      'Partner',
      'Sint-Pieters-Leeuw',
      '“Buurtcafé” – € 5 per maand',
    ]);
  });

  it('reads UTF-8 with a byte-order mark, which does not end up in the first header', () => {
    const csv = readCsv('partners.csv', utf8(PARTNERS, { bom: true }));
    expect(csv.encoding).toBe('utf-8');
    expect(csv.table?.header[0]).toBe('Naam');
    expect(csv.table?.rows[0]?.cells[0]).toBe('Café De Kring');
  });

  it('reads UTF-8 without a mark, and UTF-16 "Unicode text" with tabs', () => {
    expect(readCsv('a.csv', utf8(PARTNERS)).table?.rows[0]?.cells[2]).toBe('Sint-Pieters-Leeuw');
    const tabbed = readCsv('a.txt', utf16le(PARTNERS.replaceAll(';', '\t')));
    expect(tabbed.encoding).toBe('utf-16le');
    expect(tabbed.delimiter).toBe('\t');
    expect(tabbed.table?.rows[0]?.cells[0]).toBe('Café De Kring');
  });

  it('detects a comma delimiter, and never takes Kumu’s | separator for one', () => {
    const csv = readCsv(
      'elements.csv',
      utf8('Label,Type,Tags\nVDAB,Partner,werk|taal|opleiding\nCLB,Partner,onderwijs|jeugd\n'),
    );
    expect(csv.delimiter).toBe(',');
    expect(csv.table?.rows[0]?.cells).toEqual(['VDAB', 'Partner', 'werk|taal|opleiding']);
  });

  it('keeps a quoted cell with line breaks and semicolons as one cell, and counts rows as the spreadsheet shows them', () => {
    const text =
      'Naam;Beschrijving\r\n\r\n"Huis van het Kind";"Lijn één;\r\nlijn twee"\r\n;;\r\nVDAB;werk\r\n';
    const table = readCsv('lijst.csv', utf8(text)).table!;
    expect(table.headerRow).toBe(1);
    expect(table.rows).toEqual([
      { row: 3, cells: ['Huis van het Kind', 'Lijn één;\r\nlijn twee'] },
      { row: 5, cells: ['VDAB', 'werk'] },
    ]);
  });

  it('finds the header below a title row', () => {
    const text =
      'Partnerlijst gemeente Asse;;\r\n;;\r\nNaam;Adres;Soort\r\nVDAB;Stationsstraat 1;Partner\r\n';
    const table = readCsv('lijst.csv', utf8(text)).table!;
    expect(table.header).toEqual(['Naam', 'Adres', 'Soort']);
    expect(table.headerRow).toBe(3);
    expect(table.rows).toEqual([{ row: 4, cells: ['VDAB', 'Stationsstraat 1', 'Partner'] }]);
  });

  it('takes off exactly the apostrophe that guards a formula-like cell', () => {
    const table = readCsv('a.csv', utf8("Label;Description\r\nA;'=1+1\r\nB;'tis goed\r\n")).table!;
    expect(table.rows.map((r) => r.cells[1])).toEqual(['=1+1', "'tis goed"]);
  });

  it('reports a cell whose closing quote is missing, on its row', () => {
    const csv = readCsv('kapot.csv', utf8('Naam;Soort\r\nVDAB;Partner\r\n"CLB;Partner\r\nOCMW;Dienst\r\n'));
    expect(csv.table).toBeNull();
    expect(csv.problems).toEqual([{ code: 'csvMalformed', params: {}, file: 'kapot.csv', row: 3 }]);
  });
});

describe('decodeText', () => {
  it('maps the Windows-1252 bytes 0x80–0x9F to their characters (Node 20 decodes them as controls)', () => {
    expect(decodeText(Uint8Array.from([0x80, 0x92, 0x96, 0x93, 0x94, 0xe9])).text).toBe('€’–“”é');
  });
});
