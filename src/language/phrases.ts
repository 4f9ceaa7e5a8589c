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
  /** which tokens `anything` stands for (KIND_* bits): `<num>` numbers, `<any>` words, `*` both */
  kinds: number;
}

const KIND_NUMBER = 1;
const KIND_WORD = 2;

/** KIND_NUMBER, KIND_WORD, or 0 for a symbol. */
function kindOf(token: Token): number {
  return token.kind === 'number' ? KIND_NUMBER : token.kind === 'word' ? KIND_WORD : 0;
}

type Node =
  | { kind: 'token'; optional: boolean; firsts: Firsts; test(token: Token): boolean }
  | { kind: 'group'; optional: boolean; alternatives: Node[][] };

export interface CompiledPhrase {
  source: string;
  label: string;
  nodes: Node[];
  /** built on the first match attempt (a run tries a small share of a lexicon's phrases) */
  nfa: Nfa | undefined;
  /** words of a later part every match needs (one of them must be in the text), or undefined */
  anchor: Set<string> | undefined;
  /** the anchor's words as numbers of the shared anchor-word index (see anchorIn) */
  anchorWords: Int32Array | undefined;
  /** the token list anchorIn last looked at, and its answer */
  anchorFor: Starts | undefined;
  anchorFound: boolean;
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
  const firsts: Firsts = { words: [], prefixes: [], anything: false, kinds: 0 };
  for (const alt of alternatives) {
    if (alt === '<num>' || alt === '<any>') {
      firsts.anything = true;
      firsts.kinds |= alt === '<num>' ? KIND_NUMBER : KIND_WORD;
    } else if (alt.endsWith('*') && alt.length > 1) {
      const prefix = normalize(alt.slice(0, -1));
      if (prefix === '') {
        firsts.anything = true;
        firsts.kinds |= KIND_NUMBER | KIND_WORD;
      } else firsts.prefixes.push(prefix);
    } else firsts.words.push(normalize(alt));
  }
  return firsts;
}

function alternative(spec: string): (token: Token) => boolean {
  // Plain words are looked up in a Set (groups of 40–60 verbs or nouns are common).
  const words = new Set<string>();
  const others: ((t: Token) => boolean)[] = [];
  for (const alt of spec.split('|')) {
    if (alt === '<num>') others.push((t) => t.kind === 'number');
    else if (alt === '<any>') others.push((t) => t.kind === 'word');
    else if (alt.endsWith('*') && alt.length > 1) {
      const prefix = normalize(alt.slice(0, -1));
      others.push((t) => t.norm.startsWith(prefix) && t.kind !== 'symbol');
    } else words.add(normalize(alt));
  }
  if (others.length === 0) return (token) => words.has(token.norm);
  return (token) => words.has(token.norm) || others.some((test) => test(token));
}

/** Alternatives that are one plain token each become one token node (same matches, one test). */
function mergeSingleTokens(alternatives: Node[][]): Node[][] {
  const single = alternatives.filter((alt) => alt.length === 1 && alt[0].kind === 'token' && !alt[0].optional).map((alt) => alt[0] as Extract<Node, { kind: 'token' }>);
  if (single.length < 2) return alternatives;
  const rest = alternatives.filter((alt) => !(alt.length === 1 && alt[0].kind === 'token' && !alt[0].optional));
  const firsts: Firsts = {
    words: single.flatMap((n) => n.firsts.words),
    prefixes: single.flatMap((n) => n.firsts.prefixes),
    anything: single.some((n) => n.firsts.anything),
    kinds: single.reduce((bits, n) => bits | n.firsts.kinds, 0),
  };
  const words = new Set(single.filter((n) => n.firsts.prefixes.length === 0 && !n.firsts.anything && n.firsts.words.length > 0).flatMap((n) => n.firsts.words));
  const others = single.filter((n) => !(n.firsts.prefixes.length === 0 && !n.firsts.anything && n.firsts.words.length > 0));
  const test = others.length === 0 ? (t: Token) => words.has(t.norm) : (t: Token) => words.has(t.norm) || others.some((n) => n.test(t));
  return [[{ kind: 'token', optional: false, firsts, test }], ...rest];
}

