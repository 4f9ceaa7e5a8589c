// German compounds with a linking -s- that the dictionary misses. dictionary-de (igerman98)
// lists the first parts of compounds explicitly (`Zahlungs/hij`: `Zahlungs` may begin a
// compound, never stand alone), and only for some nouns: `Sendungsnummer` and
// `Sendungsverfolgung`, everyday words in shipping messages, were unknown words (native
// Hunspell rejects them too). In German grammar, nouns ending in -ung, -heit, -keit, -schaft,
// -ion, -tät, -ling or -tum always take the linking -s- in a compound (Zeitungsartikel,
// Sicherheitscode, Qualitätskontrolle, Eigentumswohnung). So a word the dictionary rejects
// is accepted when it splits into such a noun + `s` + a part the dictionary allows at the end
// of a compound (or a compound itself): a typo in either part is still reported.
import { initCap } from './hunspell.js';

/** A noun with an ending that takes the linking -s-, then the `s`. */
const FIRST_PART = /^(\p{L}*?[aeiouyäöü]\p{L}*?)(ung|heit|keit|schaft|ion|tät|ling|tum)s/iu;
/** -ion nouns with another linking element (Millionenbetrag). */
const EXCEPTIONS = new Set(['million', 'billion', 'trillion']);
/** Shortest last part tried (`Sendungsort`). */
const MIN_LAST = 3;

/**
 * The ways `word` splits into a first part that is a noun with a linking-s ending + `s`
 * (`correct` says which nouns are words) and the rest: `Sendungs` + `nummer`.
 */
export function* linkingSSplits(word: string, correct: (word: string) => boolean): Generator<{ head: string; last: string }> {
  const lower = word.toLowerCase();
  for (let end = lower.indexOf('s', 4); end > 0 && end <= lower.length - 1 - MIN_LAST; end = lower.indexOf('s', end + 1)) {
    const first = FIRST_PART.exec(lower.slice(0, end + 1));
    if (!first || first[0].length !== end + 1) continue;
    if (EXCEPTIONS.has(first[1] + first[2]) || !correct(initCap(word.slice(0, end)))) continue;
    yield { head: word.slice(0, end + 1), last: word.slice(end + 1) };
  }
}

/**
 * Is `word` such a first part + a part that may end a compound (`endsCompound`: the
 * dictionary's own compound flags, so `nummer` but not the verb form `nummre`)?
 */
export function isLinkingSCompound(word: string, correct: (word: string) => boolean, endsCompound: (part: string) => boolean): boolean {
  for (const { last } of linkingSSplits(word, correct)) if (endsCompound(last)) return true;
  return false;
}

/**
 * Suggestions for a linking-s compound with a typo in its last part (`Sendungsnumer` →
 * `Sendungsnummer`): the first part + each suggestion for the last part, written as it is
 * inside the word (a noun's capital dropped). Empty when the word has no such first part.
 */
export function linkingSSuggestions(
  word: string,
  correct: (word: string) => boolean,
  endsCompound: (part: string) => boolean,
  suggest: (word: string) => string[],
): string[] {
  for (const { head, last } of linkingSSplits(word, correct)) {
    if (endsCompound(last)) continue; // nothing to correct there
    const lowerLast = last.charAt(0) === last.charAt(0).toLowerCase();
    const list = suggest(lowerLast ? initCap(last) : last);
    if (list.length > 0) return list.map((s) => head + (lowerLast ? s.charAt(0).toLowerCase() + s.slice(1) : s));
  }
  return [];
}
