// Conversation scripts: a drafted exchange between a customer and the business.
//
//   YAML/JSON  a top-level list of turns `{from: customer|business, text}`, or a mapping with
//              the list under `conversation:` (or `script:`) plus context keys (channel,
//              locale, tag, messaging_type, category, promotional).
//   Markdown   `*.script.md`, or any `.md` with at least two `**Customer:**` / `**Business:**`
//              turn markers at the start of a line (one of them a business turn). A turn runs
//              until the next marker or heading; a heading after turns starts a new
//              conversation. Optional `---` front matter sets the context.
//
// Only business turns are messages. Among the business turns of a conversation the first gets
// kind `greeting`, the last `closing`, the others `reply`, unless the turn says its kind
// (`kind:` in YAML, `**Business (away):**` in Markdown). Customer turns are not linted.
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Channel, Component, FieldSpans, Message, MessageContext } from '../types.js';
import { FormatError, type Directive, type Extraction, type FormatAdapter, type FormatInput } from './types.js';
import { child, childBoolean, childString, choiceMessages, compact, duplicateKeyErrors, items, messageFromScalar, nodeSpan } from './structured.js';
import { hashCommentDirectives, parseDirectiveComment } from './directives.js';
import { readYaml } from './yaml-document.js';
import { ALL_STYLE_IDS } from '../engine/placeholders.js';
import { SourceMap, SourceMapBuilder } from '../engine/source-map.js';
import { inlineSyntax } from './text.js';

const CHANNELS = new Set(['messenger', 'instagram', 'whatsapp', 'generic']);

/** `from:` values: canonical `customer` / `business`, and aliases accepted in YAML/JSON. */
const SPEAKERS = new Map<string, 'customer' | 'business'>([
  ['customer', 'customer'], ['user', 'customer'], ['person', 'customer'], ['client', 'customer'],
  ['business', 'business'], ['bot', 'business'], ['agent', 'business'], ['page', 'business'], ['brand', 'business'],
]);
const speakerOf = (from: string | undefined) => SPEAKERS.get((from ?? '').toLowerCase());

const TURN_KEYS = new Set([
  'from', 'text', 'kind', 'id', 'component', 'tag', 'messaging_type', 'category', 'promotional', 'topic',
  'quick_replies', 'buttons', 'note', 'msglint-disable',
]);

/** JSON comment and suppression fields (`"//": …`, `"msglint-disable": …`) are allowed anywhere. */
const isDirectiveKey = (key: string) => key.startsWith('//') || key === 'msglint-disable';

/** Context keys allowed at file level (YAML mapping or Markdown front matter). */
const FILE_KEYS: Record<string, keyof MessageContext | null> = {
  channel: 'channel', locale: 'locale', tag: 'tag', messaging_type: 'messagingType', messagingType: 'messagingType',
  category: 'category', promotional: 'promotional', topic: 'topic',
  // informational, not context
  id: null, title: null, name: null, description: null, note: null,
};

const LIST_KEYS = ['conversation', 'script'];

interface Turn {
  speaker: 'customer' | 'business';
  explicitKind?: string;
  /** builds the messages once the positional kind is known */
  build(kind: string, position: Record<string, unknown>): Message[];
}

/** Gives the business turns of one conversation their kinds and turns them into messages. */
function conversationMessages(turns: Turn[]): Message[] {
  const business = turns.filter((t) => t.speaker === 'business');
  const out: Message[] = [];
  business.forEach((turn, k) => {
    const positional = k === 0 ? 'greeting' : k === business.length - 1 ? 'closing' : 'reply';
    out.push(
      ...turn.build(turn.explicitKind ?? positional, {
        businessTurn: k + 1,
        businessTurns: business.length,
        position: business.length === 1 ? 'only' : k === 0 ? 'first' : k === business.length - 1 ? 'last' : 'middle',
      }),
    );
  });
  return out;
}

// ── YAML / JSON ──────────────────────────────────────────────────────────────────────────

function turnList(contents: unknown): { list: Node; key?: string } | undefined {
  if (isSeq(contents)) return { list: contents };
  if (isMap(contents)) {
    for (const key of LIST_KEYS) {
      const list = child(contents, key);
      if (isSeq(list)) return { list, key };
    }
  }
  return undefined;
}

