import { Inflate } from 'fflate';
import { type InterchangeLimits, megabytes } from '../limits';
import { type ImportProblem, problem } from '../problems';

/**
 * Opens an XLSX archive without letting it blow up (a "zip bomb"). First the central directory is
 * read and the declared sizes checked: the number of entries, their total uncompressed size and each
 * entry's compression ratio, before a single byte is inflated. Then the entries the reader needs are
 * inflated in small steps, counting the bytes that come out, and stopped the moment an entry yields
 * more than it declared or the total passes the limit: a header that lies costs at most one step.
 *
 * The central directory is read here rather than through fflate's `unzipSync`, because that inflates
 * every entry in one call, into a buffer of whatever size the entry claims.
 */

export type ZipEntries = Record<string, Uint8Array>;

export type GuardedZip =
  | { readonly ok: true; readonly entries: ZipEntries }
  | { readonly ok: false; readonly problem: ImportProblem };

interface CentralEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** A 32-bit size of all ones means "see the ZIP64 record": more than 4 GiB, or a writer's quirk. */
const ZIP64_MARK = 0xffffffff;
/** Ratios only matter for entries big enough to hurt; tiny XML parts compress absurdly well. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Compressed bytes fed to the inflater per step: at DEFLATE's ~1032:1 maximum, ≤ 16 MiB out. */
const STEP = 16 * 1024;

export function openZipGuarded(
  file: string,
  bytes: Uint8Array,
  limits: InterchangeLimits,
  wanted: (name: string) => boolean,
): GuardedZip {
  const fail = (code: ImportProblem['code'], params = {}): GuardedZip => ({
    ok: false,
    problem: problem(code, { file }, params),
  });
  const directory = readCentralDirectory(bytes, limits.maxZipEntries);
  if (directory === 'corrupt') return fail('zipCorrupt');
  if (typeof directory === 'number') {
    return fail('zipTooManyEntries', { count: directory, max: limits.maxZipEntries });
  }
  let declared = 0;
  for (const entry of directory) {
    if (entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) {
      return fail('zipTooLarge', { size: megabytes(2 ** 32), max: megabytes(limits.maxUncompressedBytes) });
    }
    declared += entry.size;
    const ratio = entry.size / Math.max(entry.compressedSize, 1);
    if (entry.size >= RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
      return fail('zipRatio', { ratio: Math.round(ratio), max: limits.maxCompressionRatio });
    }
  }
  if (declared > limits.maxUncompressedBytes) {
    return fail('zipTooLarge', { size: megabytes(declared), max: megabytes(limits.maxUncompressedBytes) });
  }
  const entries: ZipEntries = {};
  let actualTotal = 0;
  for (const entry of directory) {
    if (!wanted(entry.name)) continue;
    const data = entryData(bytes, entry);
    if (data === null) return fail('zipCorrupt');
    const budget = Math.min(entry.size, limits.maxUncompressedBytes - actualTotal);
    const out = entry.method === 0 ? data : entry.method === 8 ? inflateBounded(data, budget) : 'corrupt';
    if (out === 'corrupt') return fail('zipCorrupt');
    // An entry that yields more than it declared was stopped at its declared size: refused.
    if (out === 'overBudget' || out.length !== entry.size) return fail('zipSizeMismatch');
    actualTotal += out.length;
    entries[entry.name] = out;
  }
  return { ok: true, entries };
}

function readCentralDirectory(bytes: Uint8Array, maxEntries: number): CentralEntry[] | number | 'corrupt' {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'corrupt';
  const count = view.getUint16(eocd + 10, true);
  if (count > maxEntries) return count;
  let offset = view.getUint32(eocd + 16, true);
  const out: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return 'corrupt';
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return 'corrupt';
    out.push({
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

function entryData(bytes: Uint8Array, entry: CentralEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  return end > bytes.length ? null : bytes.subarray(start, end);
}

class OverBudget extends Error {}

/** Inflates `data`, stopping as soon as it would produce more than `budget` bytes. */
function inflateBounded(data: Uint8Array, budget: number): Uint8Array | 'corrupt' | 'overBudget' {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > budget) throw new OverBudget();
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += STEP) {
      inflater.push(data.subarray(i, Math.min(i + STEP, data.length)), i + STEP >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    return error instanceof OverBudget ? 'overBudget' : 'corrupt';
  }
  const out = new Uint8Array(produced);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
