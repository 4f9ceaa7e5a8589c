// The Markdown inline-syntax scanner (src/formats/text.ts inlineSyntax) replaced one
// alternation regex that was quadratic on a line of many `[` or `<a`. It must strip exactly
// what the regex stripped: checked against that regex (kept here as the reference) on random
// lines made of the syntax's pieces, and on a few hand-written lines.
import { describe, expect, it } from 'vitest';
import { SourceMap, SourceMapBuilder } from '../../src/engine/source-map.js';
import { parseDirectiveComment } from '../../src/formats/directives.js';
import { inlineSyntax, stripMarkdown } from '../../src/formats/text.js';
import type { Directive } from '../../src/formats/types.js';

// The former implementation (the regex and the loop over one line), for comparison.
const INLINE = new RegExp(
  [
    '<!--[\\s\\S]*?-->',
    '`+[^`]*`+',
    '!?\\[([^\\]]*)\\]\\([^)]*\\)',
    '<(?:https?:|mailto:)[^>]*>',
    '</?[A-Za-z][^>]*>',
    '(?:\\*\\*|\\*|~~)(?=\\S)|(?<=\\S)(?:\\*\\*|\\*|~~)|(?<![\\p{L}\\p{N}_{])__?(?=[^\\s_])|(?<=[^\\s_])__?(?![\\p{L}\\p{N}_}])',
  ].join('|'),
  'gu',
);

function referenceStrip(src: string, directives: Directive[]): { text: string; segments: unknown[] } {
  const builder = new SourceMapBuilder();
  let text = '';
  const keep = (from: number, to: number) => {
    if (to <= from) return;
    text += src.slice(from, to);
    builder.verbatim(from, to - from);
  };
  let lineStart = 0;
  while (lineStart < src.length) {
    let lineEnd = src.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = src.length;
    const contentEnd = src[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    let i = lineStart;
    const body = src.slice(0, contentEnd);
    INLINE.lastIndex = i;
    let m: RegExpExecArray | null;
    while ((m = INLINE.exec(body)) !== null) {
      keep(i, m.index);
      if (m[0].startsWith('<!--')) {
        const directive = parseDirectiveComment(m[0].slice(4, -3), m.index);
        if (directive) directives.push(directive);
      } else if (m[1] !== undefined && m[0].includes('](')) {
        const labelStart = m.index + m[0].indexOf('[') + 1;
        keep(labelStart, labelStart + m[1].length);
      }
      i = m.index + m[0].length;
      if (m[0].length === 0) INLINE.lastIndex++;
    }
    keep(i, contentEnd);
    if (lineEnd < src.length) {
      text += '\n';
      builder.replaced(contentEnd, lineEnd + 1, 1);
    }
    lineStart = lineEnd + 1;
  }
  return { text, segments: builder.build().segments };
}

/** stripMarkdown; every test line starts with a letter, so no block prefix is involved. */
function strip(src: string, directives: Directive[]): { text: string; segments: unknown[] } {
  const { text, sourceMap } = stripMarkdown(src, 0, directives);
  return { text, segments: (sourceMap as SourceMap).segments };
}

const PIECES = ['[', ']', '(', ')', '](', '![', '<', '>', '<a', '</b', '<https:', '<mailto:', '<!--', '-->', '`', '``', '*', '**', '_', '__', '~~', '~', '{', '}', ' ', 'x', 'é', '1', '\n', '\r\n', '<!-- msglint-disable spelling -->', '😀'];

function randomLines(seed: number, count: number): string[] {
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const out: string[] = [];
  for (let t = 0; t < count; t++) {
    let line = 'a'; // never a block prefix, a fence or a thematic break
    const len = 1 + rnd(14);
    for (let k = 0; k < len; k++) {
      const piece = PIECES[rnd(PIECES.length)];
      line += piece.includes('\n') ? `${piece}a` : piece;
    }
    out.push(`${line}.`);
  }
  return out;
}

describe('Markdown inline syntax scanner', () => {
  it('strips what the former regex stripped, with the same source map and directives', () => {
    const problems: string[] = [];
    for (const src of [
      'a [label](https://x.y/(z)) and ![img](p.png) **bold** _it_ order_id {{first_name}}',
      'a <b>tag</b> <https://x.y> `code` ``two ` ticks`` ```open',
      'a <!-- msglint-disable-next-line spelling -- why --> text <!-- open',
      'a [[[[ <a<a<a [x]( [y](z ]]] `',
      ...randomLines(7, 4000),
    ]) {
      const mine: Directive[] = [];
      const theirs: Directive[] = [];
      const got = strip(src, mine);
      const want = referenceStrip(src, theirs);
      // stripMarkdown trims the end and leading blank lines; the reference does not.
      if (got.text !== want.text.trimEnd() || JSON.stringify(mine) !== JSON.stringify(theirs)) {
        problems.push(`${JSON.stringify(src)}: ${JSON.stringify(got.text)} vs ${JSON.stringify(want.text)}`);
      } else if (got.text === want.text && JSON.stringify(got.segments) !== JSON.stringify(want.segments)) {
        problems.push(`${JSON.stringify(src)}: source maps differ`);
      }
      if (problems.length > 5) break;
    }
    expect(problems).toEqual([]);
  });

  it('is linear on a line of many `[`, `<a`, `<!--` or `[x](`', () => {
    for (const unit of ['[', '<a', '<!--', '[x](', '![', '`a']) {
      const small = unit.repeat(20_000);
      const big = unit.repeat(160_000);
      const t0 = performance.now();
      stripMarkdown(small, 0, []);
      const t1 = performance.now();
      stripMarkdown(big, 0, []);
      const t2 = performance.now();
      expect(t2 - t1, unit).toBeLessThan(12 * (t1 - t0) + 200);
    }
  });
});

// Conversation-script turns (src/formats/script.ts stripTurn) used a second alternation regex,
// quadratic in the same way; they now use the scanner's turn dialect. The former regex:
const TURN_INLINE = new RegExp(
  [
    '(\\{\\{[^{}]*\\}\\}|\\$\\{[^{}]*\\})',
    '\\\\([!-/:-@[-`{-~])',
    '<!--[\\s\\S]*?-->',
    '`+[^`]*`+',
    '!?\\[([^\\]]*)\\]\\([^)]*\\)',
    '<(?:https?:|mailto:)[^>]*>',
    '</?[A-Za-z][^>]*>',
    '(?:\\*\\*|\\*|~~)(?=\\S)|(?<=\\S)(?:\\*\\*|\\*|~~)',
    '(?<![\\p{L}\\p{N}_])(?:__|_)(?=\\S)|(?<=\\S)(?:__|_)(?![\\p{L}\\p{N}_])',
  ].join('|'),
  'gu',
);

/** What the former loop kept of one line, as [from, to) ranges. */
function referenceTurnLine(line: string): [number, number][] {
  const kept: [number, number][] = [];
  const keep = (from: number, to: number) => to > from && kept.push([from, to]);
  let i = 0;
  TURN_INLINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TURN_INLINE.exec(line)) !== null) {
    if (m[0].length === 0) {
      TURN_INLINE.lastIndex++;
      continue;
    }
    keep(i, m.index);
    if (m[1] !== undefined) keep(m.index, m.index + m[0].length);
    else if (m[2] !== undefined) keep(m.index + 1, m.index + 2);
    else if (m[3] !== undefined) {
      const labelStart = m.index + m[0].indexOf('[') + 1;
      keep(labelStart, labelStart + m[3].length);
    }
    i = m.index + m[0].length;
  }
  keep(i, line.length);
  return kept;
}

