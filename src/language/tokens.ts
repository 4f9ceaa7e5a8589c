// A small, language-neutral tokenizer for lexicon matching: words (letters, marks, digits,
// inner apostrophes and hyphens), numbers, and single symbols. Tokens carry offsets and a
// normalised form (lowercase, accents folded, curly apostrophes straightened).
import { memoize } from '../memo.js';

export interface Token {
  start: number;
  end: number;
  value: string;
  /** lowercase, accents removed, `’` → `'` */
  norm: string;
  kind: 'word' | 'number' | 'symbol';
}

/** What a token is (scanTokens finds these matches without running the expression). */
export const TOKEN = /(\p{N}+(?:[.,]\p{N}+)*)|([\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*)|(\S)/gu;

const NON_ASCII = /[^\x00-\x7f]/;

// Words with accents come back often (German umlauts, French and Italian accents): remembered.
const foldAccents = memoize((value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/’/g, "'")
    .toLowerCase(),
);

export function normalize(value: string): string {
  // Plain ASCII has no marks or curly apostrophes (most words, in every language's text).
  if (!NON_ASCII.test(value)) return value.toLowerCase();
  return foldAccents(value);
}

// French and Italian elisions (`l'offre`, `dell'ordine`, `qu'il`): the article is its own
// token, so `offre*` matches inside `l'offre`.
const ELISION = /^(l|d|j|m|n|s|t|c|qu|lorsqu|puisqu|jusqu|quoiqu|dell|nell|all|dall|sull|coll|un|quell|quest|nessun|bell)['’]/i;

const POSSESSIVE = /^([\p{L}\p{M}\p{N}]{2,}(?:-[\p{L}\p{M}\p{N}]+)*)(['’]s)$/u;

// Every lexicon rule tokenizes the same message text: keep the last few results.
const recent = new Map<string, Token[]>();
const RECENT_MAX = 32;

export function tokenize(text: string): Token[] {
  const cached = recent.get(text);
  if (cached) return cached;
  const tokens = tokenizeUncached(text);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(text, tokens);
  return tokens;
}

// What TOKEN asks of a code point, worked out once per code point by the same expressions.
const IS_NUMBER = 1;
const IS_WORD_CHAR = 2; // \p{L}, \p{M} or \p{N}
const IS_SPACE = 4;
const KNOWN = 8;
const NUMBER_CHAR = /^\p{N}$/u;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const SPACE = /^\s$/u;
const bmpClasses = new Uint8Array(65536);
const astralClasses = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 65536) {
    const known = bmpClasses[cp];
    if (known !== 0) return known;
  } else {
    const known = astralClasses.get(cp);
    if (known !== undefined) return known;
  }
  const ch = String.fromCodePoint(cp);
  const bits = KNOWN | (NUMBER_CHAR.test(ch) ? IS_NUMBER : 0) | (WORD_CHAR.test(ch) ? IS_WORD_CHAR : 0) | (SPACE.test(ch) ? IS_SPACE : 0);
  if (cp < 65536) bmpClasses[cp] = bits;
  else astralClasses.set(cp, bits);
  return bits;
}

/** Length in code units of the code point at `i` (2 for a surrogate pair). */
function width(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** End of a run of code points with `bit` from `i`. */
function runEnd(text: string, i: number, bit: number): number {
  while (i < text.length && classOf(text.codePointAt(i)!) & bit) i += width(text, i);
  return i;
}

/**
 * The matches of TOKEN, as `text.matchAll(TOKEN)` finds them (leftmost, first alternative
 * that matches), without a match array per token: calls `take(start, end, kind)`.
 */
export function scanTokens(text: string, take: (start: number, end: number, kind: Token['kind']) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const bits = classOf(text.codePointAt(i)!);
    if (bits & IS_SPACE) {
      i += width(text, i);
      continue;
    }
    const start = i;
    if (bits & (IS_NUMBER | IS_WORD_CHAR)) {
      // \p{N}+(?:[.,]\p{N}+)*  or  [\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*
      const number = (bits & IS_NUMBER) !== 0;
      const bit = number ? IS_NUMBER : IS_WORD_CHAR;
      i = runEnd(text, i, bit);
      for (;;) {
        const c = text.charCodeAt(i);
        const joins = number ? c === 46 || c === 44 : c === 39 || c === 0x2019 || c === 45;
        if (!joins || i + 1 >= n || !(classOf(text.codePointAt(i + 1)!) & bit)) break;
        i = runEnd(text, i + 1, bit);
      }
      take(start, i, number ? 'number' : 'word');
    } else {
      i += width(text, i); // (\S): one code point
      take(start, i, 'symbol');
    }
  }
}

function tokenizeUncached(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (start: number, value: string, kind: Token['kind']) =>
    tokens.push({ start, end: start + value.length, value, norm: normalize(value), kind });
  scanTokens(text, (start, end, kind) => {
    const value = text.slice(start, end);
    // Both need an apostrophe, which most words do not have.
    const apostrophe = kind === 'word' && (value.includes("'") || value.includes('’'));
    const elided = apostrophe ? ELISION.exec(value) : null;
    const possessive = apostrophe ? POSSESSIVE.exec(value) : null;
    if (elided && elided[0].length < value.length) {
      push(start, elided[0], 'word');
      push(start + elided[0].length, value.slice(elided[0].length), 'word');
    } else if (possessive) {
      // English possessive / "is": `site's` → `site` + `'s`, so "web site" matches in "web site's".
      push(start, possessive[1], 'word');
      push(start + possessive[1].length, possessive[2], 'word');
    } else push(start, value, kind);
  });
  return tokens;
}
