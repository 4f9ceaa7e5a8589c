// readability: sentences that are hard to read for the target age.
//
// English uses the retext-readability algorithm (Dale–Chall, Automated Readability,
// Coleman–Liau, Flesch, Gunning fog, SMOG, Spache) with its word lists in Sets
// (src/language/readability-english.ts; the test compares it with the plugin). Italian, Spanish, French and German use their
// published formulas (src/language/readability-formulas.ts); every language other than
// English also has a sentence-length ceiling, the only check for Finnish.
import { toString } from 'nlcst-to-string';
import { defineRule, messageData, newMessage, report } from '../src/engine/rule.js';
import { FORMULAS, syllables } from '../src/language/readability-formulas.js';
import { ENGLISH_FORMULA_COUNT, englishHardFormulas } from '../src/language/readability-english.js';
import { sentenceNodes, wordText, wordsIn } from './support.js';
import { memoize } from '../src/memo.js';

/** Per language, a word's letters and syllables (remembered), or null when it has no letter. */
const factsByLanguage = new Map<string, (word: string) => { letters: number; syllables: number } | null>();

function wordFacts(language: string): (word: string) => { letters: number; syllables: number } | null {
  let facts = factsByLanguage.get(language);
  if (!facts) {
    facts = memoize((value) => (/\p{L}/u.test(value) ? { letters: (value.match(/\p{L}/gu) ?? []).length, syllables: syllables(value, language) } : null));
    factsByLanguage.set(language, facts);
  }
  return facts;
}

export default defineRule<{ age: number; threshold: number; minWords: number; maxWords: number; thresholds: Record<string, number> }>({
  meta: {
    id: 'readability',
    type: 'suggestion',
    description: 'Flag sentences that are hard to read for the target reading age.',
    rationale:
      'Chat messages are read on a phone, often in a notification: keep sentences short and plain (FACTS.md, last section). retext-readability reports a sentence when at least `threshold` of its 7 formulas put it above the target age. The defaults were measured on the English corpora (Rasa, Bot Framework, Original Coast Clothing, WhatsApp): age 14 with 5-word sentences gave 44 findings, mostly on short plain sentences where the formulas are unstable ("We were discussing carbon offsets."); age 16 (the plugin\'s default), sentences of 8+ words and 5 of 7 formulas agreeing gave 12, all long or dense sentences a reviewer would split. The `strict` preset lowers the age to 14.',
    severity: 'warn',
    appliesTo: 'every message; English uses retext-readability; Italian Gulpease, Spanish Fernández-Huerta, French Kandel–Moles, German Amstad; all but English also a sentence-length ceiling (`maxWords`), the only check for Finnish',
    languageDependent: true,
    options: {
      age: { type: 'number', default: 16, description: 'target reading age (English)' },
      threshold: { type: 'number', default: 5 / 7, description: 'share of the 7 formulas that must agree (English)' },
      minWords: { type: 'number', default: 8, description: 'shortest sentence that is checked' },
      maxWords: { type: 'number', default: 25, description: 'longest sentence, in words, in languages other than English' },
      thresholds: { type: 'object', default: {}, description: 'per-language score thresholds, e.g. `{ it: 40, es: 50, fr: 40, de: 40 }` (the defaults; see src/language/readability-formulas.ts)' },
    },
    examples: {
      valid: [{ text: 'Your order is on its way. It should arrive on Friday.' }],
      invalid: [
        {
          text: 'Notwithstanding the aforementioned considerations, the organisational restructuring necessitates comprehensive reconsideration of previously communicated delivery commitments.',
          findings: [{ message: 'hard to read sentence' }],
        },
      ],
    },
  },
  create(options) {
    const english = { age: options.age, threshold: options.threshold, minWords: options.minWords };
    return (tree, file) => {
      const data = messageData(file);
      if (data.language === 'en') {
        for (const sentence of sentenceNodes(tree)) {
          const words: string[] = [];
          wordsIn(sentence, (word) => void words.push(wordText(word)));
          const nok = englishHardFormulas(words, english);
          if (nok === undefined || nok / ENGLISH_FORMULA_COUNT < options.threshold) continue;
          const message = newMessage(file, `Unexpected hard to read sentence, according to ${nok < ENGLISH_FORMULA_COUNT ? `${nok} out of ` : 'all '}${ENGLISH_FORMULA_COUNT} algorithms`, {
            place: sentence.position,
            ruleId: 'readability',
            source: 'retext-readability',
          });
          message.actual = toString(sentence);
          message.expected = [];
          message.url = 'https://github.com/retextjs/retext-readability#readme';
          message.note = `Aim for readers aged ${options.age}: split the sentence, and prefer short, common words.`;
        }
        return;
      }
      const formula = FORMULAS[data.language];
      const thresholds = options.thresholds as Record<string, number>;
      const factsOf = wordFacts(data.language);
      for (const sentence of sentenceNodes(tree)) {
        const counts = { words: 0, sentences: 1, letters: 0, syllables: 0 };
        wordsIn(sentence, (word) => {
          const known = factsOf(wordText(word));
          if (known === null) return;
          counts.words++;
          counts.letters += known.letters;
          counts.syllables += known.syllables;
        });
        // the sentence's place and text, made only for a sentence that is reported
        const place = () => ({ start: sentence.position!.start.offset!, end: sentence.position!.end.offset!, actual: toString(sentence) });
        if (counts.words > options.maxWords) {
          report(file, { ...place(), reason: `Unexpected hard to read sentence: ${counts.words} words (more than ${options.maxWords})`, help: 'Split it into shorter sentences.' });
          continue;
        }
        if (!formula || counts.words < options.minWords) continue;
        const score = formula.score(counts);
        const threshold = thresholds[data.language] ?? formula.threshold;
        if (score < threshold) {
          report(file, {
            ...place(),
            reason: `Unexpected hard to read sentence: ${formula.name} score ${Math.round(score)} (below ${threshold})`,
            help: 'Split the sentence and prefer shorter, common words.',
          });
        }
      }
    };
  },
});