/** Splits on spaces outside brackets and parentheses. */
function chunks(source: string): string[] {
  const text = source.trim();
  if (!/[()[\]]/.test(text)) return text.split(/\s+/).filter((c) => c !== ''); // no brackets: the usual case
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0 && (ch === ' ' || ((ch < ' ' || ch > '~') && /\s/.test(ch)))) {
      if (i > from) out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0) throw new Error(`unbalanced brackets in phrase pattern \`${source}\``);
  if (text.length > from) out.push(text.slice(from));
  return out;
}

/** Splits on `|` outside brackets and parentheses. */
function topLevelAlternatives(source: string): string[] {
  if (!/[()[\]]/.test(source)) return source.split('|');
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

// Letters only: one token whatever the language (no elision, possessive or number to split),
// so compiling the lexicons (thousands of alternatives, on every run) skips the tokenizer.
const ONE_WORD = /^[\p{L}\p{M}]+$/u;

function tokensOf(text: string): Token[] | { norm: string }[] {
  return ONE_WORD.test(text) ? [{ norm: normalize(text) }] : tokenize(text);
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
      nodes.push({ kind: 'group', optional, alternatives: mergeSingleTokens(alternatives) });
    } else if (optional || grouped || /[*|]|^<(num|any)>$/.test(inner)) {
      const alternatives = inner.split('|');
      // An alternative that is several tokens (`it's` → `it` + `'s`) makes this a group.
      // (An elided article such as `d'` or `all'` stays one token, as in running text.)
      if (alternatives.some((alt) => !/[*'’]$|^<(num|any)>$/.test(alt) && tokensOf(alt).length !== 1)) {
        nodes.push({ kind: 'group', optional, alternatives: mergeSingleTokens(alternatives.map((alt) => compileNodes(alt))) });
      } else {
        nodes.push({ kind: 'token', optional, test: alternative(inner), firsts: firstsOf(alternatives) });
      }
    } else {
      for (const token of tokensOf(inner)) {
        const norm = token.norm;
        nodes.push({ kind: 'token', optional: false, firsts: { words: [norm], prefixes: [], anything: false, kinds: 0 }, test: (t) => t.norm === norm });
      }
    }
  }
  return nodes;
}

export function compilePhrase(source: string, label: string): CompiledPhrase {
  const nodes = compileNodes(source);
  if (nodes.length === 0 || nodes.every((n) => n.optional)) throw new Error(`empty phrase pattern \`${source}\``);
  const anchor = anchorOf(nodes);
  return { source, label, nodes, nfa: undefined, anchor, anchorWords: anchor ? anchorWordIds(anchor) : undefined, anchorFor: undefined, anchorFound: false };
}

// Most candidate phrases fail after their first word ("the", "you", "can"), yet a long pattern
// with optional words costs a walk of several tokens to fail. A required part after the first,
// made of plain words, must occur somewhere in the text: when none of its words does, the
// phrase cannot match there, whatever the position. The part with the fewest words is kept.
function anchorOf(nodes: Node[]): Set<string> | undefined {
  let best: string[] | undefined;
  for (let i = 1; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.kind !== 'token' || node.optional) continue;
    const { words, prefixes, anything } = node.firsts;
    if (anything || prefixes.length > 0 || words.length === 0) continue;
    if (!best || words.length < best.length) best = words;
  }
  return best ? new Set(best) : undefined;
}

// Anchor words are numbered; the one pass over a token list that finds where sets start
// (startsByset) also notes the numbers of its words, and a phrase's anchor is then a few
// array reads.
const anchorWordId = new Map<string, number>();

function anchorWordIds(words: Set<string>): Int32Array {
  return Int32Array.from(words, (word) => {
    let id = anchorWordId.get(word);
    if (id === undefined) anchorWordId.set(word, (id = anchorWordId.size));
    return id;
  });
}

/** Per anchor word, the stamp of the last token list it was seen in. */
let wordStamps = new Uint32Array(1024);
let stampedFor: Starts | undefined;
let stamp = 0;

