// Placeholder recognition and masking. Placeholders are template variables that the
// platform or the bot fills in (`{{first_name}}`, `{{1}}`, `{name}`, `${name}`, `%s`):
// they are not prose, so language checks see them masked by spaces of the same length
// (offsets never shift), while structural rules see the raw text.
import type { Placeholder } from '../types.js';

export interface PlaceholderStyle {
  id: string;
  /** a global regex whose group 1 is the variable name */
  pattern: RegExp;
}

export const BUILT_IN_STYLES: PlaceholderStyle[] = [
  { id: 'double-brace', pattern: /\{\{\s*([^{}]*?)\s*\}\}/g },
  { id: 'dollar-brace', pattern: /\$\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g },
  { id: 'single-brace', pattern: /(?<![{$])\{([A-Za-z_][\w.-]*)\}(?!\})/g },
  { id: 'printf', pattern: /%(?:\d+\$)?([sdif@])/g },
];

export const ALL_STYLE_IDS = BUILT_IN_STYLES.map((s) => s.id);

/** Compiles user-configured patterns (strings) into styles; group 1 is the name if present. */
export function customStyles(patterns: string[]): PlaceholderStyle[] {
  return patterns.map((source, index) => ({ id: `custom-${index + 1}`, pattern: new RegExp(source, 'gu') }));
}

export function findPlaceholders(text: string, styles: PlaceholderStyle[]): Placeholder[] {
  const found: Placeholder[] = [];
  for (const style of styles) {
    style.pattern.lastIndex = 0;
    for (const match of text.matchAll(style.pattern)) {
      if (match[0].length === 0) continue;
      const start = match.index;
      const end = start + match[0].length;
      // The first style to claim a range wins (double braces before single braces).
      if (found.some((p) => start < p.end && end > p.start)) continue;
      found.push({ start, end, raw: match[0], name: (match[1] ?? match[0]).trim(), style: style.id });
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

/** URLs, bare domains and e-mail addresses: not prose either. */
export function findLiterals(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const pattern of [EMAIL_PATTERN, URL_PATTERN, DOMAIN_PATTERN]) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ranges.some((r) => start < r.end && end > r.start)) ranges.push({ start, end });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}
