// ESLint's JSON shape, so existing tooling can read it, plus msglint's extras: `messageId`
// (the template id or key path), `help`, `suggestions`; `severity` is 2 error, 1 warning,
// 0 info (ESLint has no info level).
import type { FileResult } from '../types.js';

const SEVERITY = { error: 2, warn: 1, info: 0 } as const;

export function toJsonResults(results: FileResult[]) {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: SEVERITY[f.severity],
      ...(f.fatal ? { fatal: true } : {}),
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.messageId !== undefined ? { messageId: f.messageId } : {}),
      ...(f.help ? { help: f.help } : {}),
      ...(f.suggestions ? { suggestions: f.suggestions.map((s, i) => ({ desc: `Replace with \`${s}\``, fix: f.suggestionFixes?.[i] ?? null })) } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
    })),
    errorCount: r.errorCount,
    fatalErrorCount: r.fatalErrorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
  }));
}

export function json(results: FileResult[]): string {
  return JSON.stringify(toJsonResults(results), null, 2) + '\n';
}
