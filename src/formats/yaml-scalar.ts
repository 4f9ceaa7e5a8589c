// Decodes a YAML (or JSON) scalar from its source text and records where every decoded
// character came from, so findings point at the exact place in the original file, through
// escapes (`\n`, `\"`, `\uXXXX`, surrogate pairs), quotes, folded and literal block scalars,
// CRLF line breaks and indentation.
//
// The decoder is checked against the value the `yaml` parser produced: if they ever differ
// (an exotic construct), it falls back to a coarse map that points at the scalar's start.
import { Scalar } from 'yaml';
import { SourceMap, SourceMapBuilder } from '../engine/source-map.js';

export interface DecodedScalar {
  text: string;
  sourceMap: SourceMap;
  /** file offsets of the whole scalar token (quotes and block header included) */
  range: [number, number];
  /** false when the decoder fell back to the coarse map */
  exact: boolean;
  /** how replacement text must be encoded to be written back into this scalar */
  style: 'plain' | 'single' | 'double' | 'literal' | 'folded';
}

interface SrcToken {
  type: string;
  offset: number;
  source: string;
  indent?: number;
}

class Decoder {
  out = '';
  readonly map = new SourceMapBuilder();

  emit(text: string, fileStart: number, fileEnd: number): void {
    this.out += text;
    if (fileEnd - fileStart === text.length) this.map.verbatim(fileStart, text.length);
    else this.map.replaced(fileStart, fileEnd, text.length);
  }
}

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t';

/** Length of the line break at `i` (`\n`, `\r\n`, `\r`), or 0. */
function breakLength(src: string, i: number): number {
  if (src[i] === '\n') return 1;
  if (src[i] === '\r') return src[i + 1] === '\n' ? 2 : 1;
  return 0;
}

/**
 * Flow scalar folding: at a line break, trailing blanks before it are dropped, leading
 * blanks after it are dropped, one break becomes a space, n+1 breaks become n newlines.
 * Returns the index after the folded run. `pending` holds blanks not yet emitted.
 */
function fold(src: string, i: number, end: number, d: Decoder): number {
  const firstBreak = i;
  let breaks = 0;
  let j = i;
  while (j < end) {
    const bl = breakLength(src, j);
    if (bl) {
      breaks++;
      j += bl;
      while (j < end && isBlank(src[j])) j++;
      continue;
    }
    break;
  }
  if (breaks === 1) d.emit(' ', firstBreak, j);
  else d.emit('\n'.repeat(breaks - 1), firstBreak, j);
  return j;
}

function decodeFlow(src: string, start: number, end: number, style: 'plain' | 'single' | 'double', d: Decoder): void {
  let i = start;
  let blankStart = -1;
  const flushBlanks = (upTo: number) => {
    if (blankStart >= 0) d.emit(src.slice(blankStart, upTo), blankStart, upTo);
    blankStart = -1;
  };
  while (i < end) {
    const ch = src[i];
    if (isBlank(ch)) {
      if (blankStart < 0) blankStart = i;
      i++;
      continue;
    }
    if (breakLength(src, i)) {
      blankStart = -1; // trailing blanks before a break are dropped
      i = fold(src, i, end, d);
      continue;
    }
    flushBlanks(i);
    if (style === 'single' && ch === "'" && src[i + 1] === "'") {
      d.emit("'", i, i + 2);
      i += 2;
      continue;
    }
    if (style === 'double' && ch === '\\') {
      i = decodeEscape(src, i, end, d);
      continue;
    }
    // Copy a run of ordinary characters at once.
    let j = i + 1;
    while (j < end) {
      const c = src[j];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\\' || c === "'") break;
      j++;
    }
    d.emit(src.slice(i, j), i, j);
    i = j;
  }
  flushBlanks(end);
}

export const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

function decodeEscape(src: string, i: number, end: number, d: Decoder): number {
  const code = src[i + 1];
  const bl = breakLength(src, i + 1);
  if (bl) {
    // Escaped line break: joins the lines without a space.
    let j = i + 1 + bl;
    while (j < end && isBlank(src[j])) j++;
    d.emit('', i, j);
    return j;
  }
  if (code in SIMPLE_ESCAPES) {
    d.emit(SIMPLE_ESCAPES[code], i, i + 2);
    return i + 2;
  }
  const hexLength = code === 'x' ? 2 : code === 'u' ? 4 : code === 'U' ? 8 : 0;
  if (hexLength) {
    const hex = src.slice(i + 2, i + 2 + hexLength);
    const value = String.fromCodePoint(parseInt(hex, 16));
    d.emit(value, i, i + 2 + hexLength);
    return i + 2 + hexLength;
  }
  d.emit(src.slice(i, i + 2), i, i + 2);
  return i + 2;
}

interface BlockLine {
  start: number; // file offset of the line's first character (before indentation)
  contentStart: number;
  end: number; // file offset of the line break (or body end)
  breakEnd: number;
}

