// Plain drafts: `.txt` (the whole file is one message) and `.md` (one message, with an
// optional `---` YAML front matter that sets the context; Markdown syntax is removed from
// the prose through a source map, so positions stay exact).
import { parseDocument, isMap, isScalar } from 'yaml';
import type { Channel, Component, MessageContext } from '../types.js';
import { SourceMap, SourceMapBuilder } from '../engine/source-map.js';
import { FormatError, type Directive, type Extraction, type FormatAdapter, type FormatInput } from './types.js';
import { ALL_STYLE_IDS } from '../engine/placeholders.js';
import { compact } from './structured.js';
import { parseDirectiveComment } from './directives.js';

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
      const doc = parseDocument(yamlText, { keepSourceTokens: true });
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

// Inline Markdown: what to drop and what to keep as prose.
const INLINE = new RegExp(
  [
    '<!--[\\s\\S]*?-->', // HTML comment (also suppression directives)
    '`+[^`]*`+', // code span: not prose
    '!?\\[([^\\]]*)\\]\\([^)]*\\)', // link or image: keep the label
    '<(?:https?:|mailto:)[^>]*>', // autolink
    '</?[A-Za-z][^>]*>', // HTML tag
    // Emphasis markers; `_` only at word edges, so `order_id` and `{{first_name}}` stay whole.
    '(?:\\*\\*|\\*|~~)(?=\\S)|(?<=\\S)(?:\\*\\*|\\*|~~)|(?<![\\p{L}\\p{N}_{])__?(?=[^\\s_])|(?<=[^\\s_])__?(?![\\p{L}\\p{N}_}])',
  ].join('|'),
  'gu',
);

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
        INLINE.lastIndex = 0;
        const body = src.slice(0, contentEnd);
        INLINE.lastIndex = i;
        let m: RegExpExecArray | null;
        while ((m = INLINE.exec(body)) !== null) {
          keep(i, m.index);
          if (m[0].startsWith('<!--')) {
            const directive = parseDirectiveComment(m[0].slice(4, -3), m.index);
            if (directive) directives.push(directive);
          } else if (m[1] !== undefined && m[0].includes('](')) {
            const labelStart = m.index + m[0].indexOf('[') + 1;
            keep(labelStart, labelStart + m[1].length);
          }
          i = m.index + m[0].length;
          if (m[0].length === 0) INLINE.lastIndex++;
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
