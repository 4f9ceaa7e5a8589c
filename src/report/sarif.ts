// SARIF 2.1.0 (GitHub code scanning): rule metadata with help URIs, results with regions in
// UTF-16 columns, files that could not be linted as tool execution notifications.
import { pathToFileURL } from 'node:url';
import { relative, isAbsolute } from 'node:path';
import type { Rule } from '../engine/rule.js';
import type { FileResult } from '../types.js';
import { ruleDocUrl, HOMEPAGE } from '../engine/docs-url.js';

const LEVEL = { error: 'error', warn: 'warning', info: 'note' } as const;

export interface SarifContext {
  cwd: string;
  rules: Rule<any>[];
  version: string;
}

function artifactUri(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (filePath.startsWith('<')) return { uri: encodeURI(filePath.replace(/[<>]/g, '')) };
  const rel = isAbsolute(filePath) ? relative(cwd, filePath) : filePath;
  if (rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(filePath).href };
  return { uri: rel.split('\\').join('/').split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function sarif(results: FileResult[], context: SarifContext): string {
  const ruleIndex = new Map(context.rules.map((r, i) => [r.meta.id, i]));
  const notifications: object[] = [];
  const sarifResults: object[] = [];
  for (const r of results) {
    const location = artifactUri(r.filePath, context.cwd);
    for (const f of r.findings) {
      const physicalLocation = {
        artifactLocation: location,
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column : 1) },
      };
      if (!f.ruleId || !ruleIndex.has(f.ruleId)) {
        notifications.push({ level: 'error', message: { text: f.message }, locations: [{ physicalLocation }] });
        continue;
      }
      sarifResults.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.help ? `${f.message}\n${f.help}` : f.message },
        locations: [{ physicalLocation }],
        ...(f.messageId ? { properties: { messageId: f.messageId } } : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'msglint',
            version: context.version,
            semanticVersion: context.version,
            informationUri: HOMEPAGE,
            rules: context.rules.map((rule) => ({
              id: rule.meta.id,
              name: rule.meta.id.replace(/(^|-)(\w)/g, (_, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.meta.description },
              fullDescription: { text: rule.meta.rationale },
              helpUri: ruleDocUrl(rule.meta.id),
              help: { text: `${rule.meta.description} Applies to ${rule.meta.appliesTo}.`, markdown: `${rule.meta.description}\n\n${rule.meta.rationale}\n\n[Documentation](${ruleDocUrl(rule.meta.id)})` },
              defaultConfiguration: { level: LEVEL[rule.meta.severity] },
              properties: { tags: [rule.meta.languageDependent ? 'language' : 'platform'] },
            })),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : `${context.cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
