// Phrase patterns from lexicons, matched on tokens (never substrings): case-insensitive and
// accent-folded. Syntax of one pattern (tokens separated by spaces):
//   word          the word itself (`Rabatt` matches `rabatt`, `Réduction` matches `reduction`)
//   word*         any word starting with `word` (`discount*` → discounts, discounted)
//   a|b|c         one of these alternatives, each a word (may end with `*`) or several
//                 tokens (`it's|they're`); note `a|b c` means "(a or b) then c"
//   (a b|c d)     one of these sub-phrases (each may use the whole syntax)
//   [word]        an optional token; `[a b|c]` an optional sub-phrase
//   <num>         any number (`<num> % off` matches `20% off`)
//   <any>         any single word
import { normalize, tokenize, type Token } from './tokens.js';

/** What a token node can match first: words, word prefixes (`word*`), or anything (`<num>`, `<any>`). */
interface Firsts {
  words: string[];
  prefixes: string[];
  anything: boolean;
}

type Node =
  | { kind: 'token'; optional: boolean; firsts: Firsts; test(token: Token): boolean }
  | { kind: 'group'; optional: boolean; alternatives: Node[][] };

export interface CompiledPhrase {
  source: string;
  label: string;
  nodes: Node[];
}

export interface PhraseMatch {
  start: number;
  end: number;
  /** index of the first and one past the last token */
  from: number;
  to: number;
  phrase: CompiledPhrase;
}

function firstsOf(alternatives: string[]): Firsts {
  const firsts: Firsts = { words: [], prefixes: [], anything: false };
  for (const alt of alternatives) {
    if (alt === '<num>' || alt === '<any>') firsts.anything = true;
    else if (alt.endsWith('*') && alt.length > 1) {
      const prefix = normalize(alt.slice(0, -1));
      if (prefix === '') firsts.anything = true;
      else firsts.prefixes.push(prefix);
    } else firsts.words.push(normalize(alt));
  }
  return firsts;
}

function alternative(spec: string): (token: Token) => boolean {
  const options = spec.split('|').map((alt) => {
    if (alt === '<num>') return (t: Token) => t.kind === 'number';
    if (alt === '<any>') return (t: Token) => t.kind === 'word';
    const prefix = alt.endsWith('*') && alt.length > 1;
    const word = normalize(prefix ? alt.slice(0, -1) : alt);
    return prefix ? (t: Token) => t.norm.startsWith(word) && t.kind !== 'symbol' : (t: Token) => t.norm === word;
  });
  return (token) => options.some((test) => test(token));
}

/** Splits on spaces outside brackets and parentheses. */
function chunks(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source.trim()) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) throw new Error(`unbalanced brackets in phrase pattern \`${source}\``);
  if (current) out.push(current);
  return out;
}

