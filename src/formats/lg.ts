// Bot Framework Language Generation files (`.lg`), read by a hand-written line parser with an
// exact source map for every message.
//
//   > comment                         (`> msglint-disable-next-line rule -- reason` is a directive)
//   [import](common.lg)               skipped
//   # TemplateName(param)             kind from the name (see `lgKind`)
//   - variation ${expr}               one message `TemplateName[i]` (also `*` / `+` bullets)
//   - ```multi-line                   one message; unterminated ``` → FormatError
//     variation```
//   - IF: ${cond}                     conditional headers (IF, ELSEIF, ELSE, SWITCH, CASE, DEFAULT)
//       - nested variation            one message; `extra.condition` names the branch
//   [Activity                         structured template; unterminated `[` → FormatError
//       Text = …                      `TemplateName.Text` (component `text`)
//       Speak = …                     `TemplateName.Speak` (component `text`)
//       SuggestedActions = a | b      `TemplateName.SuggestedActions[i]` (component `quick_reply`)
//   ]
//   [HeroCard / ThumbnailCard / …Card: title → `title`, subtitle → `subtitle`, text → `text`,
//    buttons = a | b → `button`;  [CardAction: title → `button`
//
// Escapes follow the LG runtime (Extensions.Escape in botbuilder-dotnet): `\r`, `\n`, `\t` become
// control characters, any other `\x` becomes `x` (`\-`, `\$`, `\[`, `\|`, `\\`…); a lone `\` at
// the end of a line is dropped. `${…}` expressions (nested braces and quoted strings included)
// are kept raw: the engine masks them (`dollar-brace`). Not prose, so skipped: variations that
// are only expressions (`- ${Greeting()}`), empty ones, and JSON payloads (text in `{…}` or
// `[…]` that JSON.parse accepts, each `${…}` standing for a value: Adaptive Card bodies).
import type { Component, Message, MessageContext } from '../types.js';
import { SourceMap, SourceMapBuilder } from '../engine/source-map.js';
import { FormatError, type Directive, type Extraction, type FormatAdapter, type FormatInput } from './types.js';
import { compact, localeFromPath } from './structured.js';
import { parseDirectiveComment } from './directives.js';

/**
 * Kind of a template from the words of its name (camelCase, `_`, `.` and `-` split words;
 * documented in docs/formats/lg.md): greeting (Greeting, Welcome, Intro), closing (Goodbye, Bye,
 * Closing, Farewell), fallback (Fallback, DidNotUnderstand, NotUnderstood, Unknown, Confused),
 * away (Away). Whole words only, so `Giveaway` is not `away`.
 */
export function lgKind(name: string): string | undefined {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const has = (...list: string[]) => words.some((w) => list.includes(w));
  const joined = words.join('');
  if (has('greeting', 'greetings', 'welcome', 'intro', 'introduction')) return 'greeting';
  if (has('goodbye', 'bye', 'closing', 'farewell')) return 'closing';
  if (has('fallback', 'unknown', 'confused', 'didnotunderstand', 'notunderstood') || /didnotunderstand|notunderstood|didntunderstand/.test(joined)) {
    return 'fallback';
  }
  if (has('away')) return 'away';
  return undefined;
}

interface Line {
  start: number;
  /** end of the content (before `\r\n` / `\n`) */
  end: number;
  /** start of the next line */
  next: number;
}

function splitLines(src: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < src.length) {
    let nl = src.indexOf('\n', start);
    if (nl < 0) nl = src.length;
    const end = nl > start && src[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ start, end, next: Math.min(nl + 1, src.length) });
    start = nl + 1;
  }
  return lines;
}

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\ufeff' || ch === '\u00a0';

/**
 * Index after the `${…}` expression starting at `i` (which holds `$`), or -1 when it is not
 * closed before `limit`. Quoted strings ('…', "…", `…`) and nested braces are skipped whole.
 */
export function scanExpression(src: string, i: number, limit: number): number {
  let depth = 0;
  let j = i + 1;
  while (j < limit) {
    const ch = src[j];
    if (ch === "'" || ch === '"' || ch === '`') {
      j++;
      while (j < limit && src[j] !== ch) j += src[j] === '\\' ? 2 : 1;
      if (j >= limit) return -1;
      j++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return -1;
}

/**
 * Offset of the ``` that closes a multi-line block whose content starts at `from`, or -1: the
 * first ``` not escaped by `\`. `${…}` expressions need no special case: one cannot hide the
 * closing ``` (an unclosed `${` would run on to a later `}`), and stepping through a closed one
 * character by character lands on its end just the same (it ends with `}`, never with `\`).
 * Scanning each `${` to its end here made a block of many unclosed `${` quadratic.
 */
export function findMultilineEnd(src: string, from: number): number {
  let i = from;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '\\') {
      i += src[i + 1] === '\n' || src[i + 1] === '\r' || i + 1 >= src.length ? 1 : 2;
      continue;
    }
    if (ch === '`' && src.startsWith('```', i)) return i;
    i++;
  }
  return -1;
}

