// The preview pane (review and compose): the message as the customer first sees it — the
// notification preview cut at the channel's budget — then the character count against the
// platform limit and the quick-reply / button chips against theirs.
import { Box } from 'ink';
import type { Preview } from './model/preview.js';
import { CHANNEL_LABEL } from './model/preview.js';
import { RichLines, type RichLine } from './rich.js';
import type { Theme } from './theme.js';
import { truncate, wrap } from './text.js';

const COMPONENT_LABEL: Record<string, string> = { quick_reply: 'quick reply', button: 'button' };

export function previewLines(preview: Preview | undefined, width: number, height: number, theme: Theme): RichLine[] {
  if (!preview) return [[{ text: 'No message to preview.', dim: true }]];
  const out: RichLine[] = [[{ text: `${CHANNEL_LABEL[preview.channel]} preview`, bold: true }]];
  const chipRows = preview.chips.length > 0 ? Math.min(preview.chips.length, 4) + (preview.chips.length > 4 ? 1 : 0) : 0;
  const fixedAfter = 2 + chipRows; // count lines + chips
  const room = Math.max(1, height - out.length - fixedAfter);
  const text = wrap(preview.notification || '(empty)', width);
  const shown = text.slice(0, room);
  if (text.length > room && shown.length > 0) shown[shown.length - 1] = truncate(`${shown[shown.length - 1]} …`, width);
  for (const line of shown) out.push([{ text: line }]);
  const limit = preview.limit !== undefined ? `${preview.length}/${preview.limit} chars` : `${preview.length} chars (no limit)`;
  out.push([
    { text: limit, color: preview.over ? theme.danger : undefined, bold: preview.over },
    { text: preview.over ? ` ${theme.symbols.over} over` : ` ${theme.symbols.ok}`, color: preview.over ? theme.danger : theme.success },
  ]);
  out.push([{ text: preview.truncated ? `preview cut at ${preview.budget}` : `preview ≤ ${preview.budget}: all shown`, color: preview.truncated ? theme.severity.warn : undefined, dim: !preview.truncated }]);
  const chips = preview.chips.slice(0, 4);
  for (const chip of chips) {
    const count = chip.limit !== undefined ? `${chip.length}/${chip.limit}` : `${chip.length}`;
    const label = truncate(chip.text, Math.max(4, width - count.length - 5));
    out.push([
      { text: `[${label}]`, inverse: !chip.over, color: chip.over ? theme.danger : undefined, bold: chip.over },
      { text: ` ${count}${chip.over ? ` ${theme.symbols.over}` : ''}`, color: chip.over ? theme.danger : undefined, dim: !chip.over },
    ]);
  }
  if (preview.chips.length > 4) out.push([{ text: `+${preview.chips.length - 4} more ${COMPONENT_LABEL[preview.chips[4].component] ?? 'chips'}`, dim: true }]);
  return out;
}

export function PreviewPane({ preview, width, height, theme }: { preview: Preview | undefined; width: number; height: number; theme: Theme }) {
  const inner = Math.max(1, width - 2);
  return (
    <Box borderStyle="round" borderColor={theme.accent} width={width} height={height} flexDirection="column">
      <RichLines width={inner} height={Math.max(1, height - 2)} lines={previewLines(preview, inner, Math.max(1, height - 2), theme)} />
    </Box>
  );
}
