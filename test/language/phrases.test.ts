// The phrase matcher (src/language/phrases.ts) against a plain backtracking reference on
// random token streams: the NFAs, the shared first-token index (words, prefixes, and the
// kinds of token `<num>`/`<any>` phrases start on) and the candidate caches must find
// exactly the spans that trying every phrase at every position finds.
import { describe, expect, it } from 'vitest';
import { compilePhrase, PhraseSet, type CompiledPhrase } from '../../src/language/phrases.js';
import { tokenize, type Token } from '../../src/language/tokens.js';

type PatternNode = CompiledPhrase['nodes'][number];

/** End positions of `nodes` matched from token `at` (every way, by backtracking). */
function ends(nodes: PatternNode[], tokens: Token[], at: number): Set<number> {
  let current = new Set([at]);
  for (const node of nodes) {
    const next = new Set<number>();
    for (const pos of current) {
      if (node.optional) next.add(pos);
      if (node.kind === 'token') {
        if (pos < tokens.length && node.test(tokens[pos])) next.add(pos + 1);
      } else for (const alt of node.alternatives) for (const end of ends(alt, tokens, pos)) next.add(end);
    }
    current = next;
  }
  return current;
}

/** Longest match at each position, left to right, never overlapping (as PhraseSet.match). */
function reference(phrases: CompiledPhrase[], tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  for (let at = 0; at < tokens.length; ) {
    let best = -1;
    for (const phrase of phrases) for (const end of ends(phrase.nodes, tokens, at)) if (end > at && end > best) best = end;
    if (best > at) {
      out.push([at, best]);
      at = best;
    } else at++;
  }
  return out;
}

const PATTERNS = [
  '<num> am|pm',
  '<num> % off',
  'within|in <num> [more] [business|working] (hour|hours|day|days)',
  '(your|the|this) [<any>] [<any>] (order|parcel|message)',
  'free [<any>] shipping|delivery',
  'discount*',
  'save <num>',
  '[as] per my last (message|email)',
  'only|just $|€ <num>',
  '<any> loved|enjoyed',
  'see you (soon|later|on <any>)',
];

const VOCABULARY = [
  'in', 'within', '2', '11', '49.90', 'am', 'pm', '%', 'off', 'more', 'business', 'hours', 'day', 'your', 'the', 'this',
  'big', 'new', 'order', 'parcel', 'message', 'free', 'fast', 'shipping', 'discounts', 'discounted', 'save', 'as', 'per',
  'my', 'last', 'email', 'only', 'just', '€', '$', 'loved', 'enjoyed', 'see', 'you', 'soon', 'on', 'Monday', '.', ',', '!',
];

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('PhraseSet.match', () => {
  const phrases = PATTERNS.map((p) => compilePhrase(p, 'x'));
  const set = new PhraseSet(phrases);

  it('finds <num> phrases on numbers and <any> phrases on words only', () => {
    const spans = (text: string) => set.match(tokenize(text)).map((m) => text.slice(m.start, m.end));
    expect(spans('We open at 11 am, within 2 working days.')).toEqual(['11 am', 'within 2 working days']);
    expect(spans('Save 20 on your big new order: 20 % off!')).toEqual(['Save 20', 'your big new order', '20 % off']);
    expect(spans('I hope you loved it. Free fast shipping.')).toEqual(['you loved', 'Free fast shipping']);
    expect(spans('am pm % off')).toEqual([]);
  });

  it('skips a phrase whose required later words are absent (anchors), without changing matches', () => {
    expect([...(compilePhrase('(your|the|this) [<any>] [<any>] (order|parcel|message)', 'x').anchor ?? [])]).toEqual(['order', 'parcel', 'message']);
    expect(compilePhrase('see you (soon|later|on <any>)', 'x').anchor).toEqual(new Set(['you']));
    expect(compilePhrase('discount*', 'x').anchor).toBeUndefined();
    expect(compilePhrase('<any> loved|enjoyed', 'x').anchor).toEqual(new Set(['loved', 'enjoyed']));
  });

  it('finds what trying every phrase at every position finds, on 3,000 random texts', () => {
    const next = random(7);
    for (let n = 0; n < 3000; n++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 14) }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]);
      const text = words.join(' ');
      const tokens = tokenize(text);
      const found = set.match(tokens).map((m): [number, number] => [m.from, m.to]);
      expect(found, text).toEqual(reference(phrases, tokens));
    }
  });
});
