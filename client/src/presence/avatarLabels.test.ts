import { describe, expect, it } from 'vitest';
import { avatarLabels, initialsOf } from './avatarLabels';

describe('avatar initials', () => {
  it('takes letters only, and leaves out a role in brackets', () => {
    expect(initialsOf('Els (coördinator)')).toBe('E');
    expect(initialsOf('Karim El Amrani')).toBe('KA');
    expect(initialsOf('  ann  ')).toBe('A');
    expect(initialsOf('Örs Ünal')).toBe('ÖÜ');
    expect(initialsOf('"Jan" – OCMW')).toBe('JO');
    expect(initialsOf('Team 2 🙂')).toBe('T');
    expect(initialsOf('(coördinator)')).toBe('C');
    expect(initialsOf('123 🙂')).toBe('?');
    expect(initialsOf('ijsbrand')).toBe('I');
  });

  it('gives two people with the same initials different labels', () => {
    expect(avatarLabels(['Ann', 'Anke'])).toEqual(['AN', 'AK']);
    expect(avatarLabels(['Els Peeters', 'Eva Pauwels', 'Karim'])).toEqual(['EPE', 'EPA', 'K']);
    expect(avatarLabels(['Bert', 'Bart'])).toEqual(['BE', 'BA']);
  });

  it('numbers people whose names cannot be told apart', () => {
    expect(avatarLabels(['Ann', 'Ann', 'Bert'])).toEqual(['AN', 'A2', 'B']);
    expect(avatarLabels(['Jo', 'Jo', 'Jo'])).toEqual(['JO', 'J2', 'J3']);
  });

  it('keeps unique initials as they are', () => {
    expect(avatarLabels(['Ann', 'Bert', 'Chloé'])).toEqual(['A', 'B', 'C']);
  });
});
