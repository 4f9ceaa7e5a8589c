// no-shouting: words in capitals, `!!`/`?!?` runs and emoji floods. Language-neutral.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { charCount } from './support.js';

interface Options extends Record<string, unknown> {
  allow: string[];
  acronymLength: number;
  maxPunctuation: number;
  maxEmoji: number;
  shortMessage: number;
}

// A word: letters and marks, with inner apostrophes or hyphens (`DON'T`, `T-SHIRT`); digits
// make it a code (`SAVE10`, `COVID-19`).
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;
const SEPARATOR = /^[\s,;:\-–—&/+.'’"“”«»()]*$/u;
// two letters of one word with no lower case between them, one a capital (uncased letters,
// such as CJK, count: `A中` is all capitals)
const TWO_CAPITALS = /\p{Lu}[\p{M}'’-]*[\p{Lu}\p{Lt}\p{Lm}\p{Lo}]|[\p{Lt}\p{Lm}\p{Lo}][\p{M}'’-]*\p{Lu}/u;
const NOTHING_ALLOWED = new Set<string>();
const PUNCTUATION_RUN = /[!?¡¿‼⁉⁈⁇]+/gu;
// Pictographs (with variation selectors, skin tones, ZWJ sequences) and flags. ©, ® and ™
// are pictographic too, but text unless followed by the emoji variation selector.
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const TEXT_SYMBOLS = new Set(['©', '®', '™', '‼', '⁉', '↔', '↕', '▪', '▫', '◻', '◼', '☑', '✔', '✖', '➡', '⬅', '⬆', '⬇']);

// Created on first use: building a Segmenter costs ~5 ms, and most runs never need one.
let segmenter: Intl.Segmenter | undefined;

/** Emoji as grapheme clusters (a ZWJ family or a flag is one), with offsets. */
function emoji(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { segment, index } of segmenter.segment(text)) {
    if (!EMOJI.test(segment)) continue;
    if (TEXT_SYMBOLS.has(segment)) continue; // `™` alone is text; `™️` (with U+FE0F) is an emoji
    out.push({ start: index, end: index + segment.length });
  }
  return out;
}

function letters(word: string): number {
  return (word.match(/\p{L}/gu) ?? []).length;
}