interface Decoded {
  text: string;
  sourceMap: SourceMap;
  /** true when some non-blank character lies outside `${…}` expressions */
  prose: boolean;
}

const ESCAPES: Record<string, string> = { r: '\r', n: '\n', t: '\t' };

/**
 * Decodes LG text in [from, to) (escapes, CRLF → LF, expressions kept raw), trimmed of leading
 * and trailing whitespace. `unclosed` collects the offsets of `${` without a closing `}`.
 */
function decodeText(src: string, from: number, to: number, unclosed: number[], trimStart = true): Decoded {
  while (trimStart && from < to && /\s/.test(src[from])) from++;
  while (to > from && /\s/.test(src[to - 1]) && src[to - 2] !== '\\') to--;
  const b = new SourceMapBuilder();
  let text = '';
  let prose = false;
  let i = from;
  while (i < to) {
    const ch = src[i];
    if (ch === '\\') {
      const next = src[i + 1];
      if (i + 1 >= to || next === '\n' || next === '\r') {
        b.replaced(i, i + 1, 0); // a lone backslash produces nothing
        i += 1;
        continue;
      }
      const value = ESCAPES[next];
      if (value !== undefined) {
        text += value;
        b.replaced(i, i + 2, 1);
      } else {
        // `\x` → `x`: map the character onto itself so columns stay exact.
        b.replaced(i, i + 1, 0);
        b.verbatim(i + 1, next.length);
        text += next;
        if (!/\s/.test(next)) prose = true;
      }
      i += 2;
      continue;
    }
    if (ch === '$' && src[i + 1] === '{') {
      let end = scanExpression(src, i, to);
      if (end < 0) {
        unclosed.push(i);
        end = to;
        const nl = src.indexOf('\n', i);
        if (nl >= 0 && nl < to) end = src[nl - 1] === '\r' ? nl - 1 : nl;
      }
      text += src.slice(i, end);
      b.verbatim(i, end - i);
      i = end;
      continue;
    }
    if (ch === '\r' && src[i + 1] === '\n') {
      text += '\n';
      b.replaced(i, i + 2, 1);
      i += 2;
      continue;
    }
    // A run of ordinary characters.
    let j = i + 1;
    while (j < to && src[j] !== '\\' && src[j] !== '$' && src[j] !== '\r') j++;
    const run = src.slice(i, j);
    if (!prose && /\S/.test(run)) prose = true;
    text += run;
    b.verbatim(i, j - i);
    i = j;
  }
  return { text, sourceMap: b.build(), prose };
}

/**
 * JSON payloads (Adaptive Cards, objects built as strings) are data, not prose: text in `{…}`
 * or `[…]` that JSON.parse accepts once each `${…}` expression stands for a value
 * (`{"n": ${count}}`). `{name}, thanks for…` and `[Note] we…` are prose.
 */
export function looksLikeJson(text: string): boolean {
  const t = text.trim();
  if (!((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']')))) return false;
  let json = '';
  let i = 0;
  for (let at = t.indexOf('${'); at >= 0; at = t.indexOf('${', i)) {
    const end = scanExpression(t, at, t.length);
    if (end < 0) break; // unclosed: the rest stays as it is
    json += `${t.slice(i, at)}0`;
    i = end;
  }
  json += t.slice(i);
  try {
    JSON.parse(json);
    return true;
  } catch {
    return false;
  }
}

/** Splits [from, to) on `|` that are neither escaped nor inside an expression. */
function splitList(src: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  let i = from;
  while (i < to) {
    const ch = src[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '$' && src[i + 1] === '{') {
      const end = scanExpression(src, i, to);
      i = end > 0 ? end : to;
      continue;
    }
    if (ch === '|') {
      out.push([start, i]);
      start = i + 1;
    }
    i++;
  }
  out.push([start, Math.min(to, src.length)]);
  return out;
}

type PropertyRole = { component: Component; list: boolean; kind?: string };

