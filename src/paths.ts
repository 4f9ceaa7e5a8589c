// Locates msglint's own package root, whether running from dist/ (installed) or src/ (tests).
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoize } from './memo.js';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules', 'data'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('msglint: cannot find the package root (rules/data is missing)');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();
export const DATA_DIR = join(PACKAGE_ROOT, 'rules', 'data');

const resolvedPaths = memoize((key: string) => {
  const at = key.indexOf('\u0000');
  return resolve(key.slice(0, at), key.slice(at + 1));
});

/**
 * `path.resolve(from, path)`, remembered when `from` is absolute (the answer is then fixed): a
 * run resolves each file's path five or six times (ignore rules, config, reading, formats).
 */
export function resolveFrom(from: string, path: string): string {
  // The same file's path comes back in a row, often as the answer itself (already resolved).
  if (path === lastAnswer || (path === lastPath && from === lastFrom)) return lastAnswer;
  if (!isAbsolute(from)) return resolve(from, path);
  lastAnswer = resolvedPaths(`${from}\u0000${path}`);
  lastFrom = from;
  lastPath = path;
  return lastAnswer;
}

let lastFrom = '';
let lastPath = '';
/** resolve(anything, an absolute normalised path) is that path */
let lastAnswer = '\u0000';
