// Pre-laid-out lines for fixed-height panes: the layout code decides every line (so panes
// never overflow the 24-row budget), and <RichLines> renders them with Ink.
import { Box, Text } from 'ink';
import type { Colour } from './theme.js';
import { textWidth, truncate } from './text.js';

export interface Span {
  text: string;
  color?: Colour;
  bold?: boolean;
  inverse?: boolean;
  dim?: boolean;
  underline?: boolean;
}

export type RichLine = Span[];

export const plain = (text: string, style: Omit<Span, 'text'> = {}): RichLine => [{ text, ...style }];

/** Cuts a line to `width` cells (adding `…`). */
export function clip(line: RichLine, width: number): RichLine {
  const out: RichLine = [];
  let used = 0;
  for (const span of line) {
    const w = textWidth(span.text);
    if (used + w <= width) {
      out.push(span);
      used += w;
      continue;
    }
    const room = width - used;
    if (room > 0) out.push({ ...span, text: truncate(span.text, room) });
    break;
  }
  return out;
}

export function lineWidth(line: RichLine): number {
  return line.reduce((n, s) => n + textWidth(s.text), 0);
}

export function RichText({ line, width }: { line: RichLine; width: number }) {
  const clipped = clip(line, width);
  return (
    <Text wrap="truncate-end">
      {clipped.length === 0 ? ' ' : clipped.map((s, i) => (
        <Text key={i} color={s.color} bold={s.bold} inverse={s.inverse} dimColor={s.dim} underline={s.underline}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

/** Exactly `height` rows: the lines (cut to width), padded with empty rows. */
export function RichLines({ lines, width, height }: { lines: RichLine[]; width: number; height: number }) {
  const rows = lines.slice(0, height);
  while (rows.length < height) rows.push([]);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {rows.map((line, i) => (
        <RichText key={i} line={line} width={width} />
      ))}
    </Box>
  );
}