/** Which properties of which structures hold message text. */
function propertyRole(structure: string, property: string): PropertyRole | undefined {
  const s = structure.toLowerCase();
  const p = property.toLowerCase();
  if (s === 'activity') {
    if (p === 'text' || p === 'speak') return { component: 'text', list: false };
    if (p === 'suggestedactions') return { component: 'quick_reply', list: true, kind: 'choice' };
    return undefined;
  }
  if (s === 'cardaction') return p === 'title' ? { component: 'button', list: false, kind: 'choice' } : undefined;
  if (s.endsWith('card')) {
    if (p === 'title') return { component: 'title', list: false };
    if (p === 'subtitle') return { component: 'subtitle', list: false };
    if (p === 'text') return { component: 'text', list: false };
    if (p === 'buttons') return { component: 'button', list: true, kind: 'choice' };
  }
  return undefined;
}

interface Template {
  name: string;
  kind?: string;
  /** variations seen so far (skipped ones included, so indexes match the file) */
  variations: number;
  hasBody: boolean;
  condition?: string;
}

const CONDITION = /^(ELSE\s*IF|IF|ELSE|SWITCH|CASE|DEFAULT)\s*:/i;
const IMPORT = /^\[[^\]\r\n]*\]\([^)\r\n]*\)\s*$/;

