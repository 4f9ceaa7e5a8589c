// The weighted edit distance that ranks suggestions (editCost in src/language/spell/suggest.ts)
// reuses one distance table between calls: a long word after a short one, a short one after a
// long one, and a freak length (not kept) must each give the distance computed from scratch.
import { describe, expect, it } from 'vitest';
import { editCost } from '../../../src/language/spell/suggest.js';

const none = new Map<string, string>();

/** The same weights, with a fresh table: the reference the reused table must agree with. */
function plainLevenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

describe('editCost', () => {
  it('gives the same cost whatever was computed before it', () => {
    const pairs: [string, string][] = [
      ['recieve', 'receive'],
      ['a'.repeat(40) + 'xyz', 'a'.repeat(41) + 'yz'],
      ['teh', 'the'],
      ['b'.repeat(400), 'b'.repeat(399) + 'c'], // 160,000 cells: a table that is not kept
      ['adress', 'address'],
    ];
    const first = pairs.map(([a, b]) => editCost(a, b, a, none));
    const again = [...pairs].reverse().map(([a, b]) => editCost(a, b, a, none)).reverse();
    expect(again).toEqual(first);
    expect(editCost('adress', 'address', 'adress', none, Array.from('adress'))).toBe(first[4]);
  });

  it('costs no more than plain Levenshtein distance (each edit weighs at most 1) and 0 for the same word', () => {
    for (const [a, b] of [['speling', 'spelling'], ['definately', 'definitely'], ['b'.repeat(300), 'b'.repeat(298) + 'cc']]) {
      const cost = editCost(a, b, a, none);
      expect(cost).toBeGreaterThan(0);
      expect(cost).toBeLessThanOrEqual(plainLevenshtein(a, b) + 0.4);
    }
    expect(editCost('address', 'address', 'address', none)).toBe(0);
  });
});
