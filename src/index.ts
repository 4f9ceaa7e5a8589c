// msglint's library API. Results have the JSON formatter's shape (ESLint's), so code that
// reads `msglint --format json` can use the library directly.
import { resolve } from 'node:path';
import { discover } from './engine/discover.js';
import { IgnoreRules } from './engine/ignore.js';
import { Linter, type LintOptions } from './engine/lint.js';
import { toJsonResults } from './report/json.js';
import type { FileResult, MessageContext } from './types.js';

export type { Channel, Component, FileResult, Finding, Message, MessageContext, Severity } from './types.js';
export type { Config, RuleSetting } from './engine/config.js';
export type { Rule, RuleMeta } from './engine/rule.js';
export { Linter } from './engine/lint.js';
export { rules } from '../rules/index.js';

export type LintResult = ReturnType<typeof toJsonResults>[number];

export interface LibraryOptions extends LintOptions {
  /** a file name that chooses the format and the config (default `<text>`: plain text) */
  filePath?: string;
  /** skip `.lintignore` and `ignorePatterns` (lintFiles) */
  ignore?: boolean;
}

/** Lints one message (or a whole file's content when `filePath` names a format). */
export function lintText(text: string, context: Partial<MessageContext> = {}, options: LibraryOptions = {}): LintResult {
  const linter = new Linter(options);
  const result = linter.lintText(text.replace(/^\uFEFF/, ''), options.filePath ?? '<text>', context);
  return toJsonResults([result])[0];
}

/** Lints files, directories and globs, like the command line. */
export async function lintFiles(patterns: string | string[], options: LibraryOptions = {}): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const linter = new Linter({ ...options, cwd });
  const ignore = new IgnoreRules({ cwd, enabled: options.ignore !== false });
  const results: FileResult[] = [];
  for (const target of await discover(Array.isArray(patterns) ? patterns : [patterns], cwd)) {
    const absolute = resolve(cwd, target.path);
    if (ignore.ignored(absolute, linter.configFor(absolute).ignorePatterns)) continue;
    const result = linter.lintFile(target.path, target.explicit);
    if (result) results.push(result);
  }
  return toJsonResults(results);
}