function scannerTurnLine(line: string): [number, number][] {
  const kept: [number, number][] = [];
  const keep = (from: number, to: number) => to > from && kept.push([from, to]);
  let i = 0;
  for (const m of inlineSyntax(line, 0, line.length, { turn: true })) {
    keep(i, m.start);
    if (m.label) keep(m.label[0], m.label[1]);
    i = m.end;
  }
  keep(i, line.length);
  return kept;
}

describe('Markdown inline syntax scanner, script-turn dialect', () => {
  const TURN_PIECES = [...PIECES.filter((p) => !p.includes('\n')), '{{', '}}', '${', '$', '\\', '\\*', '\\_', 'first_name', '{{first_name}}'];

  it('keeps what the former turn regex kept', () => {
    let s = 11;
    const rnd = (n: number) => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return s % n;
    };
    const problems: string[] = [];
    const lines = ['Hi {{first_name}}, your order_id is ${id} \\*not bold\\* [here](https://x.y) **now**', '{{a{b}} ${x ${y} {{ }} \\'];
    for (let t = 0; t < 4000; t++) lines.push(Array.from({ length: 1 + rnd(14) }, () => TURN_PIECES[rnd(TURN_PIECES.length)]).join(''));
    for (const line of lines) {
      const want = JSON.stringify(referenceTurnLine(line));
      const got = JSON.stringify(scannerTurnLine(line));
      if (got !== want) problems.push(`${JSON.stringify(line)}: ${got} vs ${want}`);
      if (problems.length > 5) break;
    }
    expect(problems).toEqual([]);
  });

  it('is linear on a turn line of many `[` or `{{`', () => {
    for (const unit of ['[', '{{', '${', '<a']) {
      const t0 = performance.now();
      scannerTurnLine(unit.repeat(20_000));
      const t1 = performance.now();
      scannerTurnLine(unit.repeat(160_000));
      const t2 = performance.now();
      expect(t2 - t1, unit).toBeLessThan(12 * (t1 - t0) + 200);
    }
  });
});
