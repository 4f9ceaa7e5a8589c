// Hostile and broken input, through the CLI as a process (`node bin/msglint.js --format json`;
// `npm test` builds dist/ first). Every bad file must give a clear, positioned error or a
// correct result within a time and memory bound, and never stop the others from being linted:
// a good file is linted alongside (first and last), and its finding must be there. Exit code
// 2 only when an input could not be linted.
//
// The corpus is test/fixtures/bad/ (see its README.md); big and special inputs (50 MB, 1 MB
// line, 10,000 levels of nesting, symlink loops, unreadable files) are made in a temp dir.
// `it.fails` marks a known bug (named in the comment): the test shows it, the suite stays
// green, and the test starts failing once the bug is fixed (then turn it into `it`).
import { chmodSync, closeSync, cpSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../../src/engine/decode.js';
import { FIXTURES, GOOD_NAME, GOOD_TEXT, IS_ROOT, LINUX, SLOW, goodFindingPresent, parseJson, removeDir, runCli, tempDir, type JsonResult, type RunResult } from './helpers/cli.js';

const MB = 1024 * 1024;
/** Memory bound for any single run here, 50 MB inputs included. */
const MAX_RSS_MB = 512;
const CLI_TIMEOUT = 60_000;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name !== 'README.md' && entry.name !== GOOD_NAME) out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

type Expected =
  | { fatal: RegExp; line?: number; column?: number; also?: [string | null, number, number][] }
  | { findings?: [string | null, number, number][]; absent?: RegExp };