/** Splits on `|` outside brackets and parentheses. */
function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === '|' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function compileNodes(source: string): Node[] {
  const nodes: Node[] = [];
  for (const chunk of chunks(source)) {
    const optional = chunk.startsWith('[') && chunk.endsWith(']');
    const grouped = chunk.startsWith('(') && chunk.endsWith(')');
    const inner = optional || grouped ? chunk.slice(1, -1) : chunk;
    if ((optional || grouped) && /\s|[()[\]]/.test(inner.trim())) {
      // A sub-phrase group: `(thank you|thanks)`, `[as per]`.
      const alternatives = topLevelAlternatives(inner).map((alt) => compileNodes(alt));
      if (alternatives.some((a) => a.length === 0)) throw new Error(`empty alternative in \`${source}\``);
      nodes.push({ kind: 'group', optional, alternatives });
    } else if (optional || grouped || /[*|]|^<(num|any)>$/.test(inner)) {
      const alternatives = inner.split('|');
      // An alternative that is several tokens (`it's` → `it` + `'s`) makes this a group.
      // (An elided article such as `d'` or `all'` stays one token, as in running text.)
      if (alternatives.some((alt) => !/[*'’]$|^<(num|any)>$/.test(alt) && tokenize(alt).length !== 1)) {
        nodes.push({ kind: 'group', optional, alternatives: alternatives.map((alt) => compileNodes(alt)) });
      } else {
        nodes.push({ kind: 'token', optional, test: alternative(inner), firsts: firstsOf(alternatives) });
      }
    } else {
      for (const token of tokenize(inner)) {
        const norm = token.norm;
        nodes.push({ kind: 'token', optional: false, firsts: { words: [norm], prefixes: [], anything: false }, test: (t) => t.norm === norm });
      }
    }
  }
  return nodes;
}

export function compilePhrase(source: string, label: string): CompiledPhrase {
  const nodes = compileNodes(source);
  if (nodes.length === 0 || nodes.every((n) => n.optional)) throw new Error(`empty phrase pattern \`${source}\``);
  return { source, label, nodes };
}

/**
 * Longest end index of a match of `nodes[n..]` starting at token `t`, then `rest`; -1 if none.
 * Backtracking over optional tokens and group alternatives (patterns are short).
 */
function matchNodes(nodes: Node[], n: number, tokens: Token[], t: number, rest: (t: number) => number): number {
  if (n === nodes.length) return rest(t);
  const node = nodes[n];
  let best = -1;
  if (node.kind === 'token') {
    if (t < tokens.length && node.test(tokens[t])) best = matchNodes(nodes, n + 1, tokens, t + 1, rest);
  } else {
    for (const alt of node.alternatives) {
      best = Math.max(best, matchNodes(alt, 0, tokens, t, (after) => matchNodes(nodes, n + 1, tokens, after, rest)));
    }
  }
  if (node.optional) best = Math.max(best, matchNodes(nodes, n + 1, tokens, t, rest));
  return best;
}

function matchAt(phrase: CompiledPhrase, tokens: Token[], from: number): number {
  return matchNodes(phrase.nodes, 0, tokens, from, (t) => t);
}

/**
 * Adds what `nodes[n..]` can start with to `into`; true when they can also match nothing
 * (all optional), so that what follows can start the match too.
 */
function addFirsts(nodes: Node[], n: number, into: Firsts): boolean {
  for (let i = n; i < nodes.length; i++) {
    const node = nodes[i];
    let nullable = node.optional;
    if (node.kind === 'token') {
      into.words.push(...node.firsts.words);
      into.prefixes.push(...node.firsts.prefixes);
      into.anything ||= node.firsts.anything;
    } else {
      for (const alt of node.alternatives) if (addFirsts(alt, 0, into)) nullable = true;
    }
    if (!nullable) return false;
  }
  return true;
}

const NONE: CompiledPhrase[] = [];

function addTo(map: Map<string, CompiledPhrase[]>, key: string, phrase: CompiledPhrase): void {
  const list = map.get(key);
  if (!list) map.set(key, [phrase]);
  else if (list[list.length - 1] !== phrase) list.push(phrase);
}

export class PhraseSet {
  // Phrases indexed by the words (and word prefixes) they can start with, so that a scan
  // tries only candidates at each token; `anywhere` holds those that can start with any word.
  private readonly byWord = new Map<string, CompiledPhrase[]>();
  private readonly byPrefix = new Map<string, CompiledPhrase[]>();
  private readonly anywhere: CompiledPhrase[] = [];
  private longestPrefix = 0;
  /** candidate order when several match equally long (first listed wins) */
  private readonly rank = new Map<CompiledPhrase, number>();
  private readonly exceptionSet: PhraseSet | undefined;
  /** candidates per normalised word: most words have none, and a run sees the same words often */
  private readonly candidateCache = new Map<string, CompiledPhrase[]>();

  constructor(
    readonly phrases: CompiledPhrase[],
    exceptions: CompiledPhrase[] = [],
  ) {
    phrases.forEach((phrase, index) => {
      const firsts: Firsts = { words: [], prefixes: [], anything: false };
      const nullable = addFirsts(phrase.nodes, 0, firsts);
      // Ties went to phrases with a fixed first word, then to the others, in file order.
      const fixedFirst = phrase.nodes[0].kind === 'token' && !phrase.nodes[0].optional && firsts.prefixes.length === 0 && !firsts.anything;
      this.rank.set(phrase, (fixedFirst ? 0 : phrases.length) + index);
      if (nullable || firsts.anything) {
        this.anywhere.push(phrase);
        return;
      }
      for (const word of firsts.words) addTo(this.byWord, word, phrase);
      for (const prefix of firsts.prefixes) {
        addTo(this.byPrefix, prefix, phrase);
        this.longestPrefix = Math.max(this.longestPrefix, prefix.length);
      }
    });
    this.exceptionSet = exceptions.length > 0 ? new PhraseSet(exceptions) : undefined;
  }

  /** The phrases that can start at a token with this normalised form, in rank order. */
  private candidates(norm: string): CompiledPhrase[] {
    const lists: CompiledPhrase[][] = [];
    const exact = this.byWord.get(norm);
    if (exact) lists.push(exact);
    for (let length = Math.min(this.longestPrefix, norm.length); length >= 1; length--) {
      const list = this.byPrefix.get(norm.slice(0, length));
      if (list) lists.push(list);
    }
    if (this.anywhere.length > 0) lists.push(this.anywhere);
    if (lists.length === 0) return NONE;
    if (lists.length === 1) return lists[0];
    return [...new Set(lists.flat())].sort((a, b) => this.rank.get(a)! - this.rank.get(b)!);
  }

  /** Non-overlapping matches, longest first at each position, minus those inside an exception. */
  match(tokens: Token[]): PhraseMatch[] {
    const matches = this.scan(tokens);
    if (!this.exceptionSet || matches.length === 0) return matches;
    const blocked = new Set<number>();
    for (const m of this.exceptionSet.scan(tokens)) for (let i = m.from; i < m.to; i++) blocked.add(i);
    return matches.filter((m) => {
      for (let i = m.from; i < m.to; i++) if (blocked.has(i)) return false;
      return true;
    });
  }

  /** True when any phrase matches. */
  test(tokens: Token[]): boolean {
    return this.match(tokens).length > 0;
  }

  private scan(tokens: Token[]): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    let t = 0;
    while (t < tokens.length) {
      let best: PhraseMatch | undefined;
      const norm = tokens[t].norm;
      let candidates = this.candidateCache.get(norm);
      if (candidates === undefined) {
        candidates = this.candidates(norm);
        if (this.candidateCache.size >= 20_000) this.candidateCache.clear(); // bounded on huge inputs
        this.candidateCache.set(norm, candidates);
      }
      for (const phrase of candidates) {
        const end = matchAt(phrase, tokens, t);
        if (end > t && (!best || end > best.to)) best = { start: tokens[t].start, end: tokens[end - 1].end, from: t, to: end, phrase };
      }
      if (best) {
        out.push(best);
        t = best.to;
      } else t++;
    }
    return out;
  }
}
