// Plain drafts: `.txt` (the whole file is one message) and `.md` (one message, with an
// optional `---` YAML front matter that sets the context; Markdown syntax is removed from
// the prose through a source map, so positions stay exact).
import { isMap, isScalar } from 'yaml';
import type { Channel, Component, MessageContext } from '../types.js';
import { SourceMap, SourceMapBuilder } from '../engine/source-map.js';
import { FormatError, type Directive, type Extraction, type FormatAdapter, type FormatInput } from './types.js';
import { ALL_STYLE_IDS } from '../engine/placeholders.js';
import { compact } from './structured.js';
import { parseDirectiveComment } from './directives.js';
import { readYaml } from './yaml-document.js';

export const textAdapter: FormatAdapter = {
  id: 'text',
  description: 'plain text draft (one message per file)',
  extensions: ['.txt'],
  placeholderStyles: ALL_STYLE_IDS,
  detect: (input) => input.filePath.toLowerCase().endsWith('.txt') || input.filePath === '<text>',
  extract(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
    const text = input.text.trimEnd(); // trimEnd, not /\s+$/: the regex is quadratic on long runs of spaces
    if (text.trim() === '') return { messages: [] };
    return {
      messages: [{ text, context: { channel: 'generic', component: 'text', ...defaults } as MessageContext, sourceMap: SourceMap.identity(0, text.length) }],
    };
  },
};

const FRONT_MATTER_KEYS: Record<string, keyof MessageContext | 'id'> = {
  channel: 'channel', messaging_type: 'messagingType', messagingType: 'messagingType', tag: 'tag', category: 'category',
  kind: 'kind', locale: 'locale', promotional: 'promotional', topic: 'topic', component: 'component', id: 'id',
};

export const markdownAdapter: FormatAdapter = {
  id: 'markdown',
  description: 'Markdown draft with optional front matter (one message per file)',
  extensions: ['.md', '.markdown'],
  placeholderStyles: ALL_STYLE_IDS,
  detect: (input) => /\.(md|markdown)$/i.test(input.filePath),
  extract(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
    const src = input.text;
    const context: MessageContext = { channel: 'generic', component: 'text', ...defaults } as MessageContext;
    let id: string | undefined;
    let bodyStart = 0;
    const fm = /^---[ \t]*\r?\n/.exec(src);
    if (fm) {
      const close = /^---[ \t]*$/m;
      close.lastIndex = 0;
      const rest = src.slice(fm[0].length);
      const end = /(^|\n)(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(rest);
      if (!end) throw new FormatError('Front matter opened with `---` on line 1 is not closed by a `---` line', 0);
      const yamlStart = fm[0].length;
      const yamlText = rest.slice(0, end.index + end[1].length);
      bodyStart = yamlStart + end.index + end[0].length;
      const doc = readYaml(yamlText, { keepSourceTokens: true }, yamlStart);
      if (doc.errors.length > 0) {
        const err = doc.errors[0];
        throw new FormatError(`Invalid front matter: ${err.message.split('\n')[0]}`, yamlStart + (err.pos?.[0] ?? 0));
      }
      if (doc.contents !== null && !isMap(doc.contents)) throw new FormatError('Front matter must be a YAML mapping', yamlStart);
      const fieldSpans: MessageContext['fieldSpans'] = {};
      for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const target = Object.hasOwn(FRONT_MATTER_KEYS, key) ? FRONT_MATTER_KEYS[key] : undefined;
        const keyStart = yamlStart + ((pair.key as { range?: number[] })?.range?.[0] ?? 0);
        if (!target) throw new FormatError(`Unknown front matter key \`${key}\` (known: ${Object.keys(FRONT_MATTER_KEYS).join(', ')})`, keyStart);
        const value = isScalar(pair.value) ? pair.value.value : undefined;
        if (target === 'id') id = String(value);
        else (context as unknown as Record<string, unknown>)[target] = value;
        const range = (pair.value as { range?: number[] } | null)?.range;
        if (range && (target === 'tag' || target === 'messagingType' || target === 'category' || target === 'kind' || target === 'channel' || target === 'locale')) {
          fieldSpans[target] = [yamlStart + range[0], yamlStart + range[1]];
        }
      }
      context.fieldSpans = compact(fieldSpans);
      context.channel = context.channel as Channel;
      context.component = context.component as Component;
    }
    const directives: Directive[] = [];
    const { text, sourceMap } = stripMarkdown(src, bodyStart, directives);
    if (text.trim() === '') return { messages: [], directives };
    return { messages: [{ id, text, context, sourceMap }], directives };
  },
};