// What each corpus file must give. Fatal: one positioned error with `fatal: true` (the file
// could not be linted). Otherwise: no fatal error, and at least these findings (rule, line, column).
const EXPECTED: Record<string, Expected> = {
  'encoding/binary.json': { fatal: /^Binary content \(NUL byte at byte 0\)/, line: 1, column: 1 },
  'encoding/binary.yml': { fatal: /^Binary content \(NUL byte at byte 8\)/ },
  'encoding/bom-only.txt': {},
  'encoding/empty.md': {},
  'encoding/empty.txt': {},
  'encoding/invalid-utf8-line3.txt': { fatal: /^Invalid UTF-8 at byte 43; save the file as UTF-8/ },
  'encoding/invalid-utf8.txt': { fatal: /^Invalid UTF-8 at byte 6;/ },
  'encoding/overlong-utf8.txt': { fatal: /^Invalid UTF-8 at byte 6;/ },
  'encoding/surrogate-cesu8.txt': { fatal: /^Invalid UTF-8 at byte 6;/ },
  'encoding/utf16be-bom.txt': { findings: [['spelling', 2, 12]] },
  'encoding/utf16le-bom.txt': { findings: [['spelling', 2, 12]] },
  'encoding/utf16le-bom.yml': { findings: [['spelling', 2, 23]] },
  // UTF-16 without a BOM cannot be told from binary: reported, not linted as mojibake.
  'encoding/utf16le-no-bom.txt': { fatal: /^Binary content/ },
  'encoding/utf8-bom.md': { findings: [['spelling', 4, 12]] },
  'encoding/whitespace-only.txt': {},
  'json/comment.json': { fatal: /^Cannot parse JSON/, line: 1, column: 1 },
  // A duplicated key is reported (strict YAML loaders reject it), and the last value, the one
  // JSON.parse keeps, is linted.
  'json/duplicate-text.json': { fatal: /^Duplicate key `text`: the last value replaces the earlier one$/, line: 1, column: 102, also: [['no-promotional-content', 1, 111]] },
  'json/empty.json': { fatal: /^Cannot parse JSON: Unexpected end of JSON input/ },
  'json/messages-not-list.json': { fatal: /^No msglint format recognises this file/ },
  'json/not-a-format.json': { fatal: /^No msglint format recognises this file/ },
  'json/single-quotes.json': { fatal: /^Cannot parse JSON/, line: 1, column: 2 },
  'json/surrogates-and-nul.json': { findings: [['spelling', 1, 38], ['spelling', 1, 79]] },
  'json/top-level-string.json': { fatal: /^No msglint format recognises this file/ },
  'json/trailing-comma-multiline.json': { fatal: /^Cannot parse JSON: Unexpected token '\]'$/, line: 4, column: 3 },
  'json/trailing-comma.json': { fatal: /^Cannot parse JSON/ },
  'json/truncated.json': { fatal: /^Cannot parse JSON: Unterminated string/, line: 1 },
  'json/yaml-in-json.json': { fatal: /^Cannot parse JSON/, line: 1, column: 1 },
  'lg/brace-prose.lg': { findings: [['spelling', 2, 22], ['spelling', 5, 13]] },
  'lg/nested-expression.lg': { findings: [['spelling', 2, 25]] },
  'lg/unclosed-expression.lg': { fatal: /^Expression `\$\{` is not closed by `\}`/, line: 2, column: 9, also: [['spelling', 2, 21]] },
  'lg/unterminated-multiline.lg': { fatal: /^Multi-line text opened with ``` on line 5 \(template `Long`\) is not closed/, line: 5, column: 3 },
  'lg/unterminated-structure.lg': { fatal: /^Structure `\[HeroCard` opened on line 2 \(template `Card`\) is not closed/, line: 2, column: 1 },
  'markdown/front-matter-invalid.md': { fatal: /^Invalid front matter/ },
  'markdown/front-matter-not-mapping.md': { fatal: /^Front matter must be a YAML mapping/, line: 2, column: 1 },
  'markdown/front-matter-prototype-keys.md': { fatal: /^Unknown front matter key `constructor`/ },
  'markdown/only-front-matter-no-eol.md': {},
  'markdown/only-front-matter.md': {},
  'markdown/unclosed-syntax.md': { findings: [['spelling', 1, 9]] },
  'markdown/unterminated-front-matter.md': { fatal: /^Front matter opened with `---` on line 1 is not closed/, line: 1, column: 1 },
  'text/combining-only.txt': {},
  'text/control-chars.txt': { findings: [['spelling', 1, 19]] },
  'text/cr-only.txt': { findings: [['spelling', 2, 12]] }, // a lone CR is a line break
  'text/emoji-only.txt': {},
  'text/mixed-line-endings.txt': { findings: [['spelling', 3, 7]] },
  'text/placeholders.txt': { findings: [['spelling', 1, 80]], absent: /frist_name/ },
  'text/placeholders.yml': { findings: [['spelling', 2, 67], ['spelling', 3, 48]], absent: /frist_name/ },
  // Arabic and Hebrew in an English file: one finding for the message (it is not English).
  'text/rtl.txt': { findings: [['spelling', 1, 1]] },
  'text/rtl-in-english.txt': { findings: [['spelling', 1, 25], ['spelling', 1, 37]] },
  'text/zero-width-in-words.txt': {},
  'text/zero-width.txt': {},
  'yaml/alias-bomb-locale/locales/en.yml': { fatal: /^No msglint format recognises this file/ },
  // `utter_other: *i` is read as the list `*i` names (never expanded): its items are lists, not
  // variations, reported where they are written.
  'yaml/alias-bomb-rasa/domain.yml': { fatal: /^Variation 0 of `utter_other` must be a mapping with a `text` field/, line: 10, column: 10, also: [['spelling', 13, 19]] },
  'yaml/alias-bomb.yml': { fatal: /^messages\[0\] has no `text` string/, line: 11, column: 11, also: [['spelling', 12, 17]] },
  'yaml/alias-quick-replies.yml': { findings: [['platform-limits', 2, 25]] },
  'yaml/anchors.yml': { findings: [['spelling', 4, 23]] },
  'yaml/bad-indent.yml': { fatal: /^Cannot parse YAML: Sequence item without - indicator/, line: 3, column: 1 },
  'yaml/duplicate-text.yml': { fatal: /^Duplicate key `text`: the last value replaces the earlier one$/, line: 5, column: 5, also: [['no-promotional-content', 5, 11]] },
  'yaml/empty.yml': { fatal: /^No msglint format recognises this file/ },
  'yaml/multi-document.yml': { fatal: /multiple documents/, line: 3, column: 1 },
  'yaml/only-comments.yml': { fatal: /^No msglint format recognises this file/ },
  'yaml/prototype-channel/domain.yml': { findings: [['max-length', 4, 52]] },
  'yaml/prototype-tag.yml': { findings: [['valid-message-tag', 7, 10]] },
  'yaml/tabs.yml': { fatal: /^Cannot parse YAML: Tabs are not allowed as indentation/, line: 2, column: 1 },
  'yaml/unterminated-quote.yml': { fatal: /^Unterminated quoted string: missing closing quote/, line: 2, column: 11 },
};

const isFatal = (e: Expected): e is Extract<Expected, { fatal: RegExp }> => 'fatal' in e;

function has(result: JsonResult | undefined, ruleId: string | null, line: number, column: number, message?: RegExp): boolean {
  return Boolean(result?.messages.some((m) => m.ruleId === ruleId && m.line === line && m.column === column && (!message || message.test(m.message))));
}

describe('the bad-input corpus (test/fixtures/bad), in one run with a good file first and last', () => {
  const files = listFiles(FIXTURES);
  let dir: string;
  let run: RunResult;
  let results: JsonResult[];
  const byPath = (path: string) => results.find((r) => r.filePath === path);

  beforeAll(async () => {
    dir = tempDir('msglint-bad-');
    cpSync(FIXTURES, dir, { recursive: true });
    mkdirSync(join(dir, 'last'), { recursive: true });
    writeFileSync(join(dir, 'last', GOOD_NAME), GOOD_TEXT);
    run = await runCli(['--format', 'json', '--no-config', GOOD_NAME, ...files, `last/${GOOD_NAME}`], { cwd: dir, timeoutMs: CLI_TIMEOUT, maxRssMb: MAX_RSS_MB });
    results = parseJson(run);
  }, CLI_TIMEOUT + 10_000);
  afterAll(() => removeDir(dir));

  it('every corpus file has an expectation (add one when you add a fixture)', () => {
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !files.includes(f))).toEqual([]);
  });

  it('finishes within the time and memory bound, exit 2, nothing on stderr but notes', () => {
    expect(run.killed).toBeUndefined();
    expect(run.ms).toBeLessThan(CLI_TIMEOUT);
    if (run.peakRssMb !== undefined) expect(run.peakRssMb).toBeLessThan(MAX_RSS_MB);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/internal error/i);
  });

  it('reports every file, in order, and the good file first and last', () => {
    expect(results.map((r) => r.filePath)).toEqual([GOOD_NAME, ...files, `last/${GOOD_NAME}`]);
    expect(goodFindingPresent([results[0]])).toBe(true);
    expect(goodFindingPresent([results[results.length - 1]])).toBe(true);
  });

  it('gives each file its clear, positioned error or its correct findings', () => {
    const problems: string[] = [];
    for (const file of files) {
      const expected = EXPECTED[file];
      const result = byPath(file)!;
      const fatal = result.messages.filter((m) => m.fatal);
      const show = JSON.stringify(result.messages.map((m) => [m.ruleId, m.message.slice(0, 80), m.line, m.column, m.fatal ?? false]));
      if (isFatal(expected)) {
        if (fatal.length === 0 || !fatal.some((m) => expected.fatal.test(m.message))) problems.push(`${file}: expected a fatal error ${expected.fatal}, got ${show}`);
        const first = fatal.find((m) => expected.fatal.test(m.message));
        if (first && expected.line !== undefined && (first.line !== expected.line || (expected.column !== undefined && first.column !== expected.column))) {
          problems.push(`${file}: fatal error at ${first.line}:${first.column}, expected ${expected.line}:${expected.column ?? '*'}`);
        }
        if (result.fatalErrorCount < 1) problems.push(`${file}: fatalErrorCount ${result.fatalErrorCount}`);
        for (const [rule, line, column] of expected.also ?? []) if (!has(result, rule, line, column)) problems.push(`${file}: missing ${rule} at ${line}:${column}; got ${show}`);
      } else {
        if (fatal.length > 0) problems.push(`${file}: unexpected fatal error ${show}`);
        for (const [rule, line, column] of expected.findings ?? []) if (!has(result, rule, line, column)) problems.push(`${file}: missing ${rule} at ${line}:${column}; got ${show}`);
        if (expected.absent && result.messages.some((m) => expected.absent!.test(m.message))) problems.push(`${file}: unexpected ${expected.absent}; got ${show}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('puts every position inside the file (line and column exist in the decoded text)', () => {
    const problems: string[] = [];
    for (const file of files) {
      const result = byPath(file)!;
      let text = '';
      try {
        text = decode(readFileSync(join(FIXTURES, file))).text;
      } catch {
        text = new TextDecoder().decode(readFileSync(join(FIXTURES, file))); // undecodable: positioned in the text before the bad byte
      }
      const lines = text.split(/\r\n|\r|\n/);
      for (const m of result.messages) {
        const ok = (line: number, column: number) => line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1].length + 1;
        if (!ok(m.line, m.column) || (m.endLine !== undefined && !ok(m.endLine, m.endColumn ?? 1))) problems.push(`${file}: ${m.ruleId} at ${m.line}:${m.column}-${m.endLine}:${m.endColumn} is outside the file`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('exit code 2 only when an input could not be linted', async () => {
    const lintable = files.filter((f) => !isFatal(EXPECTED[f]));
    const only = await runCli(['--format', 'json', '--no-config', ...lintable, GOOD_NAME], { cwd: dir, timeoutMs: CLI_TIMEOUT, maxRssMb: MAX_RSS_MB });
    const onlyResults = parseJson(only);
    expect(onlyResults.every((r) => r.fatalErrorCount === 0)).toBe(true);
    expect([0, 1]).toContain(only.code);
    expect(goodFindingPresent(onlyResults)).toBe(true);
    // …and one unreadable input among good ones is enough for 2.
    const one = await runCli(['--format', 'json', '--no-config', GOOD_NAME, 'encoding/invalid-utf8.txt'], { cwd: dir, timeoutMs: CLI_TIMEOUT });
    expect(one.code).toBe(2);
    expect(goodFindingPresent(parseJson(one))).toBe(true);
  }, 2 * CLI_TIMEOUT);

  // ── Known bugs, shown on the same run ─────────────────────────────────────────────────

  // A duplicated key is reported at the repeated key, and the value that takes effect (the last,
  // as in JSON.parse) is the one linted: here the promotional text of a tagged message.
  it('a duplicated `text` key is reported, or the value that takes effect is linted', () => {
    for (const file of ['json/duplicate-text.json', 'yaml/duplicate-text.yml']) {
      const result = byPath(file)!;
      const reported = result.messages.some((m) => /duplicate|unique/i.test(m.message)) || result.messages.some((m) => m.ruleId === 'no-promotional-content');
      expect(reported, file).toBe(true);
    }
  });

  // YAML aliases are read as the node their anchor names (one level at a time, never expanded),
  // and findings point at the anchored text: `quick_replies: *replies` is checked (the 38-char
  // quick reply on line 2), and an item `- *first` is the message it names.
  it('YAML aliases are read as the node they name (quick_replies: *replies)', () => {
    expect(byPath('yaml/alias-quick-replies.yml')!.messages.some((m) => m.ruleId === 'platform-limits' && m.line === 2)).toBe(true);
  });
  it('an item that is an alias of a message mapping is not an error', () => {
    expect(byPath('yaml/anchors.yml')!.fatalErrorCount).toBe(0);
  });

  // Invalid UTF-8 is reported at the line and column of the first bad byte (in the text
  // decoded before it), as well as by its byte offset in the message.
  it('invalid UTF-8 is positioned on its line', () => {
    const m = byPath('encoding/invalid-utf8-line3.txt')!.messages[0];
    expect([m.line, m.column]).toEqual([3, 7]);
  });

  // A JSON syntax error is positioned where JSON.parse stops (found by src/formats/json-error.ts,
  // since Node 20's "Unexpected token ']', …" names no position), in a one-line message.
  it('a JSON syntax error (trailing comma) is positioned where it is', () => {
    const m = byPath('json/trailing-comma-multiline.json')!.messages[0];
    expect([m.line, m.column]).toEqual([4, 3]);
    expect(m.message).not.toMatch(/\n/);
  });

  // BUG (src/formats/text.ts markdownAdapter: `FRONT_MATTER_KEYS[key]` on a plain object):
  // `constructor`, `toString`, `__proto__` are found on Object.prototype, so these unknown
  // front matter keys are accepted silently instead of "Unknown front matter key".
  it('prototype names are unknown front matter keys', () => {
    expect(byPath('markdown/front-matter-prototype-keys.md')!.messages.some((m) => /Unknown front matter key/.test(m.message))).toBe(true);
  });

  // BUG (rules/valid-message-tag.ts: `data.tags[tag]`): `tag: constructor` and `tag: __proto__`
  // find Object.prototype members, so these bogus tags are not reported (BOGUS_TAG is).
  it('prototype names are unknown message tags', () => {
    const result = byPath('yaml/prototype-tag.yml')!;
    expect(has(result, 'valid-message-tag', 3, 10)).toBe(true);
    expect(has(result, 'valid-message-tag', 5, 10)).toBe(true);
  });

  // BUG (src/formats/rasa.ts variationMessages: `CHANNELS[rasaChannel.toLowerCase()] ?? 'generic'`):
  // `channel: constructor` makes the message's channel the `Object` function, and
  // platform-limits silently skips the 1170-character text (with `channel: slack` it is reported).
  it('a Rasa channel named like an Object property is still a channel (platform-limits applies)', () => {
    expect(byPath('yaml/prototype-channel/domain.yml')!.messages.some((m) => m.ruleId === 'platform-limits')).toBe(true);
  });

  // Only what JSON.parse accepts (each `${…}` standing for a value) is skipped as a JSON
  // payload: `- {name}, thanks for …${product}` and `- [Note] we … [Mon-Fri]` are prose.
  it('an .lg variation that starts with `{name}` and ends with `${…}` is prose, not JSON', () => {
    const result = byPath('lg/brace-prose.lg');
    expect(has(result, 'spelling', 2, 22)).toBe(true);
    expect(has(result, 'spelling', 5, 13)).toBe(true);
  });

  // Lines are broken by `\r\n`, `\n` and a lone `\r` (classic Mac), as ESLint and LSP count them.
  it('a lone CR is a line break for positions (as ESLint and LSP)', () => {
    expect(has(byPath('text/cr-only.txt'), 'spelling', 2, 12)).toBe(true);
  });
});

describe('generated inputs: nesting, symlinks, unreadable files', () => {
  const deepFiles = (n: number) => ({
    'deep.json': `{"messages": [{"text": "Hello there.", "x": ${'['.repeat(n)}${']'.repeat(n)}}]}`,
    'deep-array.json': `${'['.repeat(n)}${']'.repeat(n)}`,
    'deep.yml': `messages:\n  - text: Hello there.\n    x: ${'['.repeat(n)}${']'.repeat(n)}\n`,
    'locales/en.json': `${'{"a": '.repeat(n)}"Hello frend"${'}'.repeat(n)}`,
    [GOOD_NAME]: GOOD_TEXT,
  });

  it('one file with 10,000 levels of nesting: a positioned error, bounded, the run goes on', async () => {
    const dir = tempDir('msglint-deep-', deepFiles(10_000));
    try {
      const run = await runCli(['--format', 'json', '--no-config', 'deep.json', GOOD_NAME], { cwd: dir, timeoutMs: CLI_TIMEOUT, maxRssMb: MAX_RSS_MB });
      expect(run.killed).toBeUndefined();
      const results = parseJson(run);
      expect(run.code).toBe(2);
      expect(goodFindingPresent(results)).toBe(true);
      // "Nesting too deep: more than 256 levels …", at the level past the limit.
      expect(results[0].fatalErrorCount).toBe(1);
      expect(results[0].messages[0].line).toBe(1);
      expect(results[0].messages[0].column).toBeGreaterThan(1);
    } finally {
      removeDir(dir);
    }
  }, CLI_TIMEOUT + 10_000);

  // Nesting deeper than 256 levels is refused with a positioned error before the yaml composer
  // runs (src/formats/yaml-document.ts MAX_NESTING), so its recursion cannot overflow the stack
  // (after one overflow inside its regexps, the next deep file used to abort node: SIGABRT).
  it('several files with 10,000 levels of nesting (JSON, YAML, locale JSON) in one run: each a positioned error, the run goes on', async () => {
    const dir = tempDir('msglint-deep-', deepFiles(10_000));
    try {
      const names = ['deep.json', 'deep-array.json', 'deep.yml', 'locales/en.json'];
      const run = await runCli(['--format', 'json', '--no-config', ...names, GOOD_NAME], { cwd: dir, timeoutMs: CLI_TIMEOUT, maxRssMb: MAX_RSS_MB });
      expect(run.signal).toBeNull(); // today: SIGABRT
      const results = parseJson(run);
      expect(goodFindingPresent(results)).toBe(true);
      for (const name of names) expect(results.find((r) => r.filePath === name)?.fatalErrorCount, name).toBe(1);
    } finally {
      removeDir(dir);
    }
  }, CLI_TIMEOUT + 10_000);

  it('a symlink loop in a linted directory: the walk terminates and the other files are linted', async () => {
    const dir = tempDir('msglint-loop-', { [`content/${GOOD_NAME}`]: GOOD_TEXT });
    try {
      mkdirSync(join(dir, 'content', 'sub'));
      symlinkSync('..', join(dir, 'content', 'sub', 'up')); // directory loop
      symlinkSync('loop-b.txt', join(dir, 'content', 'loop-a.txt')); // file loop
      symlinkSync('loop-a.txt', join(dir, 'content', 'loop-b.txt'));
      symlinkSync('nowhere.txt', join(dir, 'content', 'dangling.txt'));
      const run = await runCli(['--format', 'json', '--no-config', 'content'], { cwd: dir, timeoutMs: 30_000, maxRssMb: MAX_RSS_MB });
      expect(run.killed).toBeUndefined();
      const results = parseJson(run);
      // Symbolic links are not followed in directory walks (neither to directories nor to files).
      expect(results.map((r) => r.filePath)).toEqual([`content/${GOOD_NAME}`]);
      expect(goodFindingPresent(results)).toBe(true);
      expect(run.code).toBe(0);
    } finally {
      removeDir(dir);
    }
  }, 40_000);

  // A symlink loop (ELOOP) named on the command line is that file's fatal error (exit 2), not
  // a usage error: the other files are linted. Only a missing path stops the run.
  it('a symlink loop named on the command line is reported for that file, and the run goes on', async () => {
    const dir = tempDir('msglint-loop-', { [GOOD_NAME]: GOOD_TEXT });
    try {
      symlinkSync('loop-b.txt', join(dir, 'loop-a.txt'));
      symlinkSync('loop-a.txt', join(dir, 'loop-b.txt'));
      const run = await runCli(['--format', 'json', '--no-config', 'loop-a.txt', GOOD_NAME], { cwd: dir, timeoutMs: 30_000 });
      expect(run.killed).toBeUndefined();
      const results = parseJson(run);
      expect(goodFindingPresent(results)).toBe(true);
      expect(results.find((r) => r.filePath === 'loop-a.txt')?.messages[0].message).toMatch(/ELOOP|symbolic links/i);
      expect(run.code).toBe(2);
    } finally {
      removeDir(dir);
    }
  }, 40_000);

  // chmod 000 does not stop root. As root, the test runs msglint as `nobody` (uid 65534), which
  // really cannot read the file; when that is impossible (not Linux, or no such user), it is
  // skipped rather than passing vacuously.
  const canDropPrivileges = IS_ROOT && LINUX;
  const unreadableTest = !IS_ROOT || canDropPrivileges ? it : it.skip;
  unreadableTest(`an unreadable file (chmod 000) is reported and the others are linted${IS_ROOT ? ' (run as uid 65534)' : ''}`, async () => {
    const dir = tempDir('msglint-unreadable-', { [GOOD_NAME]: GOOD_TEXT, 'secret.txt': 'Hello frend.\n' });
    try {
      chmodSync(join(dir, 'secret.txt'), 0o000);
      const asNobody = IS_ROOT ? { uid: 65534, gid: 65534, env: { HOME: dir } } : {};
      const run = await runCli(['--format', 'json', '--no-config', 'secret.txt', GOOD_NAME], { cwd: dir, timeoutMs: 30_000, ...asNobody });
      const results = parseJson(run);
      expect(results[0]).toMatchObject({ filePath: 'secret.txt', fatalErrorCount: 1 });
      expect(results[0].messages[0]).toMatchObject({ fatal: true, line: 1, column: 1 });
      expect(results[0].messages[0].message).toBe('Cannot read file: EACCES');
      expect(goodFindingPresent(results)).toBe(true);
      expect(run.code).toBe(2);
      // The same in a directory walk.
      const walk = parseJson(await runCli(['--format', 'json', '--no-config', '.'], { cwd: dir, timeoutMs: 30_000, ...asNobody }));
      expect(walk.find((r) => r.filePath === 'secret.txt')?.messages[0].message).toBe('Cannot read file: EACCES');
      expect(goodFindingPresent(walk)).toBe(true);
    } finally {
      chmodSync(join(dir, 'secret.txt'), 0o644);
      removeDir(dir);
    }
  }, 60_000);
});

describe('standard input', () => {
  it('ordinary UTF-8 on stdin is linted with positions', async () => {
    const run = await runCli(['--format', 'json', '--no-config', '--stdin', '--stdin-filename', 'draft.txt'], { input: `Hello there.\n${GOOD_TEXT}`, timeoutMs: 30_000 });
    expect(parseJson(run)[0].messages.some((m) => m.ruleId === 'spelling' && m.line === 2 && m.column === 12)).toBe(true);
  }, 40_000);

  // Standard input is read as bytes and decoded exactly as a file is: UTF-16 with a BOM is
  // linted, invalid UTF-8 and binary content are positioned errors (exit 2), never mojibake.
  it('stdin is decoded like a file (UTF-16 with a BOM is linted; invalid UTF-8 is reported)', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello frend.\n', 'utf16le')]);
    const [a, b] = await Promise.all([
      runCli(['--format', 'json', '--no-config', '--stdin', '--stdin-filename', 'draft.txt'], { input: utf16, timeoutMs: 30_000 }),
      runCli(['--format', 'json', '--no-config', '--stdin', '--stdin-filename', 'draft.txt'], { input: Buffer.from([0x48, 0x69, 0x20, 0xff, 0x0a]), timeoutMs: 30_000 }),
    ]);
    expect(parseJson(a)[0].messages.some((m) => m.ruleId === 'spelling' && m.column === 7)).toBe(true);
    expect(parseJson(b)[0].messages[0]).toMatchObject({ message: expect.stringMatching(/Invalid UTF-8 at byte 3/), line: 1, column: 4 });
    expect(b.code).toBe(2);
  }, 40_000);
});

/**
 * Writes a file of exactly `size` bytes: `head`, then `chunk` repeated (whole chunks only, the
 * gap before `tail` filled with newlines), then `tail` — without holding it in memory.
 */
function writeBig(path: string, size: number, chunk: string, tail: Uint8Array = new Uint8Array(), head: Uint8Array = new Uint8Array()): void {
  const one = Buffer.from(chunk);
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor((64 * 1024) / one.length))));
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  let left = size - head.length - tail.length;
  while (left >= one.length) {
    const n = Math.min(block.length, left - (left % one.length));
    writeSync(fd, block, 0, n);
    left -= n;
  }
  writeSync(fd, Buffer.alloc(left, 0x0a));
  writeSync(fd, tail);
  closeSync(fd);
}

describe('big inputs (made at test time in a temp dir): bounded time and memory', () => {
  const SENTENCE = 'Your order has shipped and arrives on Friday, thanks for waiting. ';

  // These two run with `--max-file-size 0` (no limit): decoding a big file is bounded by itself.
  it.concurrent('a 50 MB file with a NUL byte (binary with a .txt name): reported within 60 s and 512 MB', async () => {
    const dir = tempDir('msglint-50mb-', { [GOOD_NAME]: GOOD_TEXT });
    try {
      writeBig(join(dir, 'big.txt'), 50 * MB, 'Hello there, your order has shipped.\n', Buffer.from('\0 and the rest\n'));
      expect(statSync(join(dir, 'big.txt')).size).toBe(50 * MB);
      const run = await runCli(['--format', 'json', '--no-config', '--max-file-size', '0', 'big.txt', GOOD_NAME], { cwd: dir, timeoutMs: CLI_TIMEOUT, maxRssMb: MAX_RSS_MB });
      expect(run.killed).toBeUndefined();
      const results = parseJson(run);
      expect(results[0].messages[0].message).toMatch(/^Binary content \(NUL byte at byte 524\d{5}\)/);
      expect(goodFindingPresent(results)).toBe(true);
      expect(run.code).toBe(2);
      expect(run.peakRssMb ?? 0).toBeLessThan(MAX_RSS_MB);
    } finally {
      removeDir(dir);
    }
  }, CLI_TIMEOUT + 30_000);

  it.concurrent('a 50 MB file with invalid UTF-8 at its end: reported within 60 s and 512 MB', async () => {
    const dir = tempDir('msglint-50mb-', { [GOOD_NAME]: GOOD_TEXT });
    try {
      writeBig(join(dir, 'big.txt'), 50 * MB, SENTENCE, Buffer.from([0xff, 0x0a]));
      const run = await runCli(['--format', 'json', '--no-config', '--max-file-size', '0', 'big.txt', GOOD_NAME], { cwd: dir, timeoutMs: CLI_TIMEOUT, maxRssMb: MAX_RSS_MB });
      expect(run.killed).toBeUndefined();
      const results = parseJson(run);
      expect(results[0].messages[0].message).toBe(`Invalid UTF-8 at byte ${50 * MB - 2}; save the file as UTF-8`);
      expect(goodFindingPresent(results)).toBe(true);
      expect(run.code).toBe(2);
      expect(run.peakRssMb ?? 0).toBeLessThan(MAX_RSS_MB);
    } finally {
      removeDir(dir);
    }
  }, CLI_TIMEOUT + 30_000);

  // A file named on the command line that is over --max-file-size (default 2 MB) is not read:
  // a fatal error names the file, its size and the flag (exit 2); the other files are linted.
  it.concurrent('a 50 MB prose .txt file: a result or a clear error within 60 s and 512 MB', async () => {
    const dir = tempDir('msglint-50mb-', { [GOOD_NAME]: GOOD_TEXT });
    try {
      writeBig(join(dir, 'big.txt'), 50 * MB, SENTENCE.replace(/ $/, '\n'));
      const run = await runCli(['--format', 'json', '--no-config', 'big.txt', GOOD_NAME], { cwd: dir, timeoutMs: CLI_TIMEOUT, maxRssMb: MAX_RSS_MB });
      expect(run.killed).toBeUndefined();
      const results = parseJson(run);
      expect(results[0]).toMatchObject({ filePath: 'big.txt', fatalErrorCount: 1 });
      expect(results[0].messages[0].message).toMatch(/^File too large to lint: big\.txt is 50 MB, over the 2 MB limit.*--max-file-size/);
      expect(goodFindingPresent(results)).toBe(true);
      expect(run.code).toBe(2);
    } finally {
      removeDir(dir);
    }
  }, CLI_TIMEOUT + 30_000);

  // A file over --max-file-size found in a directory walk (a product feed, a fixture) is not
  // read nor parsed: it is skipped with a one-line notice on stderr.
  it.concurrent('a 50 MB JSON data file in a directory walk is skipped (or reported) within 60 s and 512 MB', async () => {
    const dir = tempDir('msglint-50mb-', { [`content/${GOOD_NAME}`]: GOOD_TEXT });
    try {
      const row = '{"id": 12345, "name": "Some product", "price": 12.5, "tags": ["a", "b"]},\n';
      writeBig(join(dir, 'content', 'data.json'), 50 * MB, row, Buffer.from('{}]}\n'), Buffer.from('{"rows": [\n'));
      const run = await runCli(['--format', 'json', '--no-config', 'content'], { cwd: dir, timeoutMs: CLI_TIMEOUT, maxRssMb: MAX_RSS_MB });
      expect(run.killed).toBeUndefined();
      expect(goodFindingPresent(parseJson(run))).toBe(true);
      expect(run.stderr).toMatch(/skipped content\/data\.json: 50 MB, over the 2 MB limit \(--max-file-size\)/);
    } finally {
      removeDir(dir);
    }
  }, CLI_TIMEOUT + 30_000);

  // A 1 MB single line of prose. Rules with a known super-linear cost on long messages are
  // turned off here (see complexity.test.ts and the report: no-shouting's Intl.Segmenter walk
  // takes hours on this line); the full run is the it.fails below (MSGLINT_SLOW_TESTS=1).
  it('a 1 MB single line: linted within 60 s and 768 MB, positions on line 1', async () => {
    const { slowRuleIds } = await import('./helpers/rules.js');
    const dir = tempDir('msglint-1mb-', { [GOOD_NAME]: GOOD_TEXT });
    try {
      const body = SENTENCE.repeat(Math.floor((MB - 7) / SENTENCE.length));
      const line = body + ' '.repeat(MB - 7 - body.length) + ' frend';
      expect(line.length).toBe(MB - 1);
      writeFileSync(join(dir, 'line.txt'), line + '\n');
      const off = (await slowRuleIds()).flatMap((id) => ['--rule', `${id}:off`]);
      const run = await runCli(['--format', 'json', '--no-config', ...off, 'line.txt', GOOD_NAME], { cwd: dir, timeoutMs: CLI_TIMEOUT, maxRssMb: 768 });
      expect(run.killed).toBeUndefined();
      const results = parseJson(run);
      expect(results[0].fatalErrorCount).toBe(0);
      expect(results[0].messages.every((m) => m.line === 1 && (m.endLine ?? 1) === 1)).toBe(true);
      expect(has(results[0], 'spelling', 1, MB - 5)).toBe(true); // `frend` at the very end
      expect(goodFindingPresent(results)).toBe(true);
    } finally {
      removeDir(dir);
    }
  }, CLI_TIMEOUT + 30_000);

  // Was a bug (no-shouting segmented every message for emoji, quadratic in V8; now only short
  // ones): with every rule, the 1 MB line did not finish in 60 s.
  (SLOW ? it : it.skip)('a 1 MB single line with every rule: within 60 s (MSGLINT_SLOW_TESTS=1)', async () => {
    const dir = tempDir('msglint-1mb-', { [GOOD_NAME]: GOOD_TEXT });
    try {
      writeFileSync(join(dir, 'line.txt'), SENTENCE.repeat(Math.ceil(MB / SENTENCE.length)).slice(0, MB) + '\n');
      const run = await runCli(['--format', 'json', '--no-config', 'line.txt', GOOD_NAME], { cwd: dir, timeoutMs: CLI_TIMEOUT, maxRssMb: MAX_RSS_MB });
      expect(run.killed).toBeUndefined();
      expect(goodFindingPresent(parseJson(run))).toBe(true);
    } finally {
      removeDir(dir);
    }
  }, CLI_TIMEOUT + 30_000);
});
