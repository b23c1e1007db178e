/**
 * The letters on participants' avatars. Initials come from letters only ("Els (coördinator)" is
 * "E", not "E("): a part in brackets is a role, not a name, and digits, punctuation and emoji are
 * no initials. Among the people on a map at once, two who would share initials get longer labels
 * ("Ann" and "Anke" become "AN" and "AK"), and as a last resort a number, so no two avatars read
 * alike.
 */

const LETTER = /\p{L}/u;
const NOT_LETTER = /[^\p{L}]+/gu;
const BRACKETED = /[([{][^)\]}]*[)\]}]/g;

/** The name's words, letters only, without bracketed parts (unless nothing else has letters). */
function wordsOf(name: string): string[] {
  const words = (text: string) =>
    text
      .normalize('NFC')
      .split(/\s+/)
      .map((w) => w.replace(NOT_LETTER, ''))
      .filter((w) => w.length > 0);
  const outside = words(name.replace(BRACKETED, ' '));
  return outside.length > 0 ? outside : words(name);
}

const upper = (s: string) => s.toLocaleUpperCase('nl-BE');

/** One or two initials: the first letters of the first and last words; '?' without any letter. */
export function initialsOf(name: string): string {
  const words = wordsOf(name);
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1]! : '';
  return upper([...first][0]! + ([...last][0] ?? ''));
}

/** Labels from short to long for one name; the first is its initials. */
function candidatesOf(name: string): string[] {
  const words = wordsOf(name);
  const letters = [...words.join('')];
  const out = [initialsOf(name)];
  if (words.length > 1) {
    const [first, ...rest] = words;
    for (const w of rest)
      for (const ch of [...w].slice(1)) out.push(upper([...first!][0]! + [...w][0]! + ch));
  }
  for (let i = 1; i < letters.length; i++) out.push(upper(letters[0]! + letters[i]!));
  return [...new Set(out)].filter((c) => LETTER.test(c) || c === '?');
}

/**
 * Avatar labels for everyone shown together, in order (you first, then the others): each is the
 * person's initials unless someone else's are the same; then the shortest longer label nobody else
 * has, and failing that the initials with a number.
 */
export function avatarLabels(names: readonly string[]): string[] {
  const base = names.map(initialsOf);
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  const taken = new Set(base.filter((b) => count.get(b) === 1));
  const seen = new Map<string, number>();
  return names.map((name, i) => {
    const initials = base[i]!;
    if (count.get(initials) === 1) return initials;
    const label = candidatesOf(name)
      .slice(1)
      .find((c) => !taken.has(c));
    if (label) {
      taken.add(label);
      return label;
    }
    // The first of them kept a longer label; the others are the second, third, … with these initials.
    const n = (seen.get(initials) ?? 1) + 1;
    seen.set(initials, n);
    const numbered = `${initials}${n}`;
    taken.add(numbered);
    return numbered;
  });
}
