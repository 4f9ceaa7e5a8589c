// A RuleTester in the style of ESLint's and textlint-tester: valid cases must produce no
// finding of the rule; invalid cases must produce exactly the listed findings, each one
// pointing at the exact text it names.
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/lint.js';
import type { Rule } from '../../src/engine/rule.js';
import { rules } from '../../rules/index.js';
import type { Finding, MessageContext } from '../../src/types.js';
import type { RuleSetting } from '../../src/engine/config.js';

export interface ValidCase {
  text: string;
  context?: Partial<MessageContext>;
  options?: Record<string, unknown>;
  /** extra config: words, policyDate */
  words?: string[];
  policyDate?: string;
  name?: string;
}

export interface InvalidCase extends ValidCase {
  findings: { message: string; actual?: string; line?: number; column?: number; suggestions?: string[] }[];
}

/** Lints one message with only `rule` enabled. */
export function lintWith(rule: Rule<any>, c: ValidCase): Finding[] {
  const ruleOverrides: Record<string, RuleSetting> = {};
  for (const r of rules) ruleOverrides[r.meta.id] = 'off';
  ruleOverrides[rule.meta.id] = [rule.meta.severity, c.options ?? {}];
  const overrideConfig = { ...(c.words ? { words: c.words } : {}), ...(c.policyDate ? { policyDate: c.policyDate } : {}) };
  const linter = new Linter({ useConfigFiles: false, ruleOverrides, overrideConfig });
  const result = linter.lintText(c.text, '<text>', { ...c.context });
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

export function runRuleTester(rule: Rule<any>, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule.meta.id}`, () => {
    for (const [i, c] of cases.valid.entries()) {
      it(`valid #${i + 1}: ${c.name ?? c.text.slice(0, 60)}`, () => {
        expect(lintWith(rule, c).map((f) => f.message)).toEqual([]);
      });
    }
    for (const [i, c] of cases.invalid.entries()) {
      it(`invalid #${i + 1}: ${c.name ?? c.text.slice(0, 60)}`, () => {
        const findings = lintWith(rule, c);
        expect(findings.map((f) => f.message), 'number of findings').toHaveLength(c.findings.length);
        c.findings.forEach((expected, j) => {
          const f = findings[j];
          expect(f.message).toContain(expected.message);
          if (expected.actual !== undefined) expect(c.text.slice(f.range[0], f.range[1])).toBe(expected.actual);
          if (expected.line !== undefined) expect(f.line).toBe(expected.line);
          if (expected.column !== undefined) expect(f.column).toBe(expected.column);
          if (expected.suggestions !== undefined) expect(f.suggestions ?? []).toEqual(expect.arrayContaining(expected.suggestions));
        });
      });
    }
  });
}

/** The documented examples of a rule, run as tests (docs are tests). */
export function runDocumentedExamples(rule: Rule<any>): void {
  runRuleTester(rule, {
    valid: rule.meta.examples.valid.map((e) => ({ ...e, name: `documented: ${e.text.slice(0, 50)}` })),
    invalid: rule.meta.examples.invalid.map((e) => ({ ...e, name: `documented: ${e.text.slice(0, 50)}` })),
  });
}
