// Globs from configs (`overrides[].files`, `excludedFiles`, `ignorePatterns`), matched in
// linear time. picomatch compiles a glob to a backtracking JS RegExp, so a hostile `.lintrc`
// glob such as `*a*a*a*a*a*a*ab` against a long file name could hang a run for minutes. Here
// a glob is compiled to RE2 syntax and run on re2js, whose matching time is linear in the
// path length whatever the glob.
//
// Syntax (picomatch's, with `dot: true`): `*`, `?`, `[abc]`, `[!a-z]`, `[[:alpha:]]`, `**` as
// a whole segment (any depth, also none), `{a,b}` (nested) and `{1..9}`, the extglobs
// `@(a|b)` `?(…)` `+(…)` `*(…)`, `\` escapes; a leading `!` negates the glob. A wildcard
// never matches a `.` or `..` segment. The negated extglob `!(…)` needs lookaround, which a
// linear-time engine does not have: it is refused (use `excludedFiles`).
import { RE2JS } from 're2js';

export class GlobError extends Error {}

const MAX_GLOB_LENGTH = 1024;
const MAX_ALTERNATIVES = 256; // after brace expansion: `{a,b}{a,b}…` grows exponentially

/** One path segment other than `.` and `..` (which wildcards never produce). */
const SEGMENT = '(?:[^/.][^/]*|\\.[^/.][^/]*|\\.\\.[^/]+)';

const quote = (ch: string) => (/[\\^$.|?*+()[\]{}]/.test(ch) ? `\\${ch}` : ch);

/** Index of the `close` matching the opener at `open` (nesting, escapes), or -1. */
function matching(glob: string, open: number, close: string): number {
  const opener = glob[open];
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === opener) depth++;
    else if (glob[i] === close && --depth === 0) return i;
  }
  return -1;
}

/** Splits at `separator`s outside nested brackets and parentheses. */
function splitTop(body: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') i++;
    else if ('{(['.includes(ch)) depth++;
    else if ('})]'.includes(ch)) depth--;
    else if (ch === separator && depth === 0) {
      parts.push(body.slice(last, i));
      last = i + 1;
    }
  }
  return [...parts, body.slice(last)];
}

/** The alternatives of the first `{…}` group with a `,` or a `a..b` range, if any. */
function firstBraceGroup(glob: string): { start: number; end: number; parts: string[] } | undefined {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') {
      i++;
      continue;
    }
    if (glob[i] !== '{') continue;
    const end = matching(glob, i, '}');
    if (end < 0) return undefined;
    const body = glob.slice(i + 1, end);
    const parts = splitTop(body, ',');
    if (parts.length > 1) return { start: i, end, parts };
    const range = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (Math.abs(to - from) >= MAX_ALTERNATIVES) throw new GlobError(`the range {${body}} is too large`);
      const step = from <= to ? 1 : -1;
      return { start: i, end, parts: Array.from({ length: Math.abs(to - from) + 1 }, (_, k) => String(from + k * step)) };
    }
  }
  return undefined;
}

/** Brace expansion: `a/{b,c}.md` → `a/b.md`, `a/c.md` (bounded). */
function expandBraces(glob: string, out: string[] = []): string[] {
  const group = firstBraceGroup(glob);
  if (!group) out.push(glob);
  else for (const part of group.parts) expandBraces(glob.slice(0, group.start) + part + glob.slice(group.end + 1), out);
  if (out.length > MAX_ALTERNATIVES) throw new GlobError(`more than ${MAX_ALTERNATIVES} alternatives after brace expansion`);
  return out;
}

/** RE2 source for a brace-free glob. */
function toSource(glob: string): string {
  let re = '';
  const n = glob.length;
  const boundary = (j: number) => j === n || glob[j] === '/';
  for (let i = 0; i < n; ) {
    const ch = glob[i];
    if (ch === '\\') {
      re += i + 1 < n ? quote(glob[i + 1]) : '\\\\';
      i += 2;
    } else if ('@?+*!'.includes(ch) && glob[i + 1] === '(' && matching(glob, i + 1, ')') > 0) {
      if (ch === '!') throw new GlobError('the negated extglob `!(…)` is not supported (use `excludedFiles`)');
      const close = matching(glob, i + 1, ')');
      const body = splitTop(glob.slice(i + 2, close), '|').map(toSource).join('|');
      re += `(?:${body})${ch === '@' ? '' : ch}`;
      i = close + 1;
    } else if (ch === '*') {
      let j = i;
      while (glob[j] === '*') j++;
      const whole = (i === 0 || glob[i - 1] === '/') && boundary(j);
      if (whole && j - i >= 2) {
        if (i > 0) re = `${re.slice(0, -1)}(?:/${SEGMENT})*`; // `a/**`: also `a` itself; `a/**/b`: also `a/b`
        else if (j < n) (re += `/?(?:${SEGMENT}/)*`), j++; // `**/` at the start: any depth, also none (absolute too)
        else re += `/?${SEGMENT}(?:/${SEGMENT})*`; // `**` alone: any path
      } else re += whole ? SEGMENT : '[^/]*';
      i = j;
    } else if (ch === '?') {
      re += '[^/]';
      i++;
    } else if (ch === '[' && classEnd(glob, i) > 0) {
      const end = classEnd(glob, i);
      const body = glob.slice(i + 1, end);
      re += /^[!^]/.test(body) ? `[^${body.slice(1)}/]` : `[${body}]`;
      i = end + 1;
    } else {
      re += quote(ch);
      i++;
    }
  }
  return re;
}

/** Index of the `]` closing the class at `open` (a leading `]` and `[:alpha:]` are inside). */
function classEnd(glob: string, open: number): number {
  let i = open + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++;
  for (; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob.startsWith('[:', i)) {
      const close = glob.indexOf(':]', i + 2);
      if (close < 0) return -1;
      i = close + 1;
    } else if (glob[i] === ']') return i;
  }
  return -1;
}

export type GlobMatcher = (path: string) => boolean;

/** Compiles one glob (throws GlobError for one that cannot be matched in linear time). */
export function compileGlob(glob: string, options: { matchBase?: boolean } = {}): GlobMatcher {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`a glob is limited to ${MAX_GLOB_LENGTH} characters`);
  let body = glob;
  const negated = body.startsWith('!') && !body.startsWith('!(');
  if (negated) body = body.slice(1);
  body = body.replace(/^(\.\/)+/, '');
  let re: RE2JS;
  try {
    re = RE2JS.compile(`^(?:${expandBraces(body).map(toSource).join('|')})$`);
  } catch (error) {
    if (error instanceof GlobError) throw error;
    throw new GlobError(`invalid glob: ${(error as Error).message}`);
  }
  const baseOnly = options.matchBase === true && !body.includes('/');
  return (path) => re.matches(baseOnly ? path.slice(path.lastIndexOf('/') + 1) : path) !== negated;
}

const cache = new Map<string, GlobMatcher>();

/** A path matches when it matches any of the globs (compiled once, cached). */
export function globMatcher(globs: string[], options: { matchBase?: boolean } = {}): GlobMatcher {
  const key = `${options.matchBase === true}\0${globs.join('\0')}`;
  let matcher = cache.get(key);
  if (!matcher) {
    const each = globs.map((g) => compileGlob(g, options));
    matcher = (path) => each.some((m) => m(path));
    if (cache.size > 1000) cache.clear(); // bounded: configs are few, but a library may run for long
    cache.set(key, matcher);
  }
  return matcher;
}

/** Escapes glob syntax in a literal path (a folder named `[draft]` or `{a,b}`). */
export function escapeGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()!@+]/g, '\\$&');
}