function detectStructured(input: FormatInput): boolean {
  const found = turnList(input.document().contents);
  if (!found) return false;
  const turns = items(found.list);
  // Under an explicit `conversation:` / `script:` key one recognisable turn is enough (the
  // rest are reported); a bare top-level list must consist of turn mappings only.
  const strict = found.key === undefined;
  return (
    turns.some((t) => speakerOf(childString(t, 'from')) !== undefined) &&
    (!strict || turns.every((t) => isMap(t) && (child(t, 'from') !== undefined || child(t, 'text') !== undefined)))
  );
}

function extractStructured(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
  const doc = input.document();
  const src = input.text;
  const errors: FormatError[] = duplicateKeyErrors(doc);
  const found = turnList(doc.contents)!;
  const fileContext: Partial<MessageContext> = { ...defaults };
  const fileSpans: FieldSpans = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (LIST_KEYS.includes(key) || isDirectiveKey(key)) continue;
      const at = nodeSpan(pair.key as Node)?.[0] ?? 0;
      if (!Object.hasOwn(FILE_KEYS, key)) {
        errors.push(new FormatError(`Unknown key \`${key}\` in a conversation script (known: ${[...LIST_KEYS, ...Object.keys(FILE_KEYS)].join(', ')})`, at));
        continue;
      }
      const target = FILE_KEYS[key];
      if (!target) continue;
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      setContextField(fileContext, fileSpans, target, value, nodeSpan(pair.value as Node), errors, at);
    }
  }
  const listName = found.key ?? '';
  const turns: Turn[] = [];
  items(found.list).forEach((item, index) => {
    const label = `${listName}[${index}]`;
    if (!isMap(item)) {
      errors.push(new FormatError(`${label} must be a mapping with \`from\` and \`text\``, nodeSpan(item)?.[0] ?? 0));
      return;
    }
    for (const pair of item.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!TURN_KEYS.has(key) && !isDirectiveKey(key)) errors.push(new FormatError(`Unknown key \`${key}\` in ${label} (known: ${[...TURN_KEYS].join(', ')})`, nodeSpan(pair.key as Node)?.[0] ?? 0));
    }
    const fromRaw = childString(item, 'from');
    const speaker = speakerOf(fromRaw);
    if (!speaker) {
      const at = nodeSpan(child(item, 'from') ?? item)?.[0] ?? 0;
      errors.push(new FormatError(fromRaw === undefined ? `${label} has no \`from\` (customer or business)` : `${label}: \`from: ${fromRaw}\` must be \`customer\` or \`business\``, at));
      return;
    }
    const explicitKind = childString(item, 'kind');
    turns.push({
      speaker,
      explicitKind,
      build: (kind, position) => structuredTurnMessages(item, index, label, src, fileContext, fileSpans, kind, position, errors),
    });
  });
  const directives = /\.ya?ml$/i.test(input.filePath) ? hashCommentDirectives(src) : [];
  return { messages: conversationMessages(turns), errors, directives };
}

function setContextField(
  context: Partial<MessageContext>,
  spans: FieldSpans,
  target: keyof MessageContext,
  value: unknown,
  span: [number, number] | undefined,
  errors: FormatError[],
  at: number,
): void {
  if (target === 'channel') {
    if (!CHANNELS.has(String(value))) {
      errors.push(new FormatError(`\`channel\` must be one of ${[...CHANNELS].join(', ')}`, span?.[0] ?? at));
      return;
    }
  }
  if (target === 'promotional') {
    if (typeof value !== 'boolean') {
      errors.push(new FormatError('`promotional` must be true or false', span?.[0] ?? at));
      return;
    }
  } else if (value === undefined || value === null || typeof value === 'object') {
    errors.push(new FormatError(`\`${target}\` must be a string`, span?.[0] ?? at));
    return;
  }
  (context as Record<string, unknown>)[target] = target === 'promotional' ? value : String(value);
  if (span && (target === 'tag' || target === 'messagingType' || target === 'category' || target === 'channel' || target === 'locale')) spans[target] = span;
}

