// Locates msglint's own package root, whether running from dist/ (installed) or src/ (tests).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
