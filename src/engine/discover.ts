// Expands the command line's paths and globs into the files to lint.
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import picomatch from 'picomatch';
import { SUPPORTED_EXTENSIONS } from '../formats/index.js';

export interface Target {
  path: string;
  /** named on the command line (not found by walking a directory) */
  explicit: boolean;
}

export class UsageError extends Error {}

// Never messages: dependencies, build output, project metadata, and the documentation files
// every repository has (a README is not a chat message). Name such a file explicitly to lint it.
const ALWAYS_IGNORED = [
  '**/node_modules/**', '**/.git/**', '**/dist/**', '**/package.json', '**/package-lock.json', '**/tsconfig.json', '**/.lintrc*',
  '**/{README,LICENSE,LICENCE,COPYING,CHANGELOG,CHANGES,HISTORY,CONTRIBUTING,CODE_OF_CONDUCT,SECURITY,NOTICE,AUTHORS}{,.*}',
  '**/requirements*.txt', '**/robots.txt', '**/CMakeLists.txt',
];

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
    } catch (error) {
      // Only a missing path is a usage error; any other (a symlink loop, EACCES…) is that
      // file's error, reported when it is read, and the other files are linted.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`No such file or directory: ${pattern}`);
      add(pattern, true);
      continue;
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
      for (const f of files.sort()) if (!alwaysIgnored(f)) add(f, false);
    } else add(pattern, true);
  }
  return out;
}

// tinyglobby's `ignore` does not see through `../` prefixes: check the path below them too.
const alwaysIgnoredMatcher = picomatch(ALWAYS_IGNORED, { dot: true });
function alwaysIgnored(path: string): boolean {
  // Below the working directory tinyglobby has applied them already (a matcher per file costs).
  if (!path.startsWith('../')) return false;
  return alwaysIgnoredMatcher(path.replace(/^(\.\.\/)+/, ''));
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!]/g, '\\$&');
}