function structuredTurnMessages(
  item: Node,
  index: number,
  label: string,
  src: string,
  fileContext: Partial<MessageContext>,
  fileSpans: FieldSpans,
  kind: string,
  position: Record<string, unknown>,
  errors: FormatError[],
): Message[] {
  const id = childString(item, 'id') ?? `turn-${index + 1}`;
  const channel = (fileContext.channel ?? 'generic') as Channel;
  const quickReplies = items(child(item, 'quick_replies'));
  const buttons = items(child(item, 'buttons'));
  const explicitComponent = childString(item, 'component') as Component | undefined;
  const context: MessageContext = compact({
    ...fileContext,
    channel,
    kind,
    messagingType: childString(item, 'messaging_type') ?? fileContext.messagingType,
    tag: childString(item, 'tag') ?? fileContext.tag,
    category: childString(item, 'category') ?? fileContext.category,
    promotional: childBoolean(item, 'promotional') ?? fileContext.promotional,
    topic: childString(item, 'topic') ?? fileContext.topic,
    component: explicitComponent ?? (buttons.length > 0 && channel !== 'whatsapp' ? 'button_text' : 'text'),
    counts: quickReplies.length + buttons.length > 0 ? { quickReplies: quickReplies.length, buttons: buttons.length } : undefined,
    fieldSpans: compact({
      ...fileSpans,
      tag: nodeSpan(child(item, 'tag')) ?? fileSpans.tag,
      messagingType: nodeSpan(child(item, 'messaging_type')) ?? fileSpans.messagingType,
      category: nodeSpan(child(item, 'category')) ?? fileSpans.category,
      kind: nodeSpan(child(item, 'kind')),
    }),
    extra: { ...fileContext.extra, turn: index + 1, from: 'business', ...position },
  });
  const out: Message[] = [];
  const textNode = child(item, 'text');
  const main = messageFromScalar(textNode, src, context, id);
  if (main) out.push(main);
  else if (!isScalar(textNode) || typeof textNode.value !== 'string') {
    errors.push(new FormatError(`${label} has no \`text\` string`, nodeSpan(textNode ?? item)?.[0] ?? 0));
  }
  out.push(...choiceMessages(quickReplies, buttons, src, context, id));
  return out;
}

// ── Markdown ─────────────────────────────────────────────────────────────────────────────

/** `**Customer:**`, `**Business:**`, `**Business (away):**`, `- **Customer**: …`, `> **Business:**` */
const MARKER = /^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+)?\*\*[ \t]*(customer|business)[ \t]*(?:\([ \t]*([A-Za-z_-]+)[ \t]*\))?[ \t]*(?::[ \t]*\*\*|\*\*[ \t]*:)/i;
const HEADING = /^[ \t]{0,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^[ \t]*(```|~~~)/;

interface MarkdownLine {
  start: number;
  /** end of the content (before `\r\n` / `\n`) */
  end: number;
  text: string;
}

function lines(src: string, from: number): MarkdownLine[] {
  const out: MarkdownLine[] = [];
  let start = from;
  while (start < src.length) {
    let next = src.indexOf('\n', start);
    if (next < 0) next = src.length;
    const end = src[next - 1] === '\r' ? next - 1 : next;
    out.push({ start, end, text: src.slice(start, end) });
    start = next + 1;
  }
  return out;
}

/** Turn markers outside code fences. */
function markers(src: string, from = 0): { line: MarkdownLine; match: RegExpExecArray }[] {
  const out: { line: MarkdownLine; match: RegExpExecArray }[] = [];
  let fence: string | undefined;
  for (const line of lines(src, from)) {
    const f = FENCE.exec(line.text);
    if (fence) {
      if (f && f[1] === fence) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const m = MARKER.exec(line.text);
    if (m) out.push({ line, match: m });
  }
  return out;
}

function detectMarkdown(input: FormatInput): boolean {
  if (/\.script\.(md|markdown)$/i.test(input.filePath)) return true;
  const found = markers(input.text);
  return found.length >= 2 && found.some((m) => m.match[1].toLowerCase() === 'business');
}

/** Parses `---` front matter; returns the context it sets and where the body starts. */
function frontMatter(src: string, defaults: Partial<MessageContext>, errors: FormatError[]): { context: Partial<MessageContext>; spans: FieldSpans; bodyStart: number } {
  const context: Partial<MessageContext> = { ...defaults };
  const spans: FieldSpans = {};
  const open = /^---[ \t]*\r?\n/.exec(src);
  if (!open) return { context, spans, bodyStart: 0 };
  const rest = src.slice(open[0].length);
  const close = /(^|\n)(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(rest);
  if (!close) throw new FormatError('Front matter opened with `---` on line 1 is not closed by a `---` line', 0);
  const yamlStart = open[0].length;
  const yamlText = rest.slice(0, close.index + close[1].length);
  const bodyStart = yamlStart + close.index + close[0].length;
  const doc = readYaml(yamlText, { keepSourceTokens: true }, yamlStart);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    throw new FormatError(`Invalid front matter: ${err.message.split('\n')[0]}`, yamlStart + (err.pos?.[0] ?? 0));
  }
  if (doc.contents !== null && !isMap(doc.contents)) throw new FormatError('Front matter must be a YAML mapping', yamlStart);
  for (const pair of isMap(doc.contents) ? (doc.contents.items as Pair[]) : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const at = yamlStart + ((pair.key as Node | null)?.range?.[0] ?? 0);
    if (!Object.hasOwn(FILE_KEYS, key)) {
      errors.push(new FormatError(`Unknown front matter key \`${key}\` (known: ${Object.keys(FILE_KEYS).join(', ')})`, at));
      continue;
    }
    const target = FILE_KEYS[key];
    if (!target) continue;
    const range = (pair.value as Node | null)?.range;
    const span: [number, number] | undefined = range ? [yamlStart + range[0], yamlStart + range[1]] : undefined;
    setContextField(context, spans, target, isScalar(pair.value) ? pair.value.value : undefined, span, errors, at);
  }
  return { context, spans, bodyStart };
}