/** Can `phrase` match somewhere in the token list of `starts`, as far as its anchor says? */
function anchorIn(phrase: CompiledPhrase, starts: Starts): boolean {
  const words = phrase.anchorWords;
  if (words === undefined) return true;
  if (phrase.anchorFor === starts) return phrase.anchorFound;
  if (stampedFor !== starts) {
    if (wordStamps.length < anchorWordId.size) wordStamps = new Uint32Array(anchorWordId.size * 2);
    if (++stamp === 0xffffffff) {
      wordStamps.fill(0);
      stamp = 1;
    }
    for (const id of starts.anchorWords) wordStamps[id] = stamp;
    stampedFor = starts;
  }
  let found = false;
  for (let i = 0; i < words.length && !found; i++) found = wordStamps[words[i]] === stamp;
  phrase.anchorFor = starts;
  phrase.anchorFound = found;
  return found;
}

// Matching runs a small NFA (Thompson construction) over the tokens: the cost is tokens ×
// states, where backtracking through optional words and groups of 60 alternatives was
// exponential in the number of optional parts.
interface Nfa {
  /** per state: the token test leaving it (and the state it leads to), or epsilon moves */
  tests: (((token: Token) => boolean) | undefined)[];
  to: number[];
  eps: number[][];
  accept: number;
  /** per state: the states with a token test reachable by epsilon moves (precomputed) */
  closureOf: number[][];
  /** per state: can it reach `accept` by epsilon moves? */
  accepting: boolean[];
}

function buildNfa(nodes: Node[]): Nfa {
  const nfa: Nfa = { tests: [], to: [], eps: [], accept: 0, closureOf: [], accepting: [] };
  const state = () => {
    nfa.tests.push(undefined);
    nfa.to.push(-1);
    nfa.eps.push([]);
    return nfa.tests.length - 1;
  };
  const sequence = (list: Node[], from: number): number => {
    let at = from;
    for (const node of list) {
      const end = state();
      if (node.kind === 'token') {
        const move = state();
        nfa.eps[at].push(move);
        nfa.tests[move] = node.test;
        nfa.to[move] = end;
      } else {
        for (const alt of node.alternatives) {
          const start = state();
          nfa.eps[at].push(start);
          nfa.eps[sequence(alt, start)].push(end);
        }
      }
      if (node.optional) nfa.eps[at].push(end);
      at = end;
    }
    return at;
  };
  nfa.accept = sequence(nodes, state());
  // Epsilon closures are fixed: compute them once, keeping only the states that test a token
  // (the only ones a step needs) and whether the accepting state is among them.
  for (let s = 0; s < nfa.tests.length; s++) {
    const seen = new Set<number>();
    const stack = [s];
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...nfa.eps[at]);
    }
    nfa.closureOf.push([...seen].filter((x) => nfa.tests[x] !== undefined).sort((a, b) => a - b));
    nfa.accepting.push(seen.has(nfa.accept));
  }
  return nfa;
}

let seenStates = new Uint32Array(256);
let stampCounter = 0;
// The state lists of one step and the next, reused by every call (matchAt runs hundreds of
// thousands of times in a big run, most of them ending at the first or second token).
let currentStates = new Int32Array(64);
let nextStates = new Int32Array(64);

