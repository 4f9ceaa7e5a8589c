// Which supported language a message is in, when nothing says it: frequent function words
// and distinctive characters (rules/data/languages.yml). Measured on short business messages
// by bench/quality/language-id.mjs. The language packages measured here were too slow to load
// for a pre-commit run (eld: 2.3 s, tinyld: 0.36 s) or less accurate on short texts
// (franc-min: 79%). Returns undefined when the evidence is too weak: the caller defaults to en.
import { readDataFile } from './data-files.js';
import { normalize, tokenize } from './tokens.js';

interface LanguageData {
  stopwords: Record<string, string[]>;
  characters: Record<string, Record<string, number>>;
  endings: Record<string, Record<string, number>>;
}

interface Compiled {
  words: Map<string, string[]>;
  characters: Map<string, Record<string, number>>;
  /** ending → [language, weight] pairs, looked up by each suffix of a word */
  endings: Map<string, [string, number][]>;
  longestEnding: number;
  languages: string[];
}

let data: Compiled | undefined;

function load() {
  if (!data) {
    const raw = readDataFile('languages.yml') as LanguageData;
    const words = new Map<string, string[]>();
    for (const [language, list] of Object.entries(raw.stopwords)) {
      for (const word of new Set(list.map((w) => String(w).toLowerCase().replace(/’/g, "'")))) words.set(word, [...(words.get(word) ?? []), language]);
    }
    const endings = new Map<string, [string, number][]>();
    let longestEnding = 0;
    for (const [language, map] of Object.entries(raw.endings ?? {})) {
      for (const [end, w] of Object.entries(map)) {
        endings.set(end, [...(endings.get(end) ?? []), [language, Number(w)]]);
        longestEnding = Math.max(longestEnding, end.length);
      }
    }
    data = { words, characters: new Map(Object.entries(raw.characters)), endings, longestEnding, languages: Object.keys(raw.stopwords) };
  }
  return data;
}

export interface Detection {
  language: string;
  /** score margin over the runner-up (≥ 1 is a clear decision) */
  margin: number;
}

export function detectLanguage(text: string): Detection | undefined {
  const { words, characters, endings, longestEnding, languages } = load();
  const scores = Object.fromEntries(languages.map((l) => [l, 0])) as Record<string, number>;
  for (const token of tokenize(text)) {
    const word = token.value.toLowerCase().replace(/’/g, "'");
    const hits = words.get(word) ?? words.get(normalize(word));
    // A word shared by several languages ("a", "in", "se") counts for less.
    if (hits) for (const language of hits) scores[language] += 1 / hits.length;
    else if (token.kind === 'word' && word.length > 3) {
      for (let length = Math.min(longestEnding, word.length); length >= 1; length--) {
        const hits = endings.get(word.slice(-length));
        if (hits) for (const [language, w] of hits) scores[language] += w;
      }
    }
  }
  for (const ch of text.toLowerCase()) {
    const weights = characters.get(ch);
    if (weights) for (const [language, w] of Object.entries(weights)) scores[language] += w;
  }
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best[1] < 1) return undefined;
  return { language: best[0], margin: best[1] - second[1] };
}
