import { describe, expect, it } from 'vitest';
import { getHyphenate, loadHyphenation } from './hyphenation';

describe('hyphenation of card names', () => {
  it('puts soft hyphens into long Dutch words only, once the patterns are loaded', async () => {
    expect(getHyphenate()('Roemeense arbeidsmigranten')).toBe('Roemeense arbeidsmigranten');
    await loadHyphenation();
    const hyphenated = getHyphenate()('Roemeense arbeidsmigranten · Huis van het Kind');
    expect(hyphenated.replaceAll('\u00ad', '')).toBe('Roemeense arbeidsmigranten · Huis van het Kind');
    expect(hyphenated).toContain('beids\u00admi');
    expect(hyphenated).toContain('Roemeense ');
  });
});