/** One past the last token of the longest match starting at token `from`; -1 if none. */
function matchAt(phrase: CompiledPhrase, tokens: Token[], from: number): number {
  const nfa = phrase.nfa ?? (phrase.nfa = buildNfa(phrase.nodes));
  const size = nfa.tests.length;
  if (seenStates.length < size) seenStates = new Uint32Array(size * 2);
  if (currentStates.length < size) {
    currentStates = new Int32Array(size * 2);
    nextStates = new Int32Array(size * 2);
  }
  if (stampCounter > 0xfff00000) {
    seenStates.fill(0); // stamps wrap around after ~4 billion steps
    stampCounter = 0;
  }
  let current = currentStates;
  let next = nextStates;
  const first = nfa.closureOf[0];
  for (let i = 0; i < first.length; i++) current[i] = first[i];
  let count = first.length;
  let best = -1;
  for (let t = from; t < tokens.length && count > 0; t++) {
    const stamp = ++stampCounter;
    let nextCount = 0;
    let accepted = false;
    const token = tokens[t];
    for (let i = 0; i < count; i++) {
      const s = current[i];
      if (!nfa.tests[s]!(token)) continue;
      const to = nfa.to[s];
      if (nfa.accepting[to]) accepted = true;
      for (const c of nfa.closureOf[to]) {
        if (seenStates[c] !== stamp) {
          seenStates[c] = stamp;
          next[nextCount++] = c;
        }
      }
    }
    if (accepted) best = t + 1;
    const swap = current;
    current = next;
    next = swap;
    count = nextCount;
  }
  return best;
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
      into.kinds |= node.firsts.kinds;
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

// ── One pass per token list for every set ───────────────────────────────────────────────
// A message is matched against ~20 sets (one per lexicon label). Looking every token up in
// every set's own index was the largest single cost of a run (millions of lookups in big
// hash maps), so the sets also register their first words and prefixes in one shared index:
// one pass over the tokens finds, for every set, where one of its phrases can start.
const registry: PhraseSet[] = [];
const sharedWords = new Map<string, number[]>();
/** prefix entries keyed by their first (up to) 3 characters */
const sharedPrefixes = new Map<string, { prefix: string; set: number }[]>();
/** sets with phrases that start with `<num>` (index KIND_NUMBER) or `<any>` (KIND_WORD) */
const sharedKinds: number[][] = [[], [], []];
/** What startsByset found in a token list (for `sets` sets and `anchorsKnown` anchor words). */
interface Starts {
  sets: number;
  anchorsKnown: number;
  /** per token, `width` words of bits: bit s is set when a phrase of set s can start there */
  masks: Uint32Array;
  width: number;
  /** the masks of all tokens together: bit s is set when a phrase of set s can start anywhere */
  any: Uint32Array;
  /** the numbers of the list's anchor words (repeats possible) */
  anchorWords: number[];
}
// The rules of a message ask about the same token list one after the other: the last few
// answers are kept by identity (a WeakMap entry per message made the garbage collector's work).
const STARTS_KEPT = 4;
const startsTokens: (Token[] | undefined)[] = new Array(STARTS_KEPT);
const startsKept: (Starts | undefined)[] = new Array(STARTS_KEPT);
let startsNext = 0;
const slotBuffers = Array.from({ length: STARTS_KEPT }, () => new Uint32Array(256));
const anyBuffers = Array.from({ length: STARTS_KEPT }, () => new Uint32Array(8));

function keptStarts(tokens: Token[]): Starts | undefined {
  for (let i = 0; i < STARTS_KEPT; i++) if (startsTokens[i] === tokens) return startsKept[i];
  return undefined;
}
const PREFIX_KEY = 3;

function register(set: PhraseSet, words: Iterable<string>, prefixes: Iterable<string>, kinds: number): number {
  const id = registry.push(set) - 1;
  for (const bit of [KIND_NUMBER, KIND_WORD]) if (bit & kinds) sharedKinds[bit].push(id);
  for (const word of new Set(words)) {
    const list = sharedWords.get(word);
    if (list) list.push(id);
    else sharedWords.set(word, [id]);
  }
  for (const prefix of new Set(prefixes)) {
    const key = prefix.slice(0, PREFIX_KEY);
    const list = sharedPrefixes.get(key);
    if (list) list.push({ prefix, set: id });
    else sharedPrefixes.set(key, [{ prefix, set: id }]);
  }
  return id;
}

/** Sets with a phrase that can start with this word (as a word, or by a prefix), ascending. */
function setsStartingWith(norm: string): number[] {
  const out = new Set<number>(sharedWords.get(norm));
  for (let length = Math.min(PREFIX_KEY, norm.length); length >= 1; length--) {
    const entries = sharedPrefixes.get(length === norm.length ? norm : norm.slice(0, length));
    if (entries) for (const entry of entries) if (norm.startsWith(entry.prefix)) out.add(entry.set);
  }
  return out.size === 0 ? NO_SETS : [...out].sort((a, b) => a - b);
}

// setsStartingWith() (as bits) and the anchor word per word: a run sees the same words again and again
const setsOfWord = new Map<string, { mask: Uint32Array; anchorWord: number }>();
/** the sets `<num>` / `<any>` phrases start (index KIND_NUMBER, KIND_WORD), as bits */
let kindMasks: Uint32Array[] = [];

function maskOf(sets: Iterable<number>, width: number): Uint32Array {
  const mask = new Uint32Array(width);
  for (const set of sets) mask[set >> 5] |= 1 << (set & 31);
  return mask;
}
let setsOfWordFor = 0;
let anchorsOfWordFor = 0;
const NO_SETS: number[] = [];

/** Where each registered set can start in `tokens` (bits per token), and the anchor words there. */
function startsByset(tokens: Token[]): Starts {
  let memo = keptStarts(tokens);
  if (memo && memo.sets === registry.length && memo.anchorsKnown === anchorWordId.size) return memo;
  const width = (registry.length + 31) >> 5;
  if (setsOfWordFor !== registry.length || anchorsOfWordFor !== anchorWordId.size) {
    setsOfWord.clear(); // sets or phrases were added since
    setsOfWordFor = registry.length;
    anchorsOfWordFor = anchorWordId.size;
    kindMasks = sharedKinds.map((sets) => maskOf(sets, width));
  }
  // One array of bits for the whole list: most sets start nowhere in a message. Typed arrays
  // this size live outside the JS heap and cost to make: each kept slot reuses its own.
  const slot = startsTokens.indexOf(tokens);
  const at = slot >= 0 ? slot : startsNext++ % STARTS_KEPT;
  const size = tokens.length * width;
  if (slotBuffers[at].length < size) slotBuffers[at] = new Uint32Array(Math.max(size, 2 * slotBuffers[at].length));
  const masks = slotBuffers[at].subarray(0, size);
  if (anyBuffers[at].length < width) anyBuffers[at] = new Uint32Array(width);
  const any = anyBuffers[at].subarray(0, width);
  any.fill(0);
  const anchorWords: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const norm = tokens[t].norm;
    let entry = setsOfWord.get(norm);
    if (entry === undefined) {
      entry = { mask: maskOf(setsStartingWith(norm), width), anchorWord: anchorWordId.get(norm) ?? -1 };
      if (setsOfWord.size >= 50_000) setsOfWord.clear(); // bounded on huge inputs
      setsOfWord.set(norm, entry);
    }
    const kind = kindOf(tokens[t]);
    const kindMask = kind === 0 ? undefined : kindMasks[kind];
    for (let w = 0; w < width; w++) {
      const bits = kindMask ? entry.mask[w] | kindMask[w] : entry.mask[w];
      masks[t * width + w] = bits;
      any[w] |= bits;
    }
    if (entry.anchorWord >= 0) anchorWords.push(entry.anchorWord);
  }
  memo = { sets: registry.length, anchorsKnown: anchorWordId.size, masks, width, any, anchorWords };
  startsTokens[at] = tokens;
  startsKept[at] = memo;
  return memo;
}

