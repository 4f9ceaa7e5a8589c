// Placeholder recognition and masking. Placeholders are template variables that the
// platform or the bot fills in (`{{first_name}}`, `{{1}}`, `{name}`, `${name}`, `%s`):
// they are not prose, so language checks see them masked by spaces of the same length
// (offsets never shift), while structural rules see the raw text.
import { RE2JS } from 're2js';
import type { Placeholder } from '../types.js';

export interface PlaceholderStyle {
  id: string;
  /** the matches in `text`; `name` is group 1 when the pattern has one */
  find(text: string): Iterable<{ start: number; end: number; name?: string }>;
}

const NONE: { start: number; end: number; name?: string }[] = [];

/**
 * A built-in style: a fixed, reviewed JS RegExp (fast, no user input). `needs` is a
 * character every match contains: most messages lack it, and the pattern is not run.
 */
function jsStyle(id: string, pattern: RegExp, needs: string): PlaceholderStyle {
  return {
    id,
    find(text) {
      if (!text.includes(needs)) return NONE;
      return Array.from(text.matchAll(pattern), (m) => ({ start: m.index, end: m.index + m[0].length, name: m[1] }));
    },
  };
}

export const BUILT_IN_STYLES: PlaceholderStyle[] = [
  jsStyle('double-brace', /\{\{\s*([^{}]*?)\s*\}\}/g, '{'),
  jsStyle('dollar-brace', /\$\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g, '{'),
  jsStyle('single-brace', /(?<![{$])\{([A-Za-z_][\w.-]*)\}(?!\})/g, '{'),
  jsStyle('printf', /%(?:\d+\$)?([sdif@])/g, '%'),
];

export const ALL_STYLE_IDS = BUILT_IN_STYLES.map((s) => s.id);

/**
 * Compiles a user pattern (`placeholders` in `.lintrc`) on re2js, a linear-time engine: a
 * repository's config must not be able to hang a run with a catastrophic pattern. Throws
 * for a pattern re2js cannot run (backreferences, lookaround).
 */
export function compilePlaceholderPattern(source: string): RE2JS {
  return RE2JS.compile(source);
}

const compiled = new Map<string, RE2JS>();

/** Compiles user-configured patterns (strings) into styles; group 1 is the name if present. */
export function customStyles(patterns: string[]): PlaceholderStyle[] {
  return patterns.map((source, index) => {
    let re = compiled.get(source);
    if (!re) compiled.set(source, (re = compilePlaceholderPattern(source)));
    const pattern = re;
    return {
      id: `custom-${index + 1}`,
      *find(text) {
        const m = pattern.matcher(text);
        while (m.find()) yield { start: m.start(), end: m.end(), name: m.groupCount() >= 1 ? (m.group(1) ?? undefined) : undefined };
      },
    };
  });
}

export function findPlaceholders(text: string, styles: PlaceholderStyle[]): Placeholder[] {
  const found: Placeholder[] = [];
  for (const style of styles) {
    for (const { start, end, name } of style.find(text)) {
      if (end === start) continue;
      // The first style to claim a range wins (double braces before single braces).
      if (found.some((p) => start < p.end && end > p.start)) continue;
      const raw = text.slice(start, end);
      found.push({ start, end, raw, name: (name ?? raw).trim(), style: style.id });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Replaces each range by spaces of the same length, so offsets stay valid. */
export function maskRanges(text: string, ranges: { start: number; end: number }[]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let last = 0;
  for (const { start, end } of ranges) {
    if (start < last) continue;
    out += text.slice(last, start) + ' '.repeat(end - start);
    last = end;
  }
  return out + text.slice(last);
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/giu;
const DOMAIN_PATTERN = /\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|me|co|ly|gl|app|shop|store|it|fr|es|de|fi|uk|eu)(?:\/[^\s]*)?\b/giu;
const EMAIL_PATTERN = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu;
const WWW = /www\./iu;

/**
 * A `.` followed by a letter, which every bare domain has (`shop.com`) and sentence ends do
 * not. Letters as DOMAIN_PATTERN's /iu reads them: ASCII, long s (ſ → s) and Kelvin (K → k).
 */
function dotBeforeLetter(text: string): boolean {
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
    const c = text.charCodeAt(i + 1);
    const lower = c | 32;
    if ((c < 128 && lower >= 97 && lower <= 122) || c === 0x17f || c === 0x212a) return true;
  }
  return false;
}

/** URLs, bare domains and e-mail addresses: not prose either. */
export function findLiterals(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  // Most messages have none: each pattern runs only when what it needs is in the text.
  const email = text.includes('@');
  const url = text.includes('://') || WWW.test(text);
  if (!email && !url && !dotBeforeLetter(text)) return ranges;
  for (const pattern of [EMAIL_PATTERN, URL_PATTERN, DOMAIN_PATTERN]) {
    if ((pattern === EMAIL_PATTERN && !email) || (pattern === URL_PATTERN && !url)) continue;
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ranges.some((r) => start < r.end && end > r.start)) ranges.push({ start, end });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}