function decodeBlock(src: string, bodyStart: number, bodyEnd: number, indent: number, folded: boolean, d: Decoder): void {
  const lines: BlockLine[] = [];
  let i = bodyStart;
  while (i < bodyEnd) {
    let end = i;
    while (end < bodyEnd && !breakLength(src, end)) end++;
    const breakEnd = end + (end < bodyEnd ? breakLength(src, end) : 0);
    lines.push({ start: i, contentStart: Math.min(i + indent, end), end, breakEnd });
    i = breakEnd;
  }
  const isEmpty = (l: BlockLine) => src.slice(l.contentStart, l.end).trim() === '' && l.end - l.start <= indent;
  const moreIndented = (l: BlockLine) => isBlank(src[l.contentStart]);
  let previous: BlockLine | undefined;
  const emptyRun: BlockLine[] = [];
  for (const line of lines) {
    if (isEmpty(line) || (line.contentStart === line.end && line.end - line.start < indent)) {
      emptyRun.push(line);
      continue;
    }
    if (previous === undefined) {
      for (const e of emptyRun) d.emit('\n', e.start, e.breakEnd);
    } else if (!folded || moreIndented(previous) || moreIndented(line)) {
      d.emit('\n', previous.end, previous.breakEnd);
      for (const e of emptyRun) d.emit('\n', e.start, e.breakEnd);
    } else if (emptyRun.length === 0) {
      d.emit(' ', previous.end, previous.breakEnd);
    } else {
      d.emit('', previous.end, previous.breakEnd);
      for (const e of emptyRun) d.emit('\n', e.start, e.breakEnd);
    }
    emptyRun.length = 0;
    d.emit(src.slice(line.contentStart, line.end), line.contentStart, line.end);
    previous = line;
  }
  // Chomping is applied by the caller by matching the parser's trailing newlines.
  if (previous) d.emit('\n', previous.end, previous.breakEnd);
  for (const e of emptyRun) d.emit('\n', e.start, e.breakEnd);
}

function blockIndent(src: string, bodyStart: number, bodyEnd: number, header: string, parentIndent: number): number {
  const explicit = /[1-9]/.exec(header);
  if (explicit) return parentIndent + Number(explicit[0]);
  // Auto-detect from the first non-empty line.
  let i = bodyStart;
  let best = 0;
  while (i < bodyEnd) {
    let j = i;
    while (j < bodyEnd && src[j] === ' ') j++;
    const bl = breakLength(src, j);
    if (j >= bodyEnd) break;
    if (!bl) return j - i;
    best = Math.max(best, j - i);
    i = j + bl;
  }
  return best;
}

/** Decodes a scalar node of a document parsed with `keepSourceTokens: true`. */
export function decodeScalar(node: Scalar, src: string): DecodedScalar | undefined {
  const token = (node as unknown as { srcToken?: SrcToken & { props?: { type: string; source: string }[] } }).srcToken;
  const value = typeof node.value === 'string' ? node.value : node.value == null ? '' : String(node.value);
  if (!node.range) return undefined;
  const range: [number, number] = [node.range[0], node.range[1]];
  const d = new Decoder();
  let style: DecodedScalar['style'] = 'plain';
  if (token && token.type === 'block-scalar') {
    const header = token.props?.find((p) => p.type === 'block-scalar-header')?.source ?? '|';
    style = header.startsWith('>') ? 'folded' : 'literal';
    let bodyStart = range[1] - token.source.length;
    if (src.slice(bodyStart, bodyStart + token.source.length) !== token.source) {
      bodyStart = src.indexOf(token.source, range[0]);
    }
    if (bodyStart >= 0) {
      const bodyEnd = bodyStart + token.source.length;
      const indent = blockIndent(src, bodyStart, bodyEnd, header, token.indent ?? 0);
      decodeBlock(src, bodyStart, bodyEnd, indent, style === 'folded', d);
      // Apply chomping by matching the parser's trailing newlines.
      const wanted = /\n*$/.exec(value)![0].length;
      const have = /\n*$/.exec(d.out)![0].length;
      if (have >= wanted) {
        const keep = d.out.length - have + wanted;
        const text = d.out.slice(0, keep);
        if (text === value) return { text, sourceMap: truncate(d.map.build(), keep), range, exact: true, style };
      }
    }
  } else if (token && (token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar')) {
    const start = token.offset;
    const raw = token.source;
    if (token.type === 'double-quoted-scalar') {
      style = 'double';
      decodeFlow(src, start + 1, start + raw.length - 1, 'double', d);
    } else if (token.type === 'single-quoted-scalar') {
      style = 'single';
      decodeFlow(src, start + 1, start + raw.length - 1, 'single', d);
    } else {
      decodeFlow(src, start, start + raw.length, 'plain', d);
    }
    if (d.out === value) return { text: value, sourceMap: d.map.build(), range, exact: true, style };
  }
  // Coarse fallback: every character maps to the scalar's start.
  return { text: value, sourceMap: new SourceMap([{ msgStart: 0, msgEnd: value.length, fileStart: range[0], fileEnd: range[1] }]), range, exact: false, style };
}

function truncate(map: SourceMap, length: number): SourceMap {
  const segments = map.segments.filter((s) => s.msgStart < length || (s.msgStart === length && s.msgEnd === length));
  const last = segments[segments.length - 1];
  if (last && last.msgEnd > length) {
    const linear = last.msgEnd - last.msgStart === last.fileEnd - last.fileStart;
    segments[segments.length - 1] = { ...last, msgEnd: length, fileEnd: linear ? last.fileStart + (length - last.msgStart) : last.fileEnd };
  }
  return new SourceMap(segments);
}