export class PhraseSet {
  // Phrases indexed by the words (and word prefixes) they can start with, so that a scan
  // tries only candidates at each token; `anywhere` holds those that can start with any word.
  private readonly byWord = new Map<string, CompiledPhrase[]>();
  private readonly byPrefix = new Map<string, CompiledPhrase[]>();
  /** phrases that can start with `<num>` (index KIND_NUMBER) or `<any>` (KIND_WORD) */
  private readonly byKind: CompiledPhrase[][] = [[], [], []];
  /** phrases that can start on any token at all (nothing required first) */
  private readonly anywhere: CompiledPhrase[] = [];
  private longestPrefix = 0;
  /** candidate order when several match equally long (first listed wins) */
  private readonly rank = new Map<CompiledPhrase, number>();
  private readonly exceptionSet: PhraseSet | undefined;
  /** candidates per kind of token and normalised word: most words have none, and a run sees
   * the same words often */
  private readonly candidateCache: Map<string, CompiledPhrase[]>[] = [new Map(), new Map(), new Map()];
  /** index in the shared first-word registry */
  private readonly id: number;

  constructor(
    readonly phrases: CompiledPhrase[],
    exceptions: CompiledPhrase[] = [],
  ) {
    // Where phrases can start, for the shared first-word pass: the first words and prefixes
    // of every phrase, and the kinds of token (numbers, words) `<num>`/`<any>` phrases start on.
    const startWords = new Set<string>();
    const startPrefixes = new Set<string>();
    let startKinds = 0;
    phrases.forEach((phrase, index) => {
      const firsts: Firsts = { words: [], prefixes: [], anything: false, kinds: 0 };
      const nullable = addFirsts(phrase.nodes, 0, firsts);
      // Ties went to phrases with a fixed first word, then to the others, in file order.
      const fixedFirst = phrase.nodes[0].kind === 'token' && !phrase.nodes[0].optional && firsts.prefixes.length === 0 && !firsts.anything;
      this.rank.set(phrase, (fixedFirst ? 0 : phrases.length) + index);
      for (const word of firsts.words) startWords.add(word);
      for (const prefix of firsts.prefixes) startPrefixes.add(prefix);
      startKinds |= firsts.kinds;
      if (nullable) {
        this.anywhere.push(phrase);
        return;
      }
      for (const bit of [KIND_NUMBER, KIND_WORD]) if (bit & firsts.kinds) this.byKind[bit].push(phrase);
      for (const word of firsts.words) addTo(this.byWord, word, phrase);
      for (const prefix of firsts.prefixes) {
        addTo(this.byPrefix, prefix, phrase);
        this.longestPrefix = Math.max(this.longestPrefix, prefix.length);
      }
    });
    this.exceptionSet = exceptions.length > 0 ? new PhraseSet(exceptions) : undefined;
    this.id = register(this, startWords, startPrefixes, startKinds);
  }

