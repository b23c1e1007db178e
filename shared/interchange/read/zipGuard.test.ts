import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../seededRandom';
import { DEFAULT_LIMITS } from '../limits';
import { openZipGuarded } from './zipGuard';

const all = () => true;
const zeros = (n: number) => new Uint8Array(n);
/** Bytes that do not compress, so only the size limit can refuse them. */
function noise(n: number, seed: number): Uint8Array {
  const rnd = new SeededRandom(seed);
  return Uint8Array.from({ length: n }, () => rnd.int(256));
}

/** Rewrites the uncompressed size the central directory declares for every entry. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = out.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    let at = view.getUint32(i + 16, true);
    for (let n = view.getUint16(i + 10, true); n > 0; n--) {
      view.setUint32(at + 24, size, true);
      at +=
        46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return out;
  }
  throw new Error('no end of central directory');
}

describe('the zip guard (XLSX is a zip)', () => {
  it('opens an ordinary archive and returns the wanted entries, inflated', () => {
    const zip = zipSync({
      'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
      'docProps/thumb.png': zeros(10),
    });
    const opened = openZipGuarded('a.xlsx', zip, DEFAULT_LIMITS, (n) => n.endsWith('.xml'));
    expect(opened.ok && Object.keys(opened.entries)).toEqual(['xl/workbook.xml']);
    expect(opened.ok && new TextDecoder().decode(opened.entries['xl/workbook.xml'])).toBe('<workbook/>');
  });

  it('refuses an archive that declares more uncompressed bytes than the limit, before inflating anything', () => {
    const zip = zipSync({ 'xl/a.xml': noise(5_000_000, 1), 'xl/b.xml': noise(5_000_000, 2) });
    const opened = openZipGuarded(
      'bom.xlsx',
      zip,
      { ...DEFAULT_LIMITS, maxUncompressedBytes: 8_000_000 },
      all,
    );
    expect(opened).toEqual({
      ok: false,
      problem: { code: 'zipTooLarge', params: { size: 9.6, max: 7.7 }, file: 'bom.xlsx' },
    });
  });

  it('refuses an entry that compresses suspiciously well (a classic zip bomb: megabytes of zeros)', () => {
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': zeros(20_000_000) });
    const opened = openZipGuarded('bom.xlsx', zip, DEFAULT_LIMITS, all);
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.problem.code).toBe('zipRatio');
  });

  it('stops inflating an entry that yields more than it declared, at its declared size', () => {
    const zip = declareSize(zipSync({ 'xl/worksheets/sheet1.xml': zeros(3_000_000) }), 1000);
    const opened = openZipGuarded('liegt.xlsx', zip, DEFAULT_LIMITS, all);
    expect(opened).toEqual({
      ok: false,
      problem: { code: 'zipSizeMismatch', params: {}, file: 'liegt.xlsx' },
    });
  });

  it('refuses an archive with more entries than the limit', () => {
    const entries = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`xl/p${i}.xml`, zeros(1)]));
    const opened = openZipGuarded(
      'veel.xlsx',
      zipSync(entries),
      { ...DEFAULT_LIMITS, maxZipEntries: 20 },
      all,
    );
    expect(opened).toEqual({
      ok: false,
      problem: { code: 'zipTooManyEntries', params: { count: 30, max: 20 }, file: 'veel.xlsx' },
    });
  });

  it('calls a truncated or garbled archive corrupt', () => {
    const zip = zipSync({ 'xl/a.xml': new TextEncoder().encode('<a>'.repeat(1000)) });
    expect(openZipGuarded('a.xlsx', zip.slice(0, 40), DEFAULT_LIMITS, all)).toMatchObject({
      problem: { code: 'zipCorrupt' },
    });
    const garbled = zip.slice();
    garbled.fill(0x55, 30, 60);
    expect(openZipGuarded('a.xlsx', garbled, DEFAULT_LIMITS, all)).toMatchObject({
      problem: { code: 'zipCorrupt' },
    });
  });
});
