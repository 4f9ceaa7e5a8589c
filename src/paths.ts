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

// Per base folder, then per path: the strings come back as the same objects (their hashes
// kept), where a joined key was a new string to hash on every call.
const resolvers = new Map<string, (path: string) => string>();

/**
 * `path.resolve(from, path)`, remembered when `from` is absolute (the answer is then fixed): a
 * run resolves each file's path five or six times (ignore rules, config, reading, formats).
 */
export function resolveFrom(from: string, path: string): string {
  // The same file's path comes back in a row, often as the answer itself (already resolved).
  if (path === lastAnswer || (path === lastPath && from === lastFrom)) return lastAnswer;
  if (!isAbsolute(from)) return resolve(from, path);
  let resolveHere = resolvers.get(from);
  if (!resolveHere) resolvers.set(from, (resolveHere = memoize((p) => resolve(from, p))));
  lastAnswer = resolveHere(path);
  lastFrom = from;
  lastPath = path;
  return lastAnswer;
}

let lastFrom = '';
let lastPath = '';
/** resolve(anything, an absolute normalised path) is that path */
let lastAnswer = '\u0000';