  /** The phrases that can start at a token of this kind (0, KIND_NUMBER or KIND_WORD) and normalised form, in rank order. */
  private candidates(norm: string, kind: number): CompiledPhrase[] {
    const lists: CompiledPhrase[][] = [];
    const exact = this.byWord.get(norm);
    if (exact) lists.push(exact);
    if (kind !== 0 && this.byKind[kind].length > 0) lists.push(this.byKind[kind]);
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
    // A set with a phrase that can start on any token at all tries every position.
    const starts = startsByset(tokens);
    const everywhere = this.anywhere.length > 0;
    const { masks, width } = starts;
    const word = this.id >> 5;
    const bit = 1 << (this.id & 31);
    if (!everywhere && (starts.any[word] & bit) === 0) return out; // most sets start nowhere in a message
    let t = 0;
    for (let at = 0; at < tokens.length; at++) {
      if (!everywhere && (masks[at * width + word] & bit) === 0) continue; // no phrase starts here
      if (at < t) continue; // inside the previous match
      let best: PhraseMatch | undefined;
      for (const phrase of this.candidatesAt(tokens[at])) {
        if (!anchorIn(phrase, starts)) continue;
        const end = matchAt(phrase, tokens, at);
        if (end > at && (!best || end > best.to)) best = { start: tokens[at].start, end: tokens[end - 1].end, from: at, to: end, phrase };
      }
      if (best) {
        out.push(best);
        t = best.to;
      }
    }
    return out;
  }

  private candidatesAt(token: Token): CompiledPhrase[] {
    const kind = kindOf(token);
    const cache = this.candidateCache[kind];
    let candidates = cache.get(token.norm);
    if (candidates === undefined) {
      candidates = this.candidates(token.norm, kind);
      if (cache.size >= 20_000) cache.clear(); // bounded on huge inputs
      cache.set(token.norm, candidates);
    }
    return candidates;
  }
}
