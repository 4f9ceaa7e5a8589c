// The findings list: grouped by file, then by message, one row per finding, scrolled so
// that the selected row (and, when there is room, its group headings) stays in view.
import type { ReviewItem } from '../model/session.js';
import { RichLines, type RichLine } from '../rich.js';
import { SEVERITY_WORD, type Theme } from '../theme.js';
import { fit } from '../text.js';

type Row = { kind: 'file'; text: string; counts: string } | { kind: 'group'; text: string } | { kind: 'finding'; item: ReviewItem; index: number };

export function listRows(items: ReviewItem[], theme: Theme): Row[] {
  const rows: Row[] = [];
  const perFile = new Map<number, Record<ReviewItem['finding']['severity'], number>>();
  for (const item of items) {
    const counts = perFile.get(item.fileIndex) ?? { error: 0, warn: 0, info: 0 };
    counts[item.finding.severity]++;
    perFile.set(item.fileIndex, counts);
  }
  let file = -1;
  let group = '';
  items.forEach((item, index) => {
    if (item.fileIndex !== file) {
      file = item.fileIndex;
      group = '';
      const count = perFile.get(file)!;
      const counts = (['error', 'warn', 'info'] as const)
        .filter((s) => count[s] > 0)
        .map((s) => `${theme.symbols[s]} ${count[s]}`)
        .join(' ');
      rows.push({ kind: 'file', text: item.path, counts });
    }
    if (item.groupKey !== group) {
      group = item.groupKey;
      rows.push({ kind: 'group', text: item.groupLabel });
    }
    rows.push({ kind: 'finding', item, index });
  });
  return rows;
}

export function renderRow(row: Row, selected: boolean, width: number, theme: Theme): RichLine {
  if (row.kind === 'file') return [{ text: row.text, bold: true }, { text: `  ${row.counts}`, dim: true }];
  if (row.kind === 'group') return [{ text: `  ${row.text}`, color: theme.accent }];
  const f = row.item.finding;
  const position = `${f.line}:${f.column}`;
  const rule = f.ruleId ?? (f.fatal ? 'fatal' : 'msglint');
  const ruleWidth = Math.min(24, Math.max(12, Math.floor(width * 0.28)));
  const prefix = selected ? `  ${theme.symbols.pointer} ` : '    ';
  const line: RichLine = [
    { text: prefix, bold: selected },
    { text: `${theme.symbols[f.severity]} `, color: theme.severity[f.severity], bold: true },
    { text: `${fit(position, 8)}`, inverse: selected },
    { text: `${fit(rule, ruleWidth)} `, inverse: selected, bold: selected },
    { text: f.message.replace(/\s+/g, ' '), inverse: selected },
  ];
  // Screen readers and NO_COLOR users still get the severity as a symbol; add the word
  // when there is room.
  if (!theme.color && width >= 100) line.splice(2, 0, { text: `${fit(SEVERITY_WORD[f.severity], 8)}` });
  return line;
}

export function FindingList({ items, selected, width, height, theme }: { items: ReviewItem[]; selected: number; width: number; height: number; theme: Theme }) {
  if (items.length === 0) {
    return <RichLines width={width} height={height} lines={[[{ text: '  No findings match.', dim: true }]]} />;
  }
  const rows = listRows(items, theme);
  const at = rows.findIndex((r) => r.kind === 'finding' && r.index === selected);
  // Scroll: the selected row sits about a third from the top, so the file and message
  // headings above it usually stay in view.
  const start = rows.length > height ? Math.max(0, Math.min(at - Math.floor(height / 3), rows.length - height)) : 0;
  const lines = rows.slice(start, start + height).map((row, i) => renderRow(row, start + i === at, width, theme));
  return <RichLines width={width} height={height} lines={lines} />;
}
