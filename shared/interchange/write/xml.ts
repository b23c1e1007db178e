/**
 * Text for XML 1.0: the five special characters escaped (so text is safe in attributes and
 * content alike), and the characters XML 1.0 forbids (C0 controls other than tab and line ends,
 * lone surrogates, U+FFFE and U+FFFF) dropped, since no parser would read a file that holds them.
 */
export function xmlText(value: string | number | boolean): string {
  let out = '';
  for (const ch of String(value)) {
    const c = ch.codePointAt(0)!;
    const allowed =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    if (!allowed) continue;
    out += ESCAPES[ch] ?? ch;
  }
  return out;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
