// spelling: unknown words, checked against the message's locale dictionary.
//
// This is retext-spell's algorithm (walk WordNodes, skip literals and digits, accept a
// hyphenated word whose parts are correct, cache suggestions) on top of msglint's own
// Hunspell-compatible engine (src/language/spell/): retext-spell builds an nspell checker
// inside the plugin, which takes 7 s for French and never finishes for Italian
// (PERFORMANCE.md), and cannot take a prebuilt checker.
import type { Parent, Word } from 'nlcst';
import { isLiteral } from 'nlcst-is-literal';
import { defineRule, messageData, report, type MessageData } from '../src/engine/rule.js';
import { detectLanguage } from '../src/language/detect.js';
import { loadSpeller, resolveSpellingLocale } from '../src/language/spell/index.js';
import { suggestNowOrLater, type Later } from '../src/language/spell/background.js';
import { memoize } from '../src/memo.js';
import { oncePerRun } from '../src/engine/message-memo.js';
import { forEachWord, wordText } from './support.js';

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  it: 'Italian',
  fr: 'French',
  es: 'Spanish',
  de: 'German',
  fi: 'Finnish',
  pt: 'Portuguese',
  nl: 'Dutch',
  pl: 'Polish',
};
/** A message with at least this many unknown words, this share of its words, is in another language. */
const FOREIGN_MIN_WORDS = 5;
const FOREIGN_SHARE = 0.5;
const announcedCompiles = new Set<string>();

// Longer "words" are data (hashes, tokens, runs of letters), not prose; suggestions for
// very long words would be slow and useless.
const MAX_WORD = 48;
const MAX_SUGGEST = 30;

// Single letters with full stops: e.g., i.e., a.m., U.S. (Hunspell's tokenizer lets them pass).
const INITIALISM = /^(?:\p{L}\.){2,}$/u;

// Asked for every word of every message, with a small vocabulary: remembered.
const irrelevant = memoize(
  (word: string): boolean =>
    word.length < 2 ||
    word.length > MAX_WORD ||
    /\d/.test(word) || // codes, sizes, times: SAVE10, 2XL, 9am
    /^[\p{Lu}\p{N}]{2,5}$/u.test(word) || // acronyms: FAQ, OTP, SMS
    /^[\p{Lu}]+s$/u.test(word), // plural acronyms: FAQs
);

