import { type InterchangeLimits, megabytes } from '../limits';
import { type ImportProblem, problem } from '../problems';

export type FileFormat = 'csv' | 'xlsx' | 'json';

export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The type the browser or the HTTP request gave; the bytes decide when they say otherwise. */
  readonly contentType?: string;
}

export type Detected =
  | { readonly ok: true; readonly format: FileFormat }
  | { readonly ok: false; readonly problem: ImportProblem };

const ZIP = [0x50, 0x4b];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * What a file is, by its bytes: a zip is an XLSX workbook, an OLE2 container an old `.xls`, text
 * starting with `{` KetenKaart JSON, other text CSV; anything binary is refused. The size limit is
 * checked first, before any parsing.
 */
export function detectFormat(file: ImportFile, limits: InterchangeLimits): Detected {
  const at = { file: file.name };
  const { bytes } = file;
  if (bytes.length > limits.maxFileBytes) {
    return {
      ok: false,
      problem: problem('fileTooLarge', at, {
        size: megabytes(bytes.length),
        max: megabytes(limits.maxFileBytes),
      }),
    };
  }
  if (bytes.length === 0) return { ok: false, problem: problem('emptyFile', at) };
  if (startsWith(bytes, OLE2)) return { ok: false, problem: problem('legacyXls', at) };
  if (startsWith(bytes, ZIP)) return { ok: true, format: 'xlsx' };
  if (!looksLikeText(bytes))
    return { ok: false, problem: problem('unsupportedFormat', at, { name: file.name }) };
  const first = firstNonSpace(bytes);
  if (first === 0x7b || first === 0x5b || /json/i.test(file.contentType ?? ''))
    return { ok: true, format: 'json' };
  return { ok: true, format: 'csv' };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Text has no NUL bytes and few control characters (UTF-16 text, with its mark, is text too). */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= sample.length / 100;
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return bytes[i];
}
