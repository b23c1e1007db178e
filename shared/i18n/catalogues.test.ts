import { describe, expect, it } from 'vitest';
import { en } from './en';
import { isPlural, placeholders } from './formatMessage';
import { nl } from './nl';

describe('the catalogues', () => {
  it('have the same keys in English as in Dutch', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('give each key the same placeholders, and a plural in both languages or in neither', () => {
    for (const [key, message] of Object.entries(nl)) {
      const other = en[key as keyof typeof en];
      expect(placeholders(other), key).toEqual(placeholders(message));
      expect(isPlural(other), key).toBe(isPlural(message));
    }
  });

  it('word every count through a plural, never as "{count} <plural noun>" for every count', () => {
    // A plain string with {count} reads "1 actoren"; such keys must be plurals. The exceptions name
    // a count in brackets or a choice the rule already made between one and many.
    const allowed = new Set(['analysis.dismissedCount', 'finding.singlePointOfFailure.many']);
    for (const [key, message] of Object.entries(nl)) {
      if (typeof message === 'string' && message.includes('{count}')) expect(allowed, key).toContain(key);
    }
  });
});