export const lgAdapter: FormatAdapter = {
  id: 'lg',
  description: 'Bot Framework Language Generation (`.lg`) templates',
  extensions: ['.lg'],
  placeholderStyles: ['dollar-brace'],
  detect: (input) => /\.lg$/i.test(input.filePath),
  extract(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
    const src = input.text;
    const lines = splitLines(src);
    const lineOf = (offset: number) => {
      let lo = 0;
      let hi = lines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lines[mid].start <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const messages: Message[] = [];
    const errors: FormatError[] = [];
    const directives: Directive[] = [];
    const unclosed: number[] = [];
    const locale = localeFromPath(input.filePath) ?? defaults.locale;
    const base: MessageContext = compact({ ...defaults, channel: defaults.channel ?? 'generic', locale });

    const push = (decoded: Decoded, id: string, template: Template, component: Component, extra: Record<string, unknown>, more: Partial<MessageContext> = {}) => {
      if (!decoded.prose || decoded.text.trim() === '' || looksLikeJson(decoded.text)) return;
      messages.push({
        id,
        text: decoded.text,
        sourceMap: decoded.sourceMap,
        context: compact({
          ...base,
          kind: template.kind ?? base.kind,
          component,
          ...more,
          extra: { ...(base.extra ?? {}), template: template.name, ...extra },
        }),
      });
    };

    let template: Template | undefined;
    for (let li = 0; li < lines.length; li++) {
      const line = lines[li];
      let c = line.start;
      while (c < line.end && isBlank(src[c])) c++;
      if (c >= line.end) continue;
      const first = src[c];
      if (first === '>') {
        const d = parseDirectiveComment(src.slice(c + 1, line.end), c);
        if (d) directives.push(d);
        continue;
      }
      if (first === '#') {
        const header = src.slice(c + 1, line.end).trim();
        const name = header.replace(/\(.*$/, '').trim();
        template = { name, kind: lgKind(name), variations: 0, hasBody: false };
        continue;
      }
      const content = src.slice(c, line.end);
      if (first === '[' && IMPORT.test(content)) continue; // [import](file.lg)
      if (!template) continue; // content before the first template: not messages
      if (first === '[' && !template.hasBody) {
        template.hasBody = true;
        li = structured(c, li, template);
        continue;
      }
      if (first === '-' || first === '*' || first === '+') {
        template.hasBody = true;
        li = variation(c, li, template);
        continue;
      }
      errors.push(new FormatError(`Line in template \`${template.name}\` must start with \`-\` (a variation), \`[\` (a structure) or \`>\` (a comment)`, c));
    }
    for (const at of unclosed) errors.push(new FormatError('Expression `${` is not closed by `}`', at));
    return { messages, errors, directives };

    /** Reads the variation whose bullet is at `c`; returns the index of its last line. */
    function variation(c: number, li: number, t: Template): number {
      const line = lines[li];
      let p = c + 1;
      while (p < line.end && isBlank(src[p])) p++;
      const rest = src.slice(p, line.end);
      if (CONDITION.test(rest)) {
        t.condition = rest.trim();
        return li;
      }
      const index = t.variations++;
      const extra: Record<string, unknown> = { variation: index };
      if (t.condition) extra.condition = t.condition;
      const id = `${t.name}[${index}]`;
      if (src.startsWith('```', p)) {
        const close = findMultilineEnd(src, p + 3);
        if (close < 0) {
          throw new FormatError(`Multi-line text opened with \`\`\` on line ${li + 1} (template \`${t.name}\`) is not closed by \`\`\``, p);
        }
        const closeLine = lineOf(close);
        const decoded = decodeText(src, p + 3, close, unclosed);
        // Text after the closing ``` on the same line continues the variation.
        const tail = decodeText(src, close + 3, lines[closeLine].end, unclosed, false);
        push(tail.text.trim() ? concat(decoded, tail) : decoded, id, t, 'text', { ...extra, multiline: true });
        return closeLine;
      }
      push(decodeText(src, p, line.end, unclosed), id, t, 'text', extra);
      return li;
    }

    /** Reads a structured template opened by `[` at `c`; returns the index of its `]` line. */
    function structured(c: number, li: number, t: Template): number {
      const type = /^[A-Za-z0-9_][\w.-]*/.exec(src.slice(c + 1, lines[li].end).trim())?.[0] ?? '';
      const props: { key: string; role: PropertyRole; ranges: [number, number][] }[] = [];
      let k = li + 1;
      let closed = false;
      for (; k < lines.length; k++) {
        const line = lines[k];
        let s = line.start;
        while (s < line.end && isBlank(src[s])) s++;
        if (s >= line.end) continue;
        const body = src.slice(s, line.end).trimEnd();
        if (body === ']') {
          closed = true;
          break;
        }
        if (src[s] === '#') break;
        if (src[s] === '>') {
          const d = parseDirectiveComment(src.slice(s + 1, line.end), s);
          if (d) directives.push(d);
          continue;
        }
        const m = /^([A-Za-z0-9_][\w.-]*)\s*=\s*/.exec(body);
        if (!m) continue; // `${Template()}` composition lines and the like
        let valueStart = s + m[0].length;
        let valueEnd = line.end;
        if (src.startsWith('```', valueStart)) {
          const close = findMultilineEnd(src, valueStart + 3);
          if (close < 0) {
            throw new FormatError(`Multi-line text opened with \`\`\` on line ${k + 1} (template \`${t.name}\`) is not closed by \`\`\``, valueStart);
          }
          k = lineOf(close);
          valueStart += 3;
          valueEnd = close;
        }
        const role = propertyRole(type, m[1]);
        if (!role) continue;
        props.push({ key: m[1], role, ranges: role.list ? splitList(src, valueStart, valueEnd) : [[valueStart, valueEnd]] });
      }
      if (!closed) {
        throw new FormatError(`Structure \`[${type}\` opened on line ${li + 1} (template \`${t.name}\`) is not closed by a \`]\` line`, c);
      }
      const buttons = props.filter((p) => p.role.component === 'button' && p.role.list).reduce((n, p) => n + p.ranges.length, 0);
      const quickReplies = props.filter((p) => p.role.component === 'quick_reply').reduce((n, p) => n + p.ranges.length, 0);
      for (const prop of props) {
        const extra = { structure: type, property: prop.key };
        if (prop.role.list) {
          prop.ranges.forEach(([a, b], i) =>
            push(decodeText(src, a, b, unclosed), `${t.name}.${prop.key}[${i}]`, t, prop.role.component, { ...extra, index: i }, { kind: prop.role.kind }),
          );
        } else {
          const counts = prop.role.component === 'text' ? compact({ buttons: buttons || undefined, quickReplies: quickReplies || undefined }) : undefined;
          // The template's kind goes to an Activity's Text/Speak only: which part of a card greets
          // (title or text) is not knowable, so card parts keep the configured kind.
          const kind = prop.role.kind ?? (type.toLowerCase() === 'activity' ? t.kind ?? base.kind : base.kind);
          const more: Partial<MessageContext> = { kind };
          if (counts && Object.keys(counts).length > 0) more.counts = counts;
          push(decodeText(src, prop.ranges[0][0], prop.ranges[0][1], unclosed), `${t.name}.${prop.key}`, t, prop.role.component, extra, more);
        }
      }
      return k;
    }
  },
};

function concat(a: Decoded, b: Decoded): Decoded {
  const segments = [...a.sourceMap.segments, ...b.sourceMap.segments.map((s) => ({ ...s, msgStart: s.msgStart + a.text.length, msgEnd: s.msgEnd + a.text.length }))];
  return { text: a.text + b.text, sourceMap: new SourceMap(segments), prose: a.prose || b.prose };
}
