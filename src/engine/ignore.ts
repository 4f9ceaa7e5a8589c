// Which files are never linted: `.lintignore` (gitignore syntax, in the working directory, or
// the file given with --ignore-path), `--ignore-pattern` (gitignore syntax, relative to the
// working directory) and `ignorePatterns` from the config cascade (globs relative to their
// config file). Every glob is matched in linear time (glob.ts): `.lintignore` and configs come
// from the repository, and a backtracking matcher could be made to hang a run.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { UsageError } from './discover.js';
import { compileGlob, GlobError, globMatcher, type GlobMatcher } from './glob.js';

interface GitignoreRule {
  negated: boolean;
  dirOnly: boolean;
  matches: GlobMatcher;
}

/** Trailing spaces are dropped unless escaped (`\ `); a loop, not a regex, on user text. */
function trimEnd(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && line[end - 2] !== '\\') end--;
  return line.slice(0, end);
}

/** gitignore lines → rules (https://git-scm.com/docs/gitignore). */
export function parseGitignore(lines: string[]): GitignoreRule[] {
  const rules: GitignoreRule[] = [];
  for (const raw of lines) {
    let line = trimEnd(raw.replace(/\r$/, ''));
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    // A slash at the start or in the middle anchors the pattern to the file's folder;
    // otherwise it matches at any depth.
    const anchored = line.includes('/');
    line = line.replace(/^\//, '');
    // gitignore has no braces or extglobs, and a leading `!` left here is literal.
    const glob = line.replace(/\\.|[{}()]/g, (m) => (m.length === 2 ? m : `\\${m}`)).replace(/^!/, '\\!');
    try {
      rules.push({ negated, dirOnly, matches: compileGlob(anchored ? glob : `**/${glob}`) });
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      // An invalid pattern matches nothing, as in git.
    }
  }
  return rules;
}

/** Does the last rule matching `path` ignore it? */
function verdict(rules: GitignoreRule[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const rule of rules) if ((isDir || !rule.dirOnly) && rule.matches(path)) ignored = !rule.negated;
  return ignored;
}

/** Is the folder `dir` ignored, itself or through a parent? (cached: files share folders) */
function dirIgnored(rules: GitignoreRule[], dir: string, cache: Map<string, boolean>): boolean {
  let hit = cache.get(dir);
  if (hit === undefined) {
    const slash = dir.lastIndexOf('/');
    hit = (slash > 0 && dirIgnored(rules, dir.slice(0, slash), cache)) || verdict(rules, dir, true);
    cache.set(dir, hit);
  }
  return hit;
}

/** Is the relative path `rel` (of a file) ignored? As git: the last matching rule wins, and
 * nothing inside an ignored folder can be re-included. */
export function gitignored(rules: GitignoreRule[], rel: string, cache = new Map<string, boolean>()): boolean {
  const slash = rel.lastIndexOf('/');
  if (slash > 0 && dirIgnored(rules, rel.slice(0, slash), cache)) return true;
  return verdict(rules, rel, false);
}

export interface IgnoreOptions {
  cwd: string;
  ignorePath?: string;
  patterns?: string[];
  /** false for --no-ignore */
  enabled?: boolean;
}

export class IgnoreRules {
  private readonly files: { base: string; rules: GitignoreRule[]; dirs: Map<string, boolean> }[] = [];
  private readonly globCache = new Map<string, (path: string) => boolean>();
  readonly enabled: boolean;

  constructor(options: IgnoreOptions) {
    this.enabled = options.enabled !== false;
    if (!this.enabled) return;
    const path = options.ignorePath ? resolve(options.cwd, options.ignorePath) : resolve(options.cwd, '.lintignore');
    if (options.ignorePath && !existsSync(path)) throw new UsageError(`--ignore-path: no such file ${options.ignorePath}`);
    if (existsSync(path)) this.files.push({ base: dirname(path), rules: parseGitignore(readFileSync(path, 'utf8').split('\n')), dirs: new Map() });
    if (options.patterns?.length) this.files.push({ base: options.cwd, rules: parseGitignore(options.patterns), dirs: new Map() });
  }

  /** Is this absolute path ignored? `configPatterns` are absolute globs from the config. */
  ignored(absolute: string, configPatterns: string[] = []): boolean {
    if (!this.enabled) return false;
    for (const { base, rules, dirs } of this.files) {
      const rel = relative(base, absolute).split('\\').join('/');
      if (rel && !rel.startsWith('..') && gitignored(rules, rel, dirs)) return true;
    }
    if (configPatterns.length === 0) return false;
    const key = configPatterns.join('\0');
    let matcher = this.globCache.get(key);
    if (!matcher) {
      const positive = configPatterns.filter((p) => !p.startsWith('!'));
      const negative = configPatterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
      // Config globs come from the repository: matched in linear time (glob.ts).
      const yes = globMatcher(positive.flatMap((p) => [p, `${p}/**`]));
      const no = negative.length ? globMatcher(negative) : () => false;
      matcher = (path) => yes(path) && !no(path);
      this.globCache.set(key, matcher);
    }
    return matcher(absolute.split('\\').join('/'));
  }
}
