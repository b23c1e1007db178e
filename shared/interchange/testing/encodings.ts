/**
 * Test-only: bytes as Belgian office software writes them, made in the test (never checked-in
 * files), so each fixture says exactly which bytes it holds.
 */

const CP1252_EXTRA: Readonly<Record<string, number>> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
};

/** Windows-1252, as Excel's "CSV (gescheiden door lijstscheidingsteken)" writes on a Belgian PC. */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const byte = CP1252_EXTRA[ch];
    if (byte === undefined) throw new Error(`not in the test's Windows-1252 table: ${ch}`);
    return byte;
  });
}

export function utf8(text: string, options: { bom?: boolean } = {}): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!options.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** UTF-16LE with its mark, as Excel's "Unicode text" saves (tab-separated). */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c & 0xff;
    out[3 + i * 2] = c >> 8;
  }
  return out;
}
