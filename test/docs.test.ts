// Docs are generated from the rules: the committed docs/rules.md must match, and the JSON
// Schema and .lintrc.example must know every rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules, ruleIds } from '../rules/index.js';
import { renderRuleDocs } from '../src/report/rule-docs.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('documentation', () => {
  it('docs/rules.md is generated from the current rules (run `npm run docs`)', () => {
    expect(read('docs/rules.md')).toBe(renderRuleDocs(rules));
  });
  it('the .lintrc JSON Schema lists every rule', () => {
    const schema = JSON.parse(read('schema/lintrc.schema.json'));
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...ruleIds].sort());
  });
  it('.lintrc.example documents every rule', () => {
    const example = read('.lintrc.example');
    for (const id of ruleIds) expect(example).toContain(`  ${id}:`);
  });
  it('every rule has metadata, a rationale and valid and invalid examples', () => {
    for (const rule of rules) {
      expect(rule.meta.description.length, rule.meta.id).toBeGreaterThan(10);
      expect(rule.meta.rationale.length, rule.meta.id).toBeGreaterThan(20);
      expect(rule.meta.examples.valid.length, rule.meta.id).toBeGreaterThan(0);
      expect(rule.meta.examples.invalid.length, rule.meta.id).toBeGreaterThan(0);
    }
  });
});
