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

const TOKEN = /(\p{N}+(?:[.,]\p{N}+)*)|([\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*)|(\S)/gu;

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

function tokenizeUncached(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (start: number, value: string, kind: Token['kind']) =>
    tokens.push({ start, end: start + value.length, value, norm: normalize(value), kind });
  for (const m of text.matchAll(TOKEN)) {
    const value = m[0];
    const kind = m[1] ? 'number' : m[2] ? 'word' : 'symbol';
    // Both need an apostrophe, which most words do not have.
    const apostrophe = kind === 'word' && (value.includes("'") || value.includes('’'));
    const elided = apostrophe ? ELISION.exec(value) : null;
    const possessive = apostrophe ? POSSESSIVE.exec(value) : null;
    if (elided && elided[0].length < value.length) {
      push(m.index, elided[0], 'word');
      push(m.index + elided[0].length, value.slice(elided[0].length), 'word');
    } else if (possessive) {
      // English possessive / "is": `site's` → `site` + `'s`, so "web site" matches in "web site's".
      push(m.index, possessive[1], 'word');
      push(m.index + possessive[1].length, possessive[2], 'word');
    } else push(m.index, value, kind);
  }
  return tokens;
}
