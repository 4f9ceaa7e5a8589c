// Inline suppression directives, written the same way in every format's comment syntax:
//   msglint-disable [rule, rule] [-- reason]
//   msglint-enable [rule, rule]
//   msglint-disable-next-line [rule, rule] [-- reason]
//   msglint-disable-line [rule, rule] [-- reason]
import type { Directive } from './types.js';

const DIRECTIVE = /^\s*msglint-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

/** Parses the inside of a comment; `offset` is the comment's file offset. */
export function parseDirectiveComment(body: string, offset: number): Directive | undefined {
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  const [rulesPart, ...reasonParts] = m[2].split(/\s--\s?/);
  const rules = rulesPart
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  const reason = reasonParts.join(' -- ').trim() || undefined;
  return { kind: m[1] as Directive['kind'], rules, reason, offset };
}

/** Finds `# msglint-…` comments in YAML or `.lg` source. */
export function hashCommentDirectives(src: string): Directive[] {
  const out: Directive[] = [];
  const re = /(^|[ \t])#\s*(msglint-[^\r\n]*)/gm;
  for (const m of src.matchAll(re)) {
    const offset = m.index + m[1].length;
    const directive = parseDirectiveComment(m[2], offset);
    if (directive) out.push(directive);
  }
  return out;
}
