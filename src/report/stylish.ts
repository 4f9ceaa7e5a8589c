// The default human formatter: `file:line:col  severity  message  rule-id`, a code frame
// with the span underlined, and a `help:` line (rustc / oxlint style).
import { LineIndex } from '../engine/positions.js';
import type { FileResult, Finding } from '../types.js';

import type { FormatterContext } from './index.js';

const ANSI = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, green: 32 } as const;

function paint(on: boolean, style: keyof typeof ANSI, text: string): string {
  return on ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
}

const MAX_FRAME = 100;

function codeFrame(lines: LineIndex, f: Finding, color: boolean): string[] {
  const text = lines.lineText(f.line);
  const gutter = String(f.line);
  let from = 0;
  let visible = text;
  if (text.length > MAX_FRAME) {
    from = Math.max(0, f.column - 1 - 30);
    visible = (from > 0 ? '…' : '') + text.slice(from, from + MAX_FRAME) + (from + MAX_FRAME < text.length ? '…' : '');
  }
  const shift = from > 0 ? 1 - from : 0;
  const startCol = f.column - 1 + shift;
  const endCol = f.endLine === f.line ? f.endColumn - 1 + shift : visible.length;
  const width = Math.max(1, Math.min(endCol, visible.length) - startCol);
  const pad = ' '.repeat(gutter.length);
  const expandTabs = (s: string) => s.replace(/\t/g, ' ');
  return [
    `  ${paint(color, 'dim', `${gutter} |`)} ${expandTabs(visible)}`,
    `  ${paint(color, 'dim', `${pad} |`)} ${' '.repeat(Math.max(0, startCol))}${paint(color, f.severity === 'error' ? 'red' : 'yellow', '^'.repeat(width))}`,
  ];
}

export function stylish(results: FileResult[], context: Pick<FormatterContext, 'color'>): string {
  const { color } = context;
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const result of results) {
    if (result.findings.length === 0) continue;
    const lines = new LineIndex(result.source ?? '');
    for (const f of result.findings) {
      const severity = f.severity === 'error' ? paint(color, 'red', 'error') : f.severity === 'warn' ? paint(color, 'yellow', 'warning') : paint(color, 'cyan', 'info');
      out.push(`${paint(color, 'bold', `${result.filePath}:${f.line}:${f.column}`)}  ${severity}  ${f.message}  ${paint(color, 'dim', f.ruleId ?? '')}`.trimEnd());
      if (result.source) out.push(...codeFrame(lines, f, color));
      if (f.help) out.push(`  ${paint(color, 'cyan', 'help:')} ${f.help}`);
      out.push('');
    }
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summary = `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`;
  out.push(paint(color, errors > 0 ? 'red' : 'yellow', `✖ ${summary}`));
  return out.join('\n') + '\n';
}
