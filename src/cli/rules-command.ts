// `msglint rules` lists the rules; `msglint explain RULE` prints one rule's documentation
// with its examples (the same text as docs/rules.md).
import { rules, ruleIds } from '../../rules/index.js';
import { ruleDocUrl } from '../engine/docs-url.js';
import { closest } from '../engine/suggest.js';
import { renderRuleDoc } from '../report/rule-docs.js';
import type { Io } from './main.js';

export function rulesCommand(args: string[], io: Io): number {
  if (args.includes('--json')) {
    io.stdout(JSON.stringify(rules.map((r) => ({ id: r.meta.id, severity: r.meta.severity, description: r.meta.description, url: ruleDocUrl(r.meta.id) })), null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...ruleIds.map((id) => id.length));
  for (const rule of rules) io.stdout(`${rule.meta.id.padEnd(width)}  ${rule.meta.severity.padEnd(5)}  ${rule.meta.description}\n`);
  return 0;
}

export function explainCommand(args: string[], io: Io): number {
  const id = args[0];
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) {
    const hint = id ? closest(id, ruleIds) : undefined;
    io.stderr(`msglint: ${id ? `unknown rule \`${id}\`${hint ? `; did you mean \`${hint}\`?` : ''}` : 'explain needs a rule id'} (see \`msglint rules\`)\n`);
    return 2;
  }
  io.stdout(renderRuleDoc(rule) + `\nDocumentation: ${ruleDocUrl(rule.meta.id)}\n`);
  return 0;
}
