/**
 * The key two names are matched on: case, accents and spacing ignored, so "Café De Kring",
 * "cafe de  kring" and " CAFÉ DE KRING " are one organisation. Punctuation is kept: "Sint-Pieters-Leeuw"
 * and "Sint Pieters Leeuw" stay different, as a person reading them might also keep them apart.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('nl')
    .replace(/\s+/g, ' ')
    .trim();
}
