// Inline suppression directives, written the same way in every format's comment syntax:
//   msglint-disable [rule, rule] [-- reason]
//   msglint-enable [rule, rule]
//   msglint-disable-next-line [rule, rule] [-- reason]
//   msglint-disable-line [rule, rule] [-- reason]
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
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

/**
 * JSON has no comments, so suppressions are fields:
 *   "msglint-disable": "spelling -- brand name"      (or a list of rule ids; "" = all rules)
 * inside an object disables those rules for the whole object, and
 *   "//": "msglint-disable-next-line spelling -- reason"
 * (or "//<key>") disables them for the next key (or for <key>) of the same object.
 */
export function jsonFieldDirectives(root: unknown): Directive[] {
  const out: Directive[] = [];
  const visit = (node: unknown) => {
    if (isSeq(node)) node.items.forEach(visit);
    if (!isMap(node)) return;
    const items = node.items as Pair[];
    items.forEach((pair, index) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as Node | null;
      const keyStart = (pair.key as Node | null)?.range?.[0] ?? 0;
      if (key === 'msglint-disable' && node.range) {
        const rules = isSeq(value) ? value.items.map((i) => String((i as Scalar).value)) : undefined;
        const parsed = isScalar(value) ? parseDirectiveComment(`msglint-disable ${String(value.value)}`, keyStart) : undefined;
        out.push({ kind: 'disable-range', rules: rules ?? parsed?.rules ?? [], reason: parsed?.reason, offset: keyStart, range: [node.range[0], node.range[1]] });
      } else if (key.startsWith('//') && isScalar(value) && typeof value.value === 'string') {
        const parsed = parseDirectiveComment(value.value.replace(/^msglint-disable-next-line\b/, 'msglint-disable'), keyStart);
        const targetKey = key.slice(2);
        const target = targetKey ? items.find((p) => isScalar(p.key) && String(p.key.value) === targetKey) : items[index + 1];
        const span = target && (target.key as Node | null)?.range && (target.value as Node | null)?.range;
        if (parsed && parsed.kind === 'disable' && span) {
          out.push({ kind: 'disable-range', rules: parsed.rules, reason: parsed.reason, offset: keyStart, range: [(target.key as Node).range![0], (target.value as Node).range![1]] });
        }
      }
      visit(value);
    });
  };
  visit(root);
  return out;
}