export default defineRule<{ maxSuggestions: number; autofix: boolean }>({
  meta: {
    id: 'spelling',
    type: 'problem',
    description: "Disallow unknown words, using the dictionary of the message's locale.",
    rationale: 'The source articles: no sloppy messages with typos or missing words (FACTS.md, last section). Placeholders, URLs, e-mail addresses, emoji, codes with digits, short acronyms and the project words from `.lintrc` `words` are ignored. A plain `en` locale accepts both US and British spellings; `en-US` and `en-GB` check one variety.',
    severity: 'warn',
    appliesTo: 'every message in a language with a dictionary (en, en-GB, it, fr, es, de); other locales get one info message',
    languageDependent: true,
    fixable: 'safe',
    options: {
      maxSuggestions: { type: 'number', default: 3, description: 'suggestions offered per unknown word' },
      autofix: { type: 'boolean', default: false, description: '`--fix` replaces an unknown word when the dictionary offers exactly one suggestion' },
    },
    examples: {
      valid: [
        { text: 'Hi {{first_name}}, your order ORD-1234 ships today. Track it at https://example.com/t/abc.' },
        { text: 'Your parcel is at the pick-up point: bring the QR code.' },
      ],
      invalid: [
        { text: 'We will recieve your parcel tomorow.', findings: [{ message: 'Unknown word `recieve`', actual: 'recieve' }, { message: 'Unknown word `tomorow`', actual: 'tomorow' }] },
        {
          text: 'Bedankt voor het bezoeken van onze winkel, tot ziens!',
          context: { locale: 'de' },
          findings: [{ message: 'Message is not in German: 6 of its 9 words are unknown', actual: 'voor het bezoeken van onze winkel, tot ziens' }],
          note: 'When most words of a message (at least 5, at least half) are unknown, one finding says the message is in another language, naming it when it is a supported one.',
        },
        {
          text: 'Benvenuti da Original Coast Clothing, il negozio online.',
          context: { locale: 'it' },
          findings: [
            { message: 'Unknown word `Original` in Italian: it is an English word', actual: 'Original' },
            { message: 'Unknown word `Coast` in Italian: it is an English word', actual: 'Coast' },
            { message: 'Unknown word `Clothing` in Italian: it is an English word', actual: 'Clothing' },
          ],
          note: 'A capitalised English word inside a sentence of another language (a brand, a loanword) is named as such, without suggestions from the wrong dictionary; add it to `words` if you use it. Lower-case ones (`telephone` in French) get suggestions: they are usually misspellings.',
        },
      ],
    },
  },
  create(options) {
    const suggestions = new Map<string, string[] | Later<string[]>>();
    let announced = false;
    let accepted = new Set<string>();
    let acceptedFor: { speller?: object; words?: ReadonlySet<string> } = {};
    return (tree, file) => {
      const data = messageData(file);
      const loaded = loadSpeller(data.locale);
      if (loaded?.info.compiledNow && !announcedCompiles.has(loaded.info.dictionary)) {
        // The first use on a machine compiles the dictionary into a cache; say so (on stderr,
        // so reports stay the same) once per process.
        announcedCompiles.add(loaded.info.dictionary);
        process.stderr.write(`msglint: compiled the ${loaded.info.dictionary} spelling dictionary for first use (${Math.round(loaded.info.loadMs)} ms); later runs load it from the cache.\n`);
      }
      if (!loaded) {
        if (!announced && !resolveSpellingLocale(data.locale)) {
          announced = true;
          const name = LANGUAGE_NAMES[data.language] ?? `\`${data.locale}\``;
          oncePerRun(file.info(`Spelling is not checked for ${name}: msglint has no dictionary for \`${data.locale}\``, { source: 'msglint' })).note =
            'See the README (Languages) for the supported dictionaries.';
        }
        return;
      }
      // Plain `en` (no region) accepts US and British spellings; `en-US` / `en-GB` pick one.
      const british = data.locale === 'en' ? loadSpeller('en-GB')?.speller : undefined;
      const speller = british
        ? { correct: (w: string) => loaded.speller.correct(w) || british.correct(w), suggest: (w: string, n?: number, exhaustive?: boolean) => loaded.speller.suggest(w, n, exhaustive) }
        : loaded.speller;
      // Words found fine for this dictionary and these project words: most words of a run are
      // seen many times, and the checks below cost more than one lookup.
      if (acceptedFor.speller !== loaded.speller || acceptedFor.words !== data.words) {
        acceptedFor = { speller: loaded.speller, words: data.words };
        accepted = new Set();
      }
      // Unknown words are collected first: when most words of a message are unknown, it is
      // in another language, and one finding says so (not one per word).
      let wordCount = 0;
      const unknown: { node: Word; spelled: string; actual: string; index: number; parent: Parent }[] = [];
      forEachWord(tree, (node: Word, index, parent) => {
        // nlcst-is-literal types its parent as a concrete nlcst parent
        if (isLiteral(parent as Parameters<typeof isLiteral>[0], index)) return;
        wordCount++;
        const written = wordText(node);
        const spelled = written.indexOf('’') < 0 ? written : written.replace(/’/g, "'");
        if (accepted.has(spelled)) return;
        // The English parser keeps a full stop in the word when a lower-case word follows
        // (`Ok. there`, as in `approx. 5`): the dictionary checks abbreviations with and
        // without it, and an unknown word is reported without it (as Hunspell does).
        const actual = spelled.endsWith('.') && !INITIALISM.test(spelled) ? spelled.replace(/\.+$/, '') : spelled;
        // `alpha-bravo` is fine when its parts are.
        const fine = (): boolean => {
          if (actual === '' || INITIALISM.test(actual) || (actual !== spelled && speller.correct(spelled))) return true;
          if (irrelevant(actual) || data.words.has(actual) || data.words.has(actual.toLowerCase()) || speller.correct(actual)) return true;
          const parts = actual.split(/[-']/).filter((p) => p.length > 0);
          return parts.length > 1 && parts.every((p) => irrelevant(p) || data.words.has(p.toLowerCase()) || speller.correct(p));
        };
        if (fine()) {
          if (accepted.size >= 50_000) accepted.clear(); // bounded on huge inputs
          accepted.add(spelled);
          return;
        }
        unknown.push({ node, spelled, actual, index, parent });
      });
      if (unknown.length >= FOREIGN_MIN_WORDS && unknown.length >= wordCount * FOREIGN_SHARE) {
        reportForeign(file, data, unknown, wordCount);
        return;
      }
      for (const { node, spelled, actual, index, parent } of unknown) {
        const end = node.position!.end.offset! - (spelled.length - actual.length);
        if (isCapitalisedEnglishWord(actual, data.language, parent, index)) {
          // An English word in another language (a brand, a loanword): the other dictionary's
          // suggestions would be noise (`Outfits` → `Outputs`), and searching for them is the
          // dearest case (every edit, every compound, then the n-gram search, to find nothing).
          report(file, {
            start: node.position!.start.offset!,
            end,
            reason: `Unknown word \`${actual}\` in ${LANGUAGE_NAMES[data.language] ?? `\`${data.locale}\``}: it is an English word`,
            help: 'If it is a name or a loanword you use, add it to `words` in .lintrc; else write it in the message\'s language.',
            actual,
          });
          continue;
        }
        const max = options.maxSuggestions;
        // With autofix the fix needs the list now; otherwise a big run computes it on the
        // other core (src/language/spell/background.ts).
        const computeHere = () => speller.suggest(actual, max);
        const expected =
          suggestions.get(actual) ??
          // `e.g` without its last full stop: the dictionary's suggestions (`egg`) miss it
          (INITIALISM.test(`${actual}.`) ? [`${actual}.`] : actual.length > MAX_SUGGEST ? [] : options.autofix ? computeHere() : suggestNowOrLater(data.locale, actual, max, computeHere));
        suggestions.set(actual, expected);
        // Suggestions still being computed complete the reason later.
        const now = Array.isArray(expected) ? expected : undefined;
        report(file, {
          start: node.position!.start.offset!,
          end,
          reason: unknownWord(actual, now ?? []),
          help: 'Fix the typo; if it is a brand or product name, add it to `words` in .lintrc.',
          actual,
          expected: now,
          later: now ? undefined : completed(actual, expected as Later<string[]>),
          // A fix only when a full search also finds a single candidate.
          ...(options.autofix && now?.length === 1 && speller.suggest(actual, 2, true).length === 1 ? { fix: now[0] } : {}),
        });
      }
    };
  },
});

/** One finding for a message most of whose words the dictionary does not know. */
function reportForeign(file: Parameters<typeof report>[0], data: MessageData, unknown: { node: Word; actual: string }[], wordCount: number): void {
  const expected = LANGUAGE_NAMES[data.language] ?? `\`${data.locale}\``;
  const detected = detectLanguage(data.raw);
  const other = detected && detected.language !== data.language && detected.margin >= 1 ? LANGUAGE_NAMES[detected.language] : undefined;
  const listed = unknown.slice(0, 5).map((u) => `\`${u.actual}\``).join(', ') + (unknown.length > 5 ? ', …' : '');
  report(file, {
    start: unknown[0].node.position!.start.offset!,
    end: unknown[unknown.length - 1].node.position!.end.offset!,
    reason: `Message is not in ${expected}${other ? ` (it looks like ${other})` : ''}: ${unknown.length} of its ${wordCount} words are unknown (${listed})`,
    help: 'Translate it, or give it the right locale (the locale file it is in, `locale` in .lintrc, or the message context); the words are then checked in that language.',
  });
}

/** Shorter words are as likely typos of the message's language (`is` for German `ist`). */
const MIN_ENGLISH_WORD = 5;

/**
 * Is `word` (child `index` of `parent`), unknown in a message in `language` (not English) and
 * capitalised inside its sentence, an English word: a brand (`Coast Clothing`) or a loanword
 * (`Outfits`)? Lower-case ones are left to suggestions: `telephone`, `reservation` in French
 * are misspellings; a sentence's first word is capitalised anyway.
 */
function isCapitalisedEnglishWord(word: string, language: string, parent: Parent, index: number): boolean {
  if (language === 'en' || word.length < MIN_ENGLISH_WORD) return false;
  const first = word.charAt(0);
  if (first === first.toLowerCase()) return false;
  if (!parent.children.slice(0, index).some((n) => n.type === 'WordNode')) return false;
  return loadSpeller('en')?.speller.correct(word) === true;
}

function unknownWord(actual: string, expected: string[]): string {
  return `Unknown word \`${actual}\`${expected.length ? `; did you mean ${expected.map((s) => `\`${s}\``).join(', ')}?` : ''}`;
}

/** The reason and suggestions of a finding whose suggestions come later. */
function completed(actual: string, expected: Later<string[]>): Later<{ reason: string; expected: string[] }> {
  return { whenReady: (use) => expected.whenReady((list) => use({ reason: unknownWord(actual, list), expected: list })) };
}
