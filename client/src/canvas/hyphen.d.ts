/** The Dutch hyphenator of `hyphen` (Liang's patterns; the package ships no types). */
declare module 'hyphen/nl' {
  export function hyphenateSync(
    text: string,
    options?: { hyphenChar?: string; minWordLength?: number; debug?: boolean },
  ): string;
}
