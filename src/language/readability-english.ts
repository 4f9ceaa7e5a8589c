// English readability, the retext-readability algorithm (same 7 formulas, counts, ages,
// message) with its word lists in Sets: the stock plugin scans two arrays of ~3,000 words
// with `Array.includes` for every word, which was 10–17% of a whole run's time.
// test/rules/readability.test.ts checks that both give the same findings on the corpora.
import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChall } from 'dale-chall';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { gunningFog } from 'gunning-fog';
import { smogFormula } from 'smog-formula';
import { spache } from 'spache';
import { spacheFormula } from 'spache-formula';
import { syllable } from 'syllable';
import { memoize } from '../memo.js';

export interface EnglishReadabilityOptions {
  age: number;
  threshold: number;
  minWords: number;
}

let familiar: Set<string> | undefined;
let easy: Set<string> | undefined;

/** Words longer than this are counted by vowel groups: the `syllable` package's suffix
 * expressions backtrack quadratically on very long "words" (a 300,000-letter run). */
const LONGEST_DICTIONARY_WORD = 60;
export const englishSyllables = memoize((word: string): number =>
  word.length > LONGEST_DICTIONARY_WORD ? Math.max(1, word.toLowerCase().match(/[aeiouy]+/g)?.length ?? 0) : syllable(word),
);

const gradeToAge = (grade: number) => Math.round(grade + 5);
const fleschToAge = (value: number) => 20 - Math.floor(value / 10);
const smogToAge = (value: number) => Math.ceil(Math.sqrt(value) + 2.5);

/**
 * How many of the 7 formulas put a sentence (its words, as written) above `age`, or
 * undefined when it has fewer than `minWords` words (too short to judge).
 */
export function englishHardFormulas(words: readonly string[], options: EnglishReadabilityOptions): number | undefined {
  if (words.length < options.minWords) return undefined;
  familiar ??= new Set(spache);
  easy ??= new Set(daleChall);
  const familiarSeen = new Set<string>();
  const easySeen = new Set<string>();
  let complexPolysillabicWord = 0;
  let letters = 0;
  let polysillabicWord = 0;
  let totalSyllables = 0;
  for (const value of words) {
    const caseless = value.toLowerCase();
    const syllables = englishSyllables(value);
    totalSyllables += syllables;
    letters += value.length;
    if (syllables >= 3) {
      polysillabicWord++;
      if (value.charCodeAt(0) === caseless.charCodeAt(0)) complexPolysillabicWord++;
    }
    if (familiar.has(caseless)) familiarSeen.add(caseless);
    if (easy.has(caseless)) easySeen.add(caseless);
  }
  const wordCount = words.length;
  const counts = {
    character: letters,
    complexPolysillabicWord,
    difficultWord: wordCount - easySeen.size,
    letter: letters,
    polysillabicWord,
    sentence: 1,
    syllable: totalSyllables,
    unfamiliarWord: wordCount - familiarSeen.size,
    word: wordCount,
  };
  const scores = [
    gradeToAge(automatedReadability(counts)),
    gradeToAge(colemanLiau(counts)),
    gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
    fleschToAge(flesch(counts)),
    gradeToAge(gunningFog(counts)),
    smogToAge(smogFormula(counts)),
    gradeToAge(spacheFormula(counts)),
  ];
  return scores.filter((score) => score > options.age).length;
}

export const ENGLISH_FORMULA_COUNT = 7;
