/**
 * A file name from the map's title that every system accepts: no path separators, no characters
 * Windows refuses, no control characters, at most 80 characters; accents are kept. Its own module,
 * so the client's picture export can name its file without loading the writers.
 */
const FORBIDDEN_IN_NAMES = '<>:"/\\|?*';

export function fileNameBase(title: string): string {
  const cleaned = [...title]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' || FORBIDDEN_IN_NAMES.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  return cleaned === '' ? 'ketenkaart' : cleaned;
}