// Inline Markdown: what to drop and what to keep as prose. Emphasis markers; `_` only at word
// edges, so `order_id` and `{{first_name}}` stay whole. Sticky: tried at one position only.
const EMPHASIS = /(?:\*\*|\*|~~)(?=\S)|(?<=\S)(?:\*\*|\*|~~)|(?<![\p{L}\p{N}_{])__?(?=[^\s_])|(?<=[^\s_])__?(?![\p{L}\p{N}_}])/uy;

// Conversation-script turns (script.ts) also keep placeholders whole (`{{first_name}}`,
// `${name}`), unescape `\*`, and treat `_` inside a word as a letter (no intraword emphasis).
const TURN_EMPHASIS = /(?:\*\*|\*|~~)(?=\S)|(?<=\S)(?:\*\*|\*|~~)|(?<![\p{L}\p{N}_])(?:__|_)(?=\S)|(?<=\S)(?:__|_)(?![\p{L}\p{N}_])/uy;

const INLINE_START = new Set(['<', '`', '!', '[', '*', '~', '_']);
const TURN_START = new Set([...INLINE_START, '{', '$', '\\']);

export interface InlineOptions {
  /** the script-turn dialect (see TURN_EMPHASIS) */
  turn?: boolean;
}

export interface InlineMatch {
  start: number;
  end: number;
  /** what is kept as prose: a link or image label, a placeholder, an escaped character */
  label?: [number, number];
  comment?: boolean;
}

/**
 * The inline syntax in [from, to) of one line, left to right, as this alternation would match
 * it: `<!--[\s\S]*?-->` (comments, also directives) | `` `+[^`]*`+ `` (code spans, not prose) |
 * `!?\[([^\]]*)\]\([^)]*\)` (links and images: the label is kept) | `<(?:https?:|mailto:)[^>]*>`
 * | `</?[A-Za-z][^>]*>` | emphasis. A regex rescans the rest of the line from every `[` or `<a`
 * that has no `]` or `>`, which is quadratic; here each closing delimiter is looked up once
 * (`next` remembers its last answer), so a line costs linear time.
 */
export function inlineSyntax(src: string, from: number, to: number, options: InlineOptions = {}): InlineMatch[] {
  const line = src.slice(from, to);
  const body = src.slice(0, to); // what the emphasis lookarounds may see
  const memo = new Map<string, { from: number; at: number }>();
  /** Offset of the first `needle` at or after `at` in the line, or -1. */
  const next = (needle: string, at: number): number => {
    const known = memo.get(needle);
    if (known && known.from <= at && (known.at < 0 || known.at >= at)) return known.at;
    const found = line.indexOf(needle, at - from);
    const result = found < 0 ? -1 : found + from;
    memo.set(needle, { from: at, at: result });
    return result;
  };
  const out: InlineMatch[] = [];
  const starts = options.turn ? TURN_START : INLINE_START;
  let p = from;
  while (p < to) {
    const m = starts.has(src[p]) ? inlineAt(src, body, p, to, next, options.turn === true) : undefined;
    if (m) {
      out.push(m);
      p = m.end;
    } else p++;
  }
  return out;
}