/** Worth counting as shouting: all capitals, no digits, longer than an acronym, not allowed. */
function isShouted(word: string, options: Options, allowed: Set<string>): boolean {
  if (/\p{N}/u.test(word) || !/\p{Lu}/u.test(word) || /\p{Ll}/u.test(word)) return false;
  if (letters(word) <= options.acronymLength) return false;
  return !allowed.has(word.toUpperCase()) && !word.split(/[-'’]/u).every((part) => allowed.has(part.toUpperCase()) || letters(part) <= options.acronymLength);
}

function isCapitals(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}

export default defineRule<Options>({
  meta: {
    id: 'no-shouting',
    type: 'suggestion',
    description: 'Disallow shouting: words in capitals (beyond acronyms and brand names), runs of `!!` or `?!?`, and more than a few emoji in a short message.',
    rationale:
      'The source articles: no sloppy messages; keep messages short and readable (FACTS.md, last section). Capitals and stacked punctuation read as shouting or pressure in a chat, and a flood of emoji hides the message in the notification preview.',
    severity: 'warn',
    appliesTo:
      'every message, any language. Words of at most `acronymLength` (4) letters are taken as acronyms (`FAQ`, `SMS`, `IKEA`), words with digits as codes (`SAVE10`); brand names in capitals go in `allow` or the project `words`; placeholders, links and e-mail addresses are never checked',
    languageDependent: false,
    options: {
      allow: { type: 'string[]', default: [], description: 'words in capitals that are fine (brand names, product codes); the project `words` count too' },
      acronymLength: { type: 'number', default: 4, description: 'words in capitals with at most this many letters are acronyms, not shouting' },
      maxPunctuation: { type: 'number', default: 1, description: 'longest allowed run of `!` / `?` / `¡` / `¿` (`!!` is a run of 2; a lone `?!` or `!?` counts as one mark, the interrobang)' },
      maxEmoji: { type: 'number', default: 3, description: 'most emoji allowed in a short message' },
      shortMessage: { type: 'number', default: 160, description: 'messages up to this many characters are short (the emoji budget applies to them)' },
    },
    examples: {
      valid: [
        { text: 'Your order from IKEA has shipped. See the FAQ or reply STOP to opt out.', note: 'Acronyms and short words in capitals.' },
        { text: 'Use code SUMMER2024 at checkout. Thanks! 🙂', note: 'Codes with digits are not shouting.' },
        { text: 'Welcome to ADIDAS Runners!', options: { allow: ['ADIDAS'] } },
        { text: 'Happy birthday! 🎉🎂🎁' },
      ],
      invalid: [
        {
          text: 'Your order is READY FOR PICKUP!!',
          findings: [
            { message: 'Words in capitals `READY FOR PICKUP`', actual: 'READY FOR PICKUP' },
            { message: 'Repeated punctuation `!!`', actual: '!!' },
          ],
        },
        {
          text: 'Great news 🎉🎉🎉🔥🔥 your parcel is here!',
          findings: [{ message: '5 emoji in a short message', actual: '🔥🔥' }],
        },
      ],
    },
  },
  create(options) {
    return (_tree, file) => {
      const data = messageData(file);
      const text = String(file.value); // placeholders, links and e-mail addresses are masked
      // A shouted word has more than `acronymLength` letters and no lower case: with at least
      // one allowed, two such letters in a row are needed, which most messages lack.
      const mayShout = options.acronymLength < 1 || TWO_CAPITALS.test(text);
      const allowed = mayShout ? new Set([...(options.allow ?? []), ...data.words].map((w) => w.toUpperCase())) : NOTHING_ALLOWED;

      // Runs of words in capitals, reported once per run (short capitals join a run, never start one alone).
      const words = mayShout ? [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, value: m[0] })) : [];
      for (let i = 0; i < words.length; i++) {
        if (!isCapitals(words[i].value)) continue;
        let j = i;
        while (j + 1 < words.length && isCapitals(words[j + 1].value) && SEPARATOR.test(text.slice(words[j].end, words[j + 1].start))) j++;
        const run = words.slice(i, j + 1);
        if (run.some((w) => isShouted(w.value, options, allowed))) {
          // Allowed words at the edges are not part of the shout: `ADIDAS RUNNERS CLUB` → `RUNNERS CLUB`.
          let a = 0;
          let b = run.length - 1;
          while (a < b && allowed.has(run[a].value.toUpperCase())) a++;
          while (b > a && allowed.has(run[b].value.toUpperCase())) b--;
          const start = run[a].start;
          const end = run[b].end;
          report(file, {
            start,
            end,
            reason: `Words in capitals \`${data.raw.slice(start, end)}\` read as shouting`,
            help: 'Write it in sentence case; for emphasis use a word (“important”) or formatting the channel supports. Brand names and acronyms go in the `allow` option or the project `words`.',
          });
        }
        i = j;
      }

      const max = Math.max(1, options.maxPunctuation ?? 1);
      for (const m of text.matchAll(PUNCTUATION_RUN)) {
        // `?!` / `!?` alone is the interrobang (one mark); `‼`, `⁉`… are two.
        const length = /^(?:\?!|!\?)$/u.test(m[0]) ? 1 : [...m[0]].reduce((n, ch) => n + ('‼⁉⁈⁇'.includes(ch) ? 2 : 1), 0);
        if (length <= max) continue;
        report(file, {
          start: m.index,
          end: m.index + m[0].length,
          reason: `Repeated punctuation \`${m[0]}\` reads as shouting`,
          help: max === 1 ? 'Use a single `!` or `?`.' : `Use at most ${max} \`!\` or \`?\` in a row.`,
        });
      }

      // Only short messages have an emoji budget: measure first, segment only those (the
      // grapheme walk over a long message was the rule's main cost).
      const length = charCount(data.raw);
      const budget = options.maxEmoji ?? 3;
      const found = length <= (options.shortMessage ?? 160) && EMOJI.test(text) ? emoji(text) : [];
      if (found.length > budget) {
        const first = found[budget];
        const last = found[found.length - 1];
        report(file, {
          start: first.start,
          end: last.end,
          reason: `${found.length} emoji in a short message (${length} characters; at most ${budget})`,
          help: `Keep at most ${budget} emoji in a message of up to ${options.shortMessage ?? 160} characters: one or two that carry meaning are enough.`,
        });
      }
    };
  },
});
