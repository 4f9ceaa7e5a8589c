// Config globs (overrides, excludedFiles, ignorePatterns) are matched by src/engine/glob.ts on
// re2js in linear time. Its semantics follow picomatch (`dot: true`), checked here against
// picomatch itself on a table of globs and paths. `.lintignore` / `--ignore-pattern` (gitignore
// syntax) are compiled to the same matcher, checked against the `ignore` package.
import ignore from 'ignore';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileGlob, escapeGlob, GlobError, globMatcher } from '../../src/engine/glob.js';
import { gitignored, parseGitignore } from '../../src/engine/ignore.js';

const GLOBS = [
  '*.md', '*a*a*ab', '**/*.txt', '**', 'a/**', 'templates/updates/**', 'src/**/*.{yml,yaml}', '[abc]?.txt', 'a/**/b', '/abs/x/**/*.md',
  '*.+(yml|json)', '*(a|b).txt', '@(a|b)', 'foo', '{1..3}.txt', 'a/{b,c/**}/x', '*', '**/.git/**', './a.txt', 'a?c', 'a{,.md}', '{a,b',
  '{a}', '[[:alpha:]].txt', 'a\\*b', 'foo/*', '!x.md', 'a/*/b', '**/draft-*', 'legacy/**', '/p/sub/**/legacy/**', '.*', 'x/**/y/**/z',
];
const PATHS = [
  'a', 'b', 'a.txt', '2.txt', '4.txt', 'x/a.txt', '../x.txt', 'templates/updates', 'templates/updates/a/b.txt', 'templates/updatesx',
  'templates/updates/draft-x.txt', 'src/a/b.yml', 'src/b.yaml', 'src/b.yml.x', 'a1.txt', 'aa.txt', 'ab', 'a/b', 'a/x/y/b', 'a/c/d/e/x',
  'a/b/x', '/abs/x/y.md', '/abs/x/z/y.md', 'q.yml', 'q.json', 'q.jsonjson', 'foo', '.hidden', 'x/.git/y', 'a*b', 'abab.txt', 'a.md',
  'x.md', 'y.md', 'notes/a.md', 'a/./b', 'a/../b', 'legacy/a.txt', '/p/sub/legacy/a.txt', '/p/sub/q/legacy/a/b.txt', '..', '.x',
  'x/y/z', 'x/q/y/r/z', '{a}', '{a,b', '/b',
];

describe('glob semantics (as picomatch with dot: true)', () => {
  for (const glob of GLOBS) {
    it(glob, () => {
      const expected = picomatch(glob, { dot: true });
      const actual = compileGlob(glob);
      expect(PATHS.filter((p) => actual(p) !== expected(p))).toEqual([]);
    });
  }

  it('matchBase: a glob without `/` matches the file name at any depth', () => {
    const expected = picomatch('*.md', { dot: true, matchBase: true });
    const actual = globMatcher(['*.md'], { matchBase: true });
    for (const p of PATHS) expect(actual(p), p).toBe(expected(p));
  });

  it('escapeGlob makes a folder name literal', () => {
    const dir = '/tmp/[draft] {a,b} (x)!';
    expect(compileGlob(`${escapeGlob(dir)}/**`)(`${dir}/a.txt`)).toBe(true);
    expect(compileGlob(`${escapeGlob(dir)}/**`)('/tmp/d a/a.txt')).toBe(false);
  });
});

describe('linear time; what cannot be matched so is refused', () => {
  it('catastrophic globs on long names and deep paths take milliseconds', () => {
    const start = performance.now();
    expect(compileGlob('*a*a*a*a*a*a*a*a*a*ab')(`${'a'.repeat(10_000)}.txt`)).toBe(false);
    expect(compileGlob('a/**/a/**/a/**/a/**/a/**/b')(`${'a/'.repeat(2_000)}c`)).toBe(false);
    expect(compileGlob('+(a|aa)+(a|aa)b')('a'.repeat(10_000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('refuses `!(…)`, brace bombs, huge ranges and overlong globs with a GlobError', () => {
    expect(() => compileGlob('!(draft)*.md')).toThrow(/negated extglob/);
    expect(() => compileGlob('{a,b}'.repeat(12))).toThrow(/alternatives after brace expansion/);
    expect(() => compileGlob('{1..100000}')).toThrow(/too large/);
    expect(() => compileGlob('a'.repeat(5000))).toThrow(/limited to/);
    expect(() => compileGlob('[z-a]')).toThrow(GlobError);
  });
});

describe('gitignore syntax (.lintignore, --ignore-pattern), as the `ignore` package', () => {
  const FILES = [
    ['archive/', '*.draft.md', '!keep.draft.md'],
    ['/root-only.txt', 'docs/**/*.md', '!docs/keep/**', '# comment', '', '\\#hash.txt', 'trailing.txt   ', 'a{b,c}.txt', '!(x).txt'],
    ['build', '!build/keep.txt', 'nested/dir/', '**/tmp', '*.yml', '!important.yml', 'q?.txt', '[ab].json'],
  ];
  const PATHS = [
    'archive/a.txt', 'x/archive/b.txt', 'archive', 'a.draft.md', 'x/b.draft.md', 'keep.draft.md', 'x/keep.draft.md', 'root-only.txt',
    'x/root-only.txt', 'docs/a.md', 'docs/x/y/a.md', 'docs/keep/a.md', 'docs/a.txt', '#hash.txt', 'trailing.txt', 'ab.txt', 'a{b,c}.txt',
    '!(x).txt', 'x.txt', 'build', 'build/keep.txt', 'build/a.txt', 'x/build/a.txt', 'nested/dir/a.txt', 'nested/dir', 'x/nested/dir/a.txt',
    'tmp/a.txt', 'a/b/tmp/c.txt', 'a.yml', 'important.yml', 'x/important.yml', 'q1.txt', 'q12.txt', 'a.json', 'c.json', 'x/a.json',
  ];
  for (const [i, lines] of FILES.entries()) {
    it(`rule set ${i + 1}`, () => {
      const expected = ignore().add(lines);
      const rules = parseGitignore(lines);
      expect(PATHS.filter((p) => gitignored(rules, p) !== expected.ignores(p)).map((p) => `${p}: ignore says ${expected.ignores(p)}`)).toEqual([]);
    });
  }

  it('a hostile .lintignore on a deep path takes milliseconds', () => {
    const rules = parseGitignore(['a/**/a/**/a/**/a/**/a/**/a/**/b', '*a*a*a*a*a*a*a*a*a*ab', 'x'.repeat(5000)]);
    const start = performance.now();
    expect(gitignored(rules, `${'a/'.repeat(1_000)}${'a'.repeat(200)}.txt`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
