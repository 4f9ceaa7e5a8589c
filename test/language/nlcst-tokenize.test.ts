// The faster tokenizer must give the retext parsers exactly the trees they build themselves.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { ParseEnglish } from 'parse-english';
import { ParseLatin } from 'parse-latin';
import { describe, expect, it } from 'vitest';
import { FastParseEnglish, FastParseLatin, tokenizeSentenceContent } from '../../src/language/nlcst-tokenize.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPORA = join(ROOT, '..', 'shared', 'corpora');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const PAIRS = [
  ['parse-english', ParseEnglish, FastParseEnglish],
  ['parse-latin', ParseLatin, FastParseLatin],
] as const;

function expectSameTrees(text: string): void {
  for (const [, Stock, Fast] of PAIRS) expect(new Fast().parse(text)).toStrictEqual(new Stock().parse(text));
}

// Characters the classes and the line counting turn on: white space of several kinds, CR/LF,
// terminal and other punctuation, repeated symbols, combining marks, surrogate pairs (emoji)
// and lone surrogates, digits, letters of several scripts.
const PIECES = ['a', 'Zé', 'ß', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u00a0', '\u2028', '.', '...', '…', '!', '?', '"', "'", '’', '-', '—', '(', ')', '/', ':', '&', '_', '@', '#', '$', '€', '%', '1', '2.5', '\u0301', '😀', '👍🏽', '\ud83d', '\ude00', 'ق', '中文', 'Ω', '\u200b', 'e.g.', "don't", 'U.S.A.'];

describe('tokenizeSentenceContent (parse-latin tokenize, faster)', () => {
  it('gives the same tree as the stock parsers on every line of the corpora', () => {
    const lines = filesUnder(CORPORA).flatMap((file) => readFileSync(file, 'utf8').split('\n'));
    expect(lines.length).toBeGreaterThan(1000);
    for (const line of lines) expectSameTrees(line);
  });

  it('gives the same tree on whole files (many lines, CRLF, blank lines)', () => {
    for (const file of filesUnder(CORPORA).slice(0, 10)) {
      const text = readFileSync(file, 'utf8');
      expectSameTrees(text);
      expectSameTrees(text.replace(/\n/g, '\r\n'));
    }
  });

  it('gives the same tree on generated text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => expectSameTrees(pieces.join(''))),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => expectSameTrees(text)), { numRuns: 2000 });
  });

  it('breaks sentences at blank lines as the stock parsers do (the implicit-break plugin runs only where it can act)', () => {
    for (const [, Stock, Fast] of PAIRS) {
      const changed = Fast.prototype.tokenizeParagraphPlugins.filter((plugin, i) => plugin !== Stock.prototype.tokenizeParagraphPlugins[i]);
      expect(changed).toHaveLength(1);
    }
    for (const text of ['a\n\nb', 'a \n \n b', 'a\r\n\r\nb', 'a.\n\nb', 'a\n\t\nb', 'a \r\r b', 'Hi there.\n\nThanks', 'x\r\ny', 'a\n\rb']) expectSameTrees(text);
  });

  it('shares one point per boundary, and never a position (plugins reassign the position.end of a word)', () => {
    const [word, space] = tokenizeSentenceContent('Hello there');
    expect(word.type).toBe('WordNode');
    if (word.type !== 'WordNode') return;
    expect(word.children[0].position!.start).toBe(word.position!.start);
    expect(word.children[0].position!.end).toBe(word.position!.end);
    expect(space.position!.start).toBe(word.position!.end);
    expect(word.children[0].position).not.toBe(word.position);
    expect(word.position!.end).toEqual({ line: 1, column: 6, offset: 5 });
  });

  it('returns no nodes for empty input', () => {
    expect(tokenizeSentenceContent('')).toEqual([]);
    expect(tokenizeSentenceContent(undefined)).toEqual([]);
  });
});
