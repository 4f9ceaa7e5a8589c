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
function englishSyllables(word: string): number {
  return word.length > LONGEST_DICTIONARY_WORD ? Math.max(1, word.toLowerCase().match(/[aeiouy]+/g)?.length ?? 0) : syllable(word);
}

const gradeToAge = (grade: number) => Math.round(grade + 5);
const fleschToAge = (value: number) => 20 - Math.floor(value / 10);
const smogToAge = (value: number) => Math.ceil(Math.sqrt(value) + 2.5);

/** What the formulas need of a word, as written; `lower` is shared by its case variants. */
interface WordFacts {
  syllables: number;
  /** lower-casing leaves its first character as it is (not a capitalised word) */
  lowerFirst: boolean;
  lower: LowerFacts;
}

interface LowerFacts {
  familiar: boolean;
  easy: boolean;
  /** the sentence (`sentenceStamp`) that last counted it: each is counted once per sentence */
  countedIn: number;
}

// A run meets the same words again and again: one lookup per word instead of a lower-casing,
// a syllable count and two list lookups, and no Sets per sentence for the distinct words.
const wordFacts = new Map<string, WordFacts>();
const lowerFacts = new Map<string, LowerFacts>();
const MAX_WORDS = 50_000;
let sentenceStamp = 0;

function factsOf(value: string): WordFacts {
  let facts = wordFacts.get(value);
  if (facts === undefined) {
    const caseless = value.toLowerCase();
    let lower = lowerFacts.get(caseless);
    if (lower === undefined) {
      lower = { familiar: familiar!.has(caseless), easy: easy!.has(caseless), countedIn: 0 };
      lowerFacts.set(caseless, lower);
    }
    facts = { syllables: englishSyllables(value), lowerFirst: value.charCodeAt(0) === caseless.charCodeAt(0), lower };
    wordFacts.set(value, facts);
  }
  return facts;
}

/**
 * How many of the 7 formulas put a sentence (its words, as written) above `age`, or
 * undefined when it has fewer than `minWords` words (too short to judge).
 */
export function englishHardFormulas(words: readonly string[], options: EnglishReadabilityOptions): number | undefined {
  if (words.length < options.minWords) return undefined;
  familiar ??= new Set(spache);
  easy ??= new Set(daleChall);
  // Bounded on huge inputs; emptied between sentences only (a sentence's counts need its words' facts).
  if (wordFacts.size >= MAX_WORDS || lowerFacts.size >= MAX_WORDS) {
    wordFacts.clear();
    lowerFacts.clear();
  }
  const stamp = ++sentenceStamp;
  let familiarSeen = 0;
  let easySeen = 0;
  let complexPolysillabicWord = 0;
  let letters = 0;
  let polysillabicWord = 0;
  let totalSyllables = 0;
  for (const value of words) {
    const facts = factsOf(value);
    const syllables = facts.syllables;
    totalSyllables += syllables;
    letters += value.length;
    if (syllables >= 3) {
      polysillabicWord++;
      if (facts.lowerFirst) complexPolysillabicWord++;
    }
    const lower = facts.lower;
    if (lower.countedIn !== stamp) {
      lower.countedIn = stamp;
      if (lower.familiar) familiarSeen++;
      if (lower.easy) easySeen++;
    }
  }
  const wordCount = words.length;
  const counts = {
    character: letters,
    complexPolysillabicWord,
    difficultWord: wordCount - easySeen,
    letter: letters,
    polysillabicWord,
    sentence: 1,
    syllable: totalSyllables,
    unfamiliarWord: wordCount - familiarSeen,
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
