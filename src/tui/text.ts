// Terminal text helpers for the TUI: display widths, word wrapping that keeps source offsets
// (for span highlighting and the compose cursor), truncation and padding. No dependencies,
// so that the layout can be computed (and tested) without Ink.

/** Display width of one code point: 0 for combining marks, 2 for wide (CJK, emoji), else 1. */
export function codePointWidth(code: number): number {
  if (code === 0 || code < 32 || (code >= 0x7f && code < 0xa0)) return 0;
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || code === 0xfe0f || code === 0xfe0e || (code >= 0x20d0 && code <= 0x20ff)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x1f680 && code <= 0x1f6ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Display width of a string in terminal cells. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}

/** Cuts `text` to at most `width` cells, ending with `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = codePointWidth(ch.codePointAt(0)!);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

/** Pads (or truncates) to exactly `width` cells. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}

/** One visual line: `text.slice(start, end)`; the characters between lines are breaks. */
export interface WrappedLine {
  start: number;
  end: number;
}

/**
 * Word-wraps `text` to `width` cells, keeping offsets into `text`. `\n` always breaks; a
 * line breaks at the last space that fits (the space is dropped), or inside a word that is
 * longer than the line. An empty text gives one empty line.
 */
export function wrapOffsets(text: string, width: number): WrappedLine[] {
  const w = Math.max(1, width);
  const lines: WrappedLine[] = [];
  let paragraphStart = 0;
  for (;;) {
    let paragraphEnd = text.indexOf('\n', paragraphStart);
    if (paragraphEnd === -1) paragraphEnd = text.length;
    const contentEnd = text[paragraphEnd - 1] === '\r' ? paragraphEnd - 1 : paragraphEnd;
    let pos = paragraphStart;
    if (pos >= contentEnd) lines.push({ start: pos, end: pos });
    while (pos < contentEnd) {
      let used = 0;
      let i = pos;
      let lastSpace = -1;
      while (i < contentEnd) {
        const code = text.codePointAt(i)!;
        const cw = codePointWidth(code);
        if (used + cw > w) break;
        if (code === 32 || code === 9) lastSpace = i;
        used += cw;
        i += code > 0xffff ? 2 : 1;
      }
      if (i >= contentEnd) {
        lines.push({ start: pos, end: contentEnd });
        pos = contentEnd;
        break;
      }
      // `i` is the first character that does not fit.
      if (text[i] === ' ') {
        lines.push({ start: pos, end: i });
        pos = i + 1;
      } else if (lastSpace > pos) {
        lines.push({ start: pos, end: lastSpace });
        pos = lastSpace + 1;
      } else {
        const end = i === pos ? pos + (text.codePointAt(pos)! > 0xffff ? 2 : 1) : i;
        lines.push({ start: pos, end });
        pos = end;
      }
    }
    if (paragraphEnd >= text.length) break;
    paragraphStart = paragraphEnd + 1;
  }
  return lines;
}

/** Word-wraps to plain strings. */
export function wrap(text: string, width: number): string[] {
  return wrapOffsets(text, width).map((l) => text.slice(l.start, l.end));
}

/** A piece of a rendered line, marked when it lies inside the highlighted span. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Splits a wrapped line into segments inside / outside `span` (offsets into the same text). */
export function segmentLine(text: string, line: WrappedLine, span: [number, number] | undefined): Segment[] {
  const body = text.slice(line.start, line.end).replace(/\t/g, ' ');
  if (!span || span[1] <= line.start || span[0] >= line.end) {
    // An empty span at a position on this line: mark one cell so that it is visible.
    if (span && span[0] === span[1] && span[0] >= line.start && span[0] <= line.end) {
      const at = span[0] - line.start;
      return [
        { text: body.slice(0, at), mark: false },
        { text: body.slice(at, at + 1) || ' ', mark: true },
        { text: body.slice(at + 1), mark: false },
      ].filter((s) => s.text !== '');
    }
    return [{ text: body, mark: false }];
  }
  const from = Math.max(span[0], line.start) - line.start;
  const to = Math.min(span[1], line.end) - line.start;
  return [
    { text: body.slice(0, from), mark: false },
    { text: body.slice(from, to), mark: true },
    { text: body.slice(to), mark: false },
  ].filter((s) => s.text !== '');
}

/**
 * The window of at most `max` wrapped lines that shows `focus` (an offset), with the focus
 * line placed about a third from the top. Returns the lines and whether lines were cut
 * before or after.
 */
export function windowAround(lines: WrappedLine[], focus: number, max: number): { lines: WrappedLine[]; before: boolean; after: boolean } {
  if (lines.length <= max) return { lines, before: false, after: false };
  let at = lines.findIndex((l, i) => focus >= l.start && (focus < l.end || i === lines.length - 1 || focus < lines[i + 1].start));
  if (at < 0) at = 0;
  let start = Math.max(0, at - Math.floor(max / 3));
  start = Math.min(start, lines.length - max);
  return { lines: lines.slice(start, start + max), before: start > 0, after: start + max < lines.length };
}

/** Number of code points (what the platforms count as characters). */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The first `count` code points of `text`. */
export function firstChars(text: string, count: number): string {
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n >= count) break;
    out += ch;
    n++;
  }
  return out;
}
