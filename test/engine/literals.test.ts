// findLiterals skips its patterns when the text lacks what they need (`@`, `://`/`www.`,
// a dot before a letter): the result must be what running every pattern gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLiterals } from '../../src/engine/placeholders.js';

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/giu;
const DOMAIN_PATTERN = /\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|me|co|ly|gl|app|shop|store|it|fr|es|de|fi|uk|eu)(?:\/[^\s]*)?\b/giu;
const EMAIL_PATTERN = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu;

function reference(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const pattern of [EMAIL_PATTERN, URL_PATTERN, DOMAIN_PATTERN]) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ranges.some((r) => start < r.end && end > r.start)) ranges.push({ start, end });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

describe('findLiterals', () => {
  it.each([
    ['Write to help@shop.com or visit https://shop.com/help.', 2],
    ['See www.Example.org today', 1],
    ['Order at SHOP.COM now', 1],
    ['Kelvin: shop.\u212Aom? long s: shop.\u017Fhop', 0],
    ['Thanks. See you soon.', 0],
  ])('%s', (text, minimum) => {
    expect(findLiterals(text)).toEqual(reference(text));
    expect(findLiterals(text).length).toBeGreaterThanOrEqual(minimum);
  });

  it('agrees with running every pattern (property)', () => {
    const unit = fc.constantFrom('a', 'c', 'o', 'm', 'w', 'W', '.', '@', ':', '/', ' ', 'h', 't', 'p', 's', 'x', '-', '1', '\u017F', '\u212A', 'é', '\n');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        expect(findLiterals(text)).toEqual(reference(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
