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

/** Rules that reported but are not built in (customRules from .lintrc) get a descriptor too. */
function withCustomRules(results: FileResult[], rules: Rule<any>[]) {
  const known = new Set(rules.map((r) => r.meta.id));
  const custom = new Set<string>();
  for (const r of results) for (const f of r.findings) if (f.ruleId && !known.has(f.ruleId)) custom.add(f.ruleId);
  return [
    ...rules.map((rule) => ({ id: rule.meta.id, description: rule.meta.description, rationale: rule.meta.rationale, appliesTo: rule.meta.appliesTo, severity: rule.meta.severity, tag: rule.meta.languageDependent ? 'language' : 'platform' })),
    ...[...custom].map((id) => ({ id, description: `Custom rule \`${id}\` from .lintrc customRules.`, rationale: 'Defined by the project in .lintrc.', appliesTo: 'the messages its definition selects', severity: 'warn' as const, tag: 'custom' })),
  ];
}

export function sarif(results: FileResult[], context: SarifContext): string {
  const descriptors = withCustomRules(results, context.rules);
  const ruleIndex = new Map(descriptors.map((r, i) => [r.id, i]));
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
            rules: descriptors.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)(\w)/g, (_, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.rationale },
              helpUri: ruleDocUrl(rule.id),
              help: { text: `${rule.description} Applies to ${rule.appliesTo}.`, markdown: `${rule.description}\n\n${rule.rationale}\n\n[Documentation](${ruleDocUrl(rule.id)})` },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { tags: [rule.tag] },
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
