// The `?` screen: the key map, laid out to the terminal's width.
import { RichLines, type RichLine } from './rich.js';
import type { Theme } from './theme.js';
import { fit, wrap } from './text.js';

export function helpLines(title: string, keys: [string, string][], width: number, theme: Theme, footer: string[] = []): RichLine[] {
  const keyWidth = Math.min(18, Math.max(...keys.map(([k]) => k.length)) + 2);
  const out: RichLine[] = [[{ text: title, bold: true, color: theme.accent }], []];
  for (const [key, description] of keys) {
    const lines = wrap(description, Math.max(10, width - keyWidth - 2));
    lines.forEach((line, i) => out.push([{ text: `  ${fit(i === 0 ? key : '', keyWidth)}`, bold: true }, { text: line }]));
  }
  if (footer.length) out.push([]);
  for (const line of footer) for (const l of wrap(line, width - 2)) out.push([{ text: `  ${l}`, dim: true }]);
  return out;
}

export function HelpScreen({ title, keys, width, height, theme, footer }: { title: string; keys: [string, string][]; width: number; height: number; theme: Theme; footer?: string[] }) {
  return <RichLines width={width} height={height} lines={helpLines(title, keys, width, theme, footer)} />;
}
