// A quick readability grade for the compose screen: Flesch reading ease for English
// (206.835 − 1.015 × words/sentence − 84.6 × syllables/word, syllables counted by vowel
// groups), words per sentence for other languages. An indication while typing, not the
// `readability` rule (which uses retext-readability's formulas and reports sentences).

export interface Grade {
  words: number;
  sentences: number;
  wordsPerSentence: number;
  longestSentence: number;
  /** Flesch reading ease (English only) */
  flesch?: number;
  label: string;
  /** true when the text is hard going for a chat message */
  hard: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

function sentenceTexts(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n\s*\n/u)
    .map((s) => s.trim())
    .filter((s) => HAS_WORD.test(s));
}

/** English syllables by vowel groups, with the usual silent-e corrections. */
export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (m) => m[0]).replace(/^y/, '');
  const groups = w.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

function label(score: number): string {
  if (score >= 90) return 'very easy';
  if (score >= 80) return 'easy';
  if (score >= 70) return 'fairly easy';
  if (score >= 60) return 'plain';
  if (score >= 50) return 'fairly hard';
  if (score >= 30) return 'hard';
  return 'very hard';
}

export function grade(text: string, locale = 'en'): Grade {
  const sentences = sentenceTexts(text);
  const perSentence = sentences.map((s) => s.match(WORD)?.length ?? 0);
  const words = perSentence.reduce((a, b) => a + b, 0);
  const count = Math.max(1, sentences.length);
  const wordsPerSentence = words / count;
  const longestSentence = Math.max(0, ...perSentence);
  if (words === 0) return { words: 0, sentences: 0, wordsPerSentence: 0, longestSentence: 0, label: 'empty', hard: false };
  if (/^en\b/i.test(locale)) {
    const allWords = text.match(WORD) ?? [];
    const syl = allWords.reduce((n, w) => n + syllables(w), 0);
    const raw = 206.835 - 1.015 * wordsPerSentence - 84.6 * (syl / Math.max(1, allWords.length));
    // Shown on the usual 0–100 scale (very short words can push the formula past 100).
    const flesch = Math.max(0, Math.min(100, Math.round(raw)));
    return { words, sentences: sentences.length, wordsPerSentence, longestSentence, flesch, label: label(flesch), hard: flesch < 50 };
  }
  const lengthLabel = longestSentence > 25 ? 'long sentences' : wordsPerSentence > 15 ? 'fairly long sentences' : 'short sentences';
  return { words, sentences: sentences.length, wordsPerSentence, longestSentence, label: lengthLabel, hard: longestSentence > 25 };
}
