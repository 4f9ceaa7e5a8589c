// German linking-s compounds the dictionary does not list (src/language/spell/german-compounds.ts),
// through the German speller: accepted when the first part is a noun with a linking-s ending
// and the last part may end a compound; their typos are still reported, and corrected.
import { describe, expect, it } from 'vitest';
import { loadSpeller } from '../../../src/language/spell/index.js';
import { linkingSSplits } from '../../../src/language/spell/german-compounds.js';

const german = loadSpeller('de')!.speller;

describe('German linking-s compounds', () => {
  it('accepts compounds whose first part ends in -ung, -heit, -keit, -schaft, -ion, -tät, -ling or -tum + s', () => {
    const words = ['Sendungsnummer', 'Sendungsverfolgung', 'Sendungsverfolgungsnummer', 'Lieferungsadresse', 'Sendungsstatus', 'Bestellungsnummer'];
    expect(words.filter((w) => !german.correct(w))).toEqual([]);
  });

  it('still rejects a typo in either part, a last part that cannot end a compound, and other linking elements', () => {
    const words = [
      'Sendungsnumer', // typo in the last part
      'Sednungsnummer', // typo in the first part
      'Sendungsnummre', // `nummre` is a verb form, not a last part
      'Sprungsgelenk', // Sprung: -ung is not a suffix there (Sprunggelenk)
      'Millionsbetrag', // Millionenbetrag
    ];
    expect(words.filter((w) => german.correct(w))).toEqual([]);
  });

  it('corrects a typo in the last part of such a compound', () => {
    expect(german.suggest('Sendungsnumer', 3)[0]).toBe('Sendungsnummer');
    expect(german.suggest('Sendungsnummmer', 3)).toContain('Sendungsnummer');
  });

  it('splits only after a noun the dictionary knows', () => {
    const correct = (w: string) => german.correct(w);
    expect([...linkingSSplits('Sendungsnummer', correct)]).toEqual([{ head: 'Sendungs', last: 'nummer' }]);
    expect([...linkingSSplits('Blablungsnummer', correct)]).toEqual([]);
  });

  it('leaves other languages alone', () => {
    expect(loadSpeller('en')!.speller.correct('Sendungsnummer')).toBe(false);
  });
});
