// Renders the rules' documentation (docs/rules.md) from their metadata and examples, so the
// documented examples are exactly the ones the tests run.
import type { Rule, RuleExample } from '../engine/rule.js';

function contextLine(example: RuleExample): string {
  const parts = Object.entries(example.context ?? {}).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`);
  if (example.options) parts.push(`options: ${JSON.stringify(example.options)}`);
  return parts.length ? `<sub>${parts.join(' · ')}</sub>\n\n` : '';
}

function fence(text: string): string {
  return '```text\n' + text + '\n```\n';
}

export function renderRuleDoc(rule: Rule<any>): string {
  const { meta } = rule;
  const out: string[] = [];
  out.push(`## ${meta.id}\n`);
  out.push(`${meta.description}\n`);
  out.push(`- **Default severity:** ${meta.severity}`);
  out.push(`- **Applies to:** ${meta.appliesTo}`);
  out.push(`- **Language-dependent:** ${meta.languageDependent ? 'yes' : 'no'}`);
  if (meta.fixable) out.push(`- **Fixable:** ${meta.fixable}`);
  out.push(`\n**Why:** ${meta.rationale}\n`);
  const options = Object.entries(meta.options);
  if (options.length > 0) {
    out.push('| option | type | default | description |\n|---|---|---|---|');
    for (const [name, spec] of options) out.push(`| \`${name}\` | ${spec.type} | \`${JSON.stringify(spec.default)}\` | ${spec.description} |`);
    out.push('');
  }
  out.push('### Valid\n');
  for (const example of meta.examples.valid) {
    out.push(contextLine(example) + fence(example.text) + (example.note ? `${example.note}\n` : ''));
  }
  out.push('### Invalid\n');
  for (const example of meta.examples.invalid) {
    out.push(contextLine(example) + fence(example.text) + example.findings.map((f) => `- ${f.message}${f.actual ? ` (at \`${f.actual}\`)` : ''}`).join('\n') + '\n');
  }
  return out.join('\n');
}

export function renderRuleDocs(rules: Rule<any>[]): string {
  return [
    '# msglint rules\n',
    '<!-- Generated from the rules\' metadata by `npm run docs`; test/docs.test.ts checks it is current. -->\n',
    rules.map((r) => `- [\`${r.meta.id}\`](#${r.meta.id}): ${r.meta.description}`).join('\n') + '\n',
    ...rules.map(renderRuleDoc),
  ].join('\n');
}
