/**
 * Long Dutch words on a card break at a syllable with a hyphen ("arbeids-/migranten") instead of
 * mid-syllable without one. Browsers hyphenate Dutch only where they ship its dictionary (Chromium
 * on Linux does not), so the names get soft hyphens from `hyphen`'s Dutch patterns. The patterns
 * (≈ 230 KB) load after the first paint, in their own chunk; until then, and if they fail to load,
 * a word that does not fit breaks anywhere (`overflow-wrap: anywhere` on the label).
 *
 * Only words of `MIN_WORD_LENGTH` letters or more get soft hyphens: shorter ones fit a card's line.
 * The name itself (the title, the aria-label, the model) never carries them.
 */
export const MIN_WORD_LENGTH = 12;

type Hyphenate = (text: string) => string;
const identity: Hyphenate = (text) => text;
let current: Hyphenate = identity;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function loadHyphenation(): Promise<void> {
  loading ??= import('hyphen/nl').then(
    ({ hyphenateSync }) => {
      current = (text) => hyphenateSync(text, { minWordLength: MIN_WORD_LENGTH });
      for (const listener of listeners) listener();
    },
    () => {
      // Offline before the chunk was cached, or blocked: names break anywhere instead.
    },
  );
  return loading;
}

export function subscribeHyphenation(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The hyphenator in use: the identity until the patterns have loaded. */
export function getHyphenate(): Hyphenate {
  return current;
}
