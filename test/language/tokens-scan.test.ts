// scanTokens must find exactly the matches of the TOKEN expression it replaces.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanTokens, TOKEN, type Token } from '../../src/language/tokens.js';

const CORPORA = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

type Found = [number, number, Token['kind']];

function byExpression(text: string): Found[] {
  return [...text.matchAll(TOKEN)].map((m) => [m.index, m.index + m[0].length, m[1] ? 'number' : m[2] ? 'word' : 'symbol']);
}

function byScanner(text: string): Found[] {
  const out: Found[] = [];
  scanTokens(text, (start, end, kind) => out.push([start, end, kind]));
  return out;
}

// Joiners and their neighbours, digits of other scripts, marks, white space the expression's
// \s knows (and \u200b, which it does not), surrogate pairs and lone surrogates.
const PIECES = ['a', 'É', 'ß', 'ا', '中', '1', '٣', '½', '²', '.', ',', "'", '’', '-', '‐', ' ', '\t', '\n', '\u00a0', '\u3000', '\ufeff', '\u200b', '\u0301', '😀', '𝐀', '𝟙', '\ud83d', '\ude00', '!', '…', '@', '#', '_', '%', '$', '€'];

describe('scanTokens (the TOKEN expression, scanned by hand)', () => {
  it('finds the same tokens as the expression on every line of the corpora', () => {
    const lines = filesUnder(CORPORA).flatMap((file) => readFileSync(file, 'utf8').split('\n'));
    expect(lines.length).toBeGreaterThan(1000);
    for (const line of lines) expect(byScanner(line)).toEqual(byExpression(line));
  });

  it('finds the same tokens on generated text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(byScanner(text)).toEqual(byExpression(text));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        expect(byScanner(text)).toEqual(byExpression(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads numbers first, joins words and numbers only across one joiner', () => {
    expect(byScanner("3rd l'offre 1,5.2 a--b x' 😀")).toEqual([
      [0, 1, 'number'],
      [1, 3, 'word'],
      [4, 11, 'word'],
      [12, 17, 'number'],
      [18, 19, 'word'],
      [19, 20, 'symbol'],
      [20, 21, 'symbol'],
      [21, 22, 'word'],
      [23, 24, 'word'],
      [24, 25, 'symbol'],
      [26, 28, 'symbol'],
    ]);
  });
});
