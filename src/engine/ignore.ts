// Which files are never linted: `.lintignore` (gitignore syntax, in the working directory, or
// the file given with --ignore-path), `--ignore-pattern` (gitignore syntax, relative to the
// working directory) and `ignorePatterns` from the config cascade (globs relative to their
// config file).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { UsageError } from './discover.js';

export interface IgnoreOptions {
  cwd: string;
  ignorePath?: string;
  patterns?: string[];
  /** false for --no-ignore */
  enabled?: boolean;
}

export class IgnoreRules {
  private readonly files: { base: string; rules: Ignore }[] = [];
  private readonly globCache = new Map<string, (path: string) => boolean>();
  readonly enabled: boolean;

  constructor(options: IgnoreOptions) {
    this.enabled = options.enabled !== false;
    if (!this.enabled) return;
    const path = options.ignorePath ? resolve(options.cwd, options.ignorePath) : resolve(options.cwd, '.lintignore');
    if (options.ignorePath && !existsSync(path)) throw new UsageError(`--ignore-path: no such file ${options.ignorePath}`);
    if (existsSync(path)) this.files.push({ base: dirname(path), rules: ignore().add(readFileSync(path, 'utf8')) });
    if (options.patterns?.length) this.files.push({ base: options.cwd, rules: ignore().add(options.patterns) });
  }

  /** Is this absolute path ignored? `configPatterns` are absolute globs from the config. */
  ignored(absolute: string, configPatterns: string[] = []): boolean {
    if (!this.enabled) return false;
    for (const { base, rules } of this.files) {
      const rel = relative(base, absolute).split('\\').join('/');
      if (rel && !rel.startsWith('..') && rules.ignores(rel)) return true;
    }
    if (configPatterns.length === 0) return false;
    const key = configPatterns.join('\0');
    let matcher = this.globCache.get(key);
    if (!matcher) {
      const positive = configPatterns.filter((p) => !p.startsWith('!'));
      const negative = configPatterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
      const yes = picomatch(positive.flatMap((p) => [p, `${p}/**`]), { dot: true });
      const no = negative.length ? picomatch(negative, { dot: true }) : () => false;
      matcher = (path) => yes(path) && !no(path);
      this.globCache.set(key, matcher);
    }
    return matcher(absolute.split('\\').join('/'));
  }
}
