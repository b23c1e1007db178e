/**
 * Bytes of a text file → text, as Belgian offices save them: UTF-8 with or without a byte-order
 * mark, UTF-16 with a mark (Excel's "Unicode text"), or Windows-1252 (Excel's "CSV" on a Belgian
 * Windows). UTF-8 is tried strictly first: Windows-1252 text with accents is practically never valid
 * UTF-8, while every byte sequence is valid Windows-1252.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: fixC1(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
  }
}

/**
 * Node 20's TextDecoder decodes 'windows-1252' as ISO-8859-1 (measured on Node 20.20: 0x80, 0x92,
 * 0x96 come out as the C1 controls U+0080, U+0092, U+0096); browsers follow the WHATWG table. The
 * bytes 0x80–0x9F are where the two differ, so they are mapped here: €, ’, – and friends, common in
 * Dutch office text. In a browser the text never holds these controls and this is a no-op.
 */
const WINDOWS_1252_C1: Readonly<Record<number, string>> = {
  128: '€',
  130: '‚',
  131: 'ƒ',
  132: '„',
  133: '…',
  134: '†',
  135: '‡',
  136: 'ˆ',
  137: '‰',
  138: 'Š',
  139: '‹',
  140: 'Œ',
  142: 'Ž',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  149: '•',
  150: '–',
  151: '—',
  152: '˜',
  153: '™',
  154: 'š',
  155: '›',
  156: 'œ',
  158: 'ž',
  159: 'Ÿ',
};

function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0)] ?? c);
}
