// Phrase patterns from lexicons, matched on tokens (never substrings): case-insensitive and
// accent-folded. Syntax of one pattern (tokens separated by spaces):
//   word        the word itself (`Rabatt` matches `rabatt`, `Réduction` matches `reduction`)
//   word*       any word starting with `word` (`discount*` → discounts, discounted)
//   a|b|c       one of the alternatives, each may end with `*`
//   [word]      an optional token (may use `*` and `|` inside)
//   <num>       any number (`<num> % off` matches `20% off`)
//   <any>       any single word
import { normalize, tokenize, type Token } from './tokens.js';

interface TokenMatcher {
  optional: boolean;
  /** the normalised word when the matcher is a plain literal (used to index phrases) */
  literal?: string;
  test(token: Token): boolean;
}

export interface CompiledPhrase {
  source: string;
  label: string;
  matchers: TokenMatcher[];
}

export interface PhraseMatch {
  start: number;
  end: number;
  /** index of the first and one past the last token */
  from: number;
  to: number;
  phrase: CompiledPhrase;
}

function alternative(spec: string): (token: Token) => boolean {
  const options = spec.split('|').map((alt) => {
    if (alt === '<num>') return (t: Token) => t.kind === 'number';
    if (alt === '<any>') return (t: Token) => t.kind === 'word';
    const prefix = alt.endsWith('*');
    const word = normalize(prefix ? alt.slice(0, -1) : alt);
    return prefix ? (t: Token) => t.norm.startsWith(word) && t.kind !== 'symbol' : (t: Token) => t.norm === word;
  });
  return (token) => options.some((test) => test(token));
}

export function compilePhrase(source: string, label: string): CompiledPhrase {
  const matchers: TokenMatcher[] = [];
  for (const chunk of source.trim().split(/\s+/)) {
    const optional = chunk.startsWith('[') && chunk.endsWith(']');
    const inner = optional ? chunk.slice(1, -1) : chunk;
    if (optional || /[*|]|^<(num|any)>$/.test(inner)) {
      matchers.push({ optional, test: alternative(inner) });
    } else {
      for (const token of tokenize(inner)) {
        const norm = token.norm;
        matchers.push({ optional: false, literal: norm, test: (t) => t.norm === norm });
      }
    }
  }
  if (matchers.length === 0) throw new Error(`empty phrase pattern \`${source}\``);
  return { source, label, matchers };
}

/** Index of the token after a match of `phrase` starting at token `from`, or -1. */
function matchAt(phrase: CompiledPhrase, tokens: Token[], from: number): number {
  const step = (m: number, t: number): number => {
    if (m === phrase.matchers.length) return t;
    const matcher = phrase.matchers[m];
    if (t < tokens.length && matcher.test(tokens[t])) {
      const end = step(m + 1, t + 1);
      if (end >= 0) return end;
    }
    return matcher.optional ? step(m + 1, t) : -1;
  };
  return step(0, from);
}

export class PhraseSet {
  readonly phrases: CompiledPhrase[];
  readonly exceptions: CompiledPhrase[];

  constructor(phrases: CompiledPhrase[], exceptions: CompiledPhrase[] = []) {
    this.phrases = phrases;
    this.exceptions = exceptions;
  }

  /** Non-overlapping matches, longest first at each position, minus those inside an exception. */
  match(tokens: Token[]): PhraseMatch[] {
    const blocked = new Set<number>();
    for (const m of this.scan(this.exceptions, tokens)) for (let i = m.from; i < m.to; i++) blocked.add(i);
    return this.scan(this.phrases, tokens).filter((m) => {
      for (let i = m.from; i < m.to; i++) if (blocked.has(i)) return false;
      return true;
    });
  }

  private readonly index = new Map<CompiledPhrase[], { byWord: Map<string, CompiledPhrase[]>; other: CompiledPhrase[] }>();

  /** Phrases indexed by their first word, so a scan tries only the candidates. */
  private indexed(phrases: CompiledPhrase[]) {
    let entry = this.index.get(phrases);
    if (!entry) {
      entry = { byWord: new Map(), other: [] };
      for (const phrase of phrases) {
        const first = phrase.matchers[0];
        if (first.literal !== undefined) {
          const list = entry.byWord.get(first.literal) ?? [];
          list.push(phrase);
          entry.byWord.set(first.literal, list);
        } else entry.other.push(phrase);
      }
      this.index.set(phrases, entry);
    }
    return entry;
  }

  private scan(phrases: CompiledPhrase[], tokens: Token[]): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    const { byWord, other } = this.indexed(phrases);
    let t = 0;
    while (t < tokens.length) {
      let best: PhraseMatch | undefined;
      const candidates = byWord.get(tokens[t].norm);
      for (const phrase of candidates ? [...candidates, ...other] : other) {
        const end = matchAt(phrase, tokens, t);
        if (end > t && (!best || end > best.to)) {
          best = { start: tokens[t].start, end: tokens[end - 1].end, from: t, to: end, phrase };
        }
      }
      if (best) {
        out.push(best);
        t = best.to;
      } else t++;
    }
    return out;
  }

  /** True when any phrase matches. */
  test(tokens: Token[]): boolean {
    return this.match(tokens).length > 0;
  }
}
