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

type Node =
  | { kind: 'token'; optional: boolean; literal?: string; literals?: string[]; test(token: Token): boolean }
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
        // Plain alternatives (no `*`, `<num>`, `<any>`) let the set index the phrase by each word.
        const plain = alternatives.every((alt) => !/[*]$|^<(num|any)>$/.test(alt));
        nodes.push({ kind: 'token', optional, test: alternative(inner), ...(plain ? { literals: alternatives.map((alt) => normalize(alt)) } : {}) });
      }
    } else {
      for (const token of tokenize(inner)) {
        const norm = token.norm;
        nodes.push({ kind: 'token', optional: false, literal: norm, test: (t) => t.norm === norm });
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

/** The words a phrase can start with, when they are known (for the first-word index). */
function firstLiterals(phrase: CompiledPhrase): string[] | undefined {
  const first = phrase.nodes[0];
  if (first.kind !== 'token' || first.optional) return undefined;
  return first.literal !== undefined ? [first.literal] : first.literals;
}

export class PhraseSet {
  private readonly byWord = new Map<string, CompiledPhrase[]>();
  private readonly other: CompiledPhrase[] = [];
  private readonly exceptionSet: PhraseSet | undefined;

  constructor(
    readonly phrases: CompiledPhrase[],
    exceptions: CompiledPhrase[] = [],
  ) {
    // Phrases indexed by their first word, so a scan tries only the candidates.
    for (const phrase of phrases) {
      const literals = firstLiterals(phrase);
      if (literals === undefined) this.other.push(phrase);
      else for (const literal of new Set(literals)) this.byWord.set(literal, [...(this.byWord.get(literal) ?? []), phrase]);
    }
    this.exceptionSet = exceptions.length > 0 ? new PhraseSet(exceptions) : undefined;
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
      const candidates = this.byWord.get(tokens[t].norm);
      for (const list of candidates ? [candidates, this.other] : [this.other]) {
        for (const phrase of list) {
          const end = matchAt(phrase, tokens, t);
          if (end > t && (!best || end > best.to)) best = { start: tokens[t].start, end: tokens[end - 1].end, from: t, to: end, phrase };
        }
      }
      if (best) {
        out.push(best);
        t = best.to;
      } else t++;
    }
    return out;
  }
}
