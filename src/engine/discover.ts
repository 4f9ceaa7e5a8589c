// Expands the command line's paths and globs into the files to lint.
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from '../formats/index.js';

export interface Target {
  path: string;
  /** named on the command line (not found by walking a directory) */
  explicit: boolean;
}

export class UsageError extends Error {}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/package.json', '**/package-lock.json', '**/tsconfig.json', '**/.lintrc*'];

export async function discover(patterns: string[], cwd: string): Promise<Target[]> {
  const seen = new Set<string>();
  const out: Target[] = [];
  const add = (path: string, explicit: boolean) => {
    const absolute = resolve(cwd, path);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    out.push({ path: relative(cwd, absolute) || path, explicit });
  };
  const extensions = SUPPORTED_EXTENSIONS.map((e) => e.slice(1));
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      const files = await glob(pattern, { cwd, ignore: ALWAYS_IGNORED, dot: false, followSymbolicLinks: false });
      if (files.length === 0) throw new UsageError(`No files matching the pattern \`${pattern}\` were found`);
      for (const f of files.sort()) add(f, true);
      continue;
    }
    let stat;
    try {
      stat = statSync(resolve(cwd, pattern));
    } catch {
      throw new UsageError(`No such file or directory: ${pattern}`);
    }
    if (stat.isDirectory()) {
      // Globbed from the working directory so that ignore patterns are relative to it.
      const base = relative(cwd, resolve(cwd, pattern)).split('\\').join('/');
      const files = await glob(`${base ? `${escapeGlob(base)}/` : ''}**/*.{${extensions.join(',')}}`, {
        cwd,
        ignore: ALWAYS_IGNORED,
        dot: false,
        followSymbolicLinks: false,
      });
      for (const f of files.sort()) add(f, false);
    } else add(pattern, true);
  }
  return out;
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!]/g, '\\$&');
}
