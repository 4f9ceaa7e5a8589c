// Never hang: the cost of linting must grow (about) linearly with the input. Each case lints
// an input of size n and of size 8n in process, with every rule off except the one under test
// (so each test isolates one code path), and requires t(8n) < 12·t(n) + 150 ms: linear code
// gives a ratio near 8, quadratic code near 64 — a 100 KB input then takes seconds, a 1 MB one
// minutes to hours. The sizes are small so that the whole file runs in seconds; the
// process-level versions with absolute bounds are at the end (MSGLINT_SLOW_TESTS=1).
//
// `it.fails` = a known super-linear path (bug named in the comment): it starts failing once
// fixed; then make it `it`.
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/lint.js';
import { rules } from '../../rules/index.js';
import { SLOW, parseJson, removeDir, runCli, tempDir } from './helpers/cli.js';
import { onlyRules } from './helpers/rules.js';

const ALL_IDS = rules.map((r) => r.meta.id);

function linterWith(keep: string[]): Linter {
  const overrides = Object.fromEntries(ALL_IDS.map((id) => [id, keep.includes(id) ? 'warn' : 'off'] as const));
  return new Linter({ useConfigFiles: false, ruleOverrides: overrides });
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

interface Case {
  /** rules left on (none: the format adapter alone) */
  keep: string[];
  file: string;
  make: (n: number) => string;
  n: number;
}

/** t(n) (best of 3) and t(8n) (once; best of 2 for the controls, which must not flake). */
function measure({ keep, file, make, n }: Case, bigRuns = 1): { small: number; big: number } {
  const linter = linterWith(keep);
  linter.lintText(make(8), file); // warm up: processors, dictionaries, regex compilation
  const smallText = make(n);
  const bigText = make(8 * n);
  const small = Math.min(time(() => linter.lintText(smallText, file)), time(() => linter.lintText(smallText, file)), time(() => linter.lintText(smallText, file)));
  let big = Infinity;
  for (let i = 0; i < bigRuns; i++) big = Math.min(big, time(() => linter.lintText(bigText, file)));
  return { small, big };
}

function expectLinear(c: Case, bigRuns = 1): void {
  const { small, big } = measure(c, bigRuns);
  expect(big, `t(${c.n}) = ${small.toFixed(0)} ms, t(${8 * c.n}) = ${big.toFixed(0)} ms`).toBeLessThan(12 * small + 150);
}

const SENTENCE = 'Your order has shipped and will arrive on Friday, thanks for waiting. ';

// Timing ratios are noisy on a loaded 2-core machine: they run with MSGLINT_SLOW_TESTS=1 (and the
// speed budgets are checked by bench/, not by unit tests).
describe.runIf(SLOW)('linting cost grows linearly with the input', () => {
  // Controls: the method itself (these pass; if they fail, the machine is too loaded to judge).
  it('control: a .txt of ordinary sentences, adapter only', () => expectLinear({ keep: [], file: 'a.txt', make: (n) => SENTENCE.repeat(Math.ceil(n / SENTENCE.length)), n: 20_000 }, 2), 30_000);
  it('control: a catalogue YAML with many messages, spelling on', () =>
    expectLinear({ keep: ['spelling'], file: 'c.yml', make: (n) => `messages:\n${'  - text: "Your order has shipped, frend."\n'.repeat(Math.ceil(n / 44))}`, n: 4_000 }, 2), 30_000);
  it('control: a long run of spaces at the END of a .txt (the trim regex matches at once)', () => expectLinear({ keep: [], file: 'a.txt', make: (n) => 'Hi.' + ' '.repeat(n), n: 20_000 }, 2), 30_000);

  // Trailing whitespace is trimmed with trimEnd (a `/\s+$/u` regex backtracked from every
  // position of a whitespace run that is not at the end: quadratic).
  it('a long run of spaces inside a .txt (trailing-whitespace trim regex)', () =>
    expectLinear({ keep: [], file: 'a.txt', make: (n) => 'Hi.' + ' '.repeat(n) + 'x', n: 3_000 }), 60_000);

  // The same in Markdown (stripMarkdown uses trimEnd).
  it('a long run of blank lines inside a .md (trailing-whitespace trim regex)', () =>
    expectLinear({ keep: [], file: 'a.md', make: (n) => 'Hi.' + '\n'.repeat(n) + 'x', n: 3_000 }), 60_000);

  // The same in Markdown conversation scripts.
  it('a long run of spaces inside a Markdown conversation script turn (trim regex)', () =>
    expectLinear({ keep: [], file: 'chat.script.md', make: (n) => `**Customer:** hi\n\n**Business:** Hello${' '.repeat(n)}x\n`, n: 3_000 }), 60_000);

  // Inline Markdown is found by a scanner that looks each closing delimiter up once per line
  // (src/formats/text.ts inlineSyntax): a line of many `[` without `]` is linear.
  it('a Markdown line of many `[` (inline-syntax regex)', () => expectLinear({ keep: [], file: 'a.md', make: (n) => '['.repeat(n), n: 3_000 }), 60_000);

  // The same with `<a<a<a…` (HTML tags and `<https:` autolinks without `>`).
  it('a Markdown line of many `<a` without `>` (inline-syntax regex)', () => expectLinear({ keep: [], file: 'a.md', make: (n) => '<a'.repeat(n / 2), n: 5_000 }), 60_000);

  // The closing ``` of an .lg block is found without scanning each `${` to its end
  // (src/formats/lg.ts findMultilineEnd): many unclosed `${` in a block are linear.
  it('an .lg multi-line block with many unclosed `${`', () => expectLinear({ keep: [], file: 'a.lg', make: (n) => '# T\n- ```' + '${'.repeat(n / 2) + '```\n', n: 3_000 }), 60_000);

  // (src/language/readability-english.ts): the `syllable` package is quadratic in a word's
  // length; words over 60 characters (a base64 blob, a token) are counted by vowel groups.
  it('readability on one very long word', () => expectLinear({ keep: ['readability'], file: 'a.txt', make: (n) => 'x'.repeat(n), n: 3_000 }), 60_000);

  // no-shouting's grapheme walk (`Intl.Segmenter`, quadratic in V8/ICU on Node 20) runs only
  // on messages short enough for the emoji count to matter: long prose is linear.
  it('no-shouting on a long message of ordinary prose', () =>
    expectLinear({ keep: ['no-shouting'], file: 'a.txt', make: (n) => SENTENCE.repeat(Math.ceil(n / SENTENCE.length)), n: 6_000 }), 60_000);
});

// The same paths as whole runs with an absolute bound (each took > 60 s before the fixes; only
// with MSGLINT_SLOW_TESTS=1). Every rule is off except the one under test. A case with an
// expected error (the unclosed `${`) must give it, positioned, within the bound.
describe.runIf(SLOW)('whole runs with an absolute bound (MSGLINT_SLOW_TESTS=1)', () => {
  const cases: [string, string[], string, string, RegExp?][] = [
    ['300,000 spaces inside a .txt', [], 'a.txt', 'Hi.' + ' '.repeat(300_000) + 'x\n'],
    ['300,000 blank lines inside a .md', [], 'a.md', 'Hi.' + '\n'.repeat(300_000) + 'x\n'],
    ['300,000 `[` in a .md', [], 'a.md', '['.repeat(300_000) + '\n'],
    ['150,000 `${` in an .lg block', [], 'a.lg', '# T\n- ```' + '${'.repeat(150_000) + '```\n', /^Expression `\$\{` is not closed by `\}`/],
    ['a 300,000-character word (readability)', ['readability'], 'a.txt', 'x'.repeat(300_000) + '\n'],
    ['140 KB of prose (no-shouting)', ['no-shouting'], 'a.txt', SENTENCE.repeat(2_000) + '\n'],
  ];
  for (const [name, keep, file, text, error] of cases) {
    it.concurrent(`${name}: within 20 s`, async () => {
      const dir = tempDir('msglint-slow-', { [file]: text, '.lintrc': await onlyRules(keep) });
      try {
        const run = await runCli(['--format', 'json', file], { cwd: dir, timeoutMs: 20_000 });
        expect(run.killed).toBeUndefined();
        if (error) expect(parseJson(run)[0].messages.find((m) => m.fatal)?.message).toMatch(error);
        else expect(run.code).not.toBe(2);
      } finally {
        removeDir(dir);
      }
    }, 30_000);
  }
});