function inlineAt(src: string, body: string, p: number, to: number, next: (needle: string, at: number) => number, turn: boolean): InlineMatch | undefined {
  const ch = src[p];
  if (turn) {
    // `{{…}}` and `${…}` without braces inside: kept whole.
    const inner = ch === '{' && src[p + 1] === '{' ? p + 2 : ch === '$' && src[p + 1] === '{' ? p + 2 : -1;
    if (inner >= 0) {
      const close = next('}', inner);
      const brace = next('{', inner);
      const closing = ch === '{' ? (src[close + 1] === '}' ? close + 2 : -1) : close + 1;
      if (close >= 0 && (brace < 0 || brace > close) && closing > 0 && closing <= to) return { start: p, end: closing, label: [p, closing] };
    }
    // A backslash escape keeps the escaped punctuation character.
    if (ch === '\\' && p + 1 < to && /[!-/:-@[-`{-~]/.test(src[p + 1])) return { start: p, end: p + 2, label: [p + 1, p + 2] };
  }
  if (ch === '<' && src.startsWith('<!--', p)) {
    const close = next('-->', p + 4);
    if (close >= 0) return { start: p, end: close + 3, comment: true };
  }
  if (ch === '`') {
    let k = p;
    while (k < to && src[k] === '`') k++;
    const close = next('`', k);
    if (close >= 0) {
      let end = close;
      while (end < to && src[end] === '`') end++;
      return { start: p, end };
    }
    // No closing backticks: a run of two or more still matches (as itself).
    if (k - p >= 2) return { start: p, end: k };
  }
  const open = ch === '!' && src[p + 1] === '[' ? p + 1 : ch === '[' ? p : -1;
  if (open >= 0) {
    const close = next(']', open + 1);
    if (close >= 0 && close + 1 < to && src[close + 1] === '(') {
      const paren = next(')', close + 2);
      if (paren >= 0) return { start: p, end: paren + 1, label: [open + 1, close] };
    }
  }
  if (ch === '<') {
    let q = p + 1;
    const autolink = /^(?:https?:|mailto:)/.test(src.slice(q, q + 7));
    if (!autolink && src[q] === '/') q++;
    if (autolink || /[A-Za-z]/.test(src[q] ?? '')) {
      const close = next('>', q + 1);
      if (close >= 0) return { start: p, end: close + 1 };
    }
  }
  if (ch === '*' || ch === '~' || ch === '_') {
    const emphasis = turn ? TURN_EMPHASIS : EMPHASIS;
    emphasis.lastIndex = p;
    const m = emphasis.exec(body);
    if (m) return { start: p, end: p + m[0].length };
  }
  return undefined;
}

/** Removes Markdown syntax from the body, keeping a source map for what remains. */
export function stripMarkdown(src: string, start: number, directives: Directive[]): { text: string; sourceMap: SourceMap } {
  const builder = new SourceMapBuilder();
  let text = '';
  const keep = (from: number, to: number) => {
    if (to <= from) return;
    text += src.slice(from, to);
    builder.verbatim(from, to - from);
  };
  let inFence: string | undefined;
  let lineStart = start;
  while (lineStart < src.length) {
    let lineEnd = src.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = src.length;
    const contentEnd = src[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = src.slice(lineStart, contentEnd);
    const fence = /^\s*(```|~~~)/.exec(line);
    if (inFence) {
      if (fence && fence[1] === inFence) inFence = undefined;
    } else if (fence) {
      inFence = fence[1];
    } else {
      // Block prefixes: headings, quotes, list markers, thematic breaks.
      const prefix = /^\s*(?:>\s*)*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)?/.exec(line)![0];
      if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
        // thematic break: nothing to keep
      } else {
        let i = lineStart + prefix.length;
        for (const m of inlineSyntax(src, i, contentEnd)) {
          keep(i, m.start);
          if (m.comment) {
            const directive = parseDirectiveComment(src.slice(m.start + 4, m.end - 3), m.start);
            if (directive) directives.push(directive);
          } else if (m.label) {
            keep(m.label[0], m.label[1]);
          }
          i = m.end;
        }
        keep(i, contentEnd);
      }
    }
    if (lineEnd < src.length) {
      text += '\n';
      builder.replaced(contentEnd, lineEnd + 1, 1);
    }
    lineStart = lineEnd + 1;
  }
  const trimmed = text.trimEnd();
  const leading = trimmed.length - trimmed.trimStart().length;
  const map = builder.build();
  // Leading blank lines are dropped; shift the map accordingly.
  const text2 = trimmed.slice(leading);
  const segments = map.segments
    .filter((s) => s.msgEnd > leading)
    .map((s) => {
      const cut = Math.max(0, leading - s.msgStart);
      const linear = s.msgEnd - s.msgStart === s.fileEnd - s.fileStart;
      return { msgStart: s.msgStart + cut - leading, msgEnd: s.msgEnd - leading, fileStart: linear ? s.fileStart + cut : s.fileStart, fileEnd: s.fileEnd };
    });
  return { text: text2, sourceMap: new SourceMap(segments) };
}