function extractMarkdown(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
  const src = input.text;
  const errors: FormatError[] = [];
  const { context: fileContext, spans: fileSpans, bodyStart } = frontMatter(src, defaults, errors);
  const channel = (fileContext.channel ?? 'generic') as Channel;

  // Directives anywhere in the body (also between turns).
  const directives: Directive[] = [];
  for (const m of src.slice(bodyStart).matchAll(/<!--([\s\S]*?)-->/g)) {
    const directive = parseDirectiveComment(m[1], bodyStart + m.index);
    if (directive) directives.push(directive);
  }

  // Split the body into conversations (by headings that follow turns) and turns.
  interface RawTurn {
    speaker: 'customer' | 'business';
    kind?: string;
    kindOffset?: number;
    contentStart: number;
    end: number;
    index: number;
  }
  const conversations: RawTurn[][] = [[]];
  let current: RawTurn | undefined;
  let fence: string | undefined;
  const allLines = lines(src, bodyStart);
  const closeTurn = (end: number) => {
    if (current) current.end = end;
    current = undefined;
  };
  for (const line of allLines) {
    const f = FENCE.exec(line.text);
    if (fence) {
      if (f && f[1] === fence) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    if (HEADING.test(line.text)) {
      closeTurn(line.start);
      if (conversations[conversations.length - 1].length > 0) conversations.push([]);
      continue;
    }
    const m = MARKER.exec(line.text);
    if (!m) continue;
    closeTurn(line.start);
    const conversation = conversations[conversations.length - 1];
    current = {
      speaker: m[1].toLowerCase() as 'customer' | 'business',
      kind: m[2]?.toLowerCase(),
      kindOffset: m[2] ? line.start + m[0].indexOf(m[2], m[0].indexOf('(')) : undefined,
      contentStart: line.start + m[0].length,
      end: src.length,
      index: conversation.length,
    };
    conversation.push(current);
  }
  closeTurn(src.length);
  const filled = conversations.filter((c) => c.length > 0);
  if (filled.length === 0) {
    errors.push(new FormatError('No `**Customer:**` / `**Business:**` turns found in this conversation script', bodyStart));
    return { messages: [], errors, directives };
  }

  const messages: Message[] = [];
  filled.forEach((raw, c) => {
    const prefix = filled.length > 1 ? `conversation-${c + 1}.` : '';
    const turns: Turn[] = raw.map((t) => ({
      speaker: t.speaker,
      explicitKind: t.kind,
      build: (kind, position) => {
        const { text, sourceMap } = stripTurn(src, t.contentStart, t.end);
        if (text.trim() === '') return [];
        const context: MessageContext = compact({
          ...fileContext,
          channel,
          kind,
          component: (fileContext.component ?? 'text') as Component,
          fieldSpans: compact({ ...fileSpans, kind: t.kindOffset !== undefined ? ([t.kindOffset, t.kindOffset + t.kind!.length] as [number, number]) : undefined }),
          extra: { ...fileContext.extra, turn: t.index + 1, from: 'business', ...(filled.length > 1 ? { conversation: c + 1 } : {}), ...position },
        });
        return [{ id: `${prefix}turn-${t.index + 1}`, text, context, sourceMap }];
      },
    }));
    messages.push(...conversationMessages(turns));
  });
  return { messages, errors, directives };
}

// Inline Markdown of a turn: the scanner of text.ts (linear on any line) in its turn dialect,
// which keeps placeholders whole, unescapes `\*` and has no intraword `_` emphasis.
/** Removes Markdown syntax from a turn's body [start, end), keeping a source map. */
export function stripTurn(src: string, start: number, end: number): { text: string; sourceMap: SourceMap } {
  const builder = new SourceMapBuilder();
  let text = '';
  const keep = (from: number, to: number) => {
    if (to <= from) return;
    text += src.slice(from, to);
    builder.verbatim(from, to - from);
  };
  let fence: string | undefined;
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = src.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const contentEnd = src[lineEnd - 1] === '\r' && lineEnd > lineStart ? lineEnd - 1 : lineEnd;
    const line = src.slice(lineStart, contentEnd);
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1] === fence) fence = undefined;
    } else if (f) {
      fence = f[1];
    } else if (!/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      // Block prefixes: headings, quotes, list markers, task boxes.
      const prefix = /^\s*(?:>\s*)*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)?/.exec(line)![0];
      let i = lineStart + prefix.length;
      for (const m of inlineSyntax(src, i, contentEnd, { turn: true })) {
        keep(i, m.start);
        if (m.label) keep(m.label[0], m.label[1]);
        i = m.end;
      }
      keep(i, contentEnd);
    }
    if (lineEnd < end) {
      text += '\n';
      builder.replaced(contentEnd, lineEnd + 1, 1);
    }
    lineStart = lineEnd + 1;
  }
  // Trim: trailing whitespace goes; leading whitespace is cut from the map too.
  const trimmedEnd = text.trimEnd().length;
  const leading = text.length - text.trimStart().length;
  if (leading >= trimmedEnd) return { text: '', sourceMap: new SourceMap([]) };
  const segments = builder
    .build()
    .segments.filter((s) => s.msgEnd > leading && s.msgStart < trimmedEnd)
    .map((s) => {
      const linear = s.msgEnd - s.msgStart === s.fileEnd - s.fileStart;
      const cutStart = Math.max(0, leading - s.msgStart);
      const cutEnd = Math.max(0, s.msgEnd - trimmedEnd);
      return {
        msgStart: s.msgStart + cutStart - leading,
        msgEnd: s.msgEnd - cutEnd - leading,
        fileStart: linear ? s.fileStart + cutStart : s.fileStart,
        fileEnd: linear ? s.fileEnd - cutEnd : s.fileEnd,
      };
    });
  return { text: text.slice(leading, trimmedEnd), sourceMap: new SourceMap(segments) };
}

// ── The adapter ──────────────────────────────────────────────────────────────────────────

const isMarkdownPath = (filePath: string) => /\.(md|markdown)$/i.test(filePath);

export const scriptAdapter: FormatAdapter = {
  id: 'script',
  description: 'conversation script: customer/business turns (YAML/JSON list, or Markdown `**Customer:**` / `**Business:**`)',
  extensions: ['.yml', '.yaml', '.json', '.md', '.markdown'],
  placeholderStyles: ALL_STYLE_IDS,
  detect(input: FormatInput): boolean {
    // Markdown is detected from the text only: never parse it as YAML.
    return isMarkdownPath(input.filePath) ? detectMarkdown(input) : detectStructured(input);
  },
  extract(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
    return isMarkdownPath(input.filePath) ? extractMarkdown(input, defaults) : extractStructured(input, defaults);
  },
};
