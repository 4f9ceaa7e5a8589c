// Inline suppressions in every syntax, with reasons, unknown rules and unused directives.
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/lint.js';

const lint = (text: string, filePath: string, reportUnusedDisableDirectives = false) =>
  new Linter({ useConfigFiles: false, reportUnusedDisableDirectives }).lintText(text, filePath).findings.map((f) => `${f.line}:${f.ruleId ?? 'null'}:${f.message.slice(0, 40)}`);

describe('suppression directives', () => {
  it('Markdown comments: disable / enable / disable-next-line with a reason', () => {
    const md = ['Tpyo one.', '<!-- msglint-disable-next-line spelling -- a brand name -->', 'Tpyo two.', '<!-- msglint-disable spelling -->', 'Tpyo three.', '<!-- msglint-enable spelling -->', 'Tpyo four.'].join('\n');
    const found = lint(md, 'a.md').filter((f) => f.includes('spelling'));
    expect(found.map((f) => f.split(':')[0])).toEqual(['1', '7']);
  });

  it('YAML comments in a catalogue', () => {
    const yml = 'messages:\n  # msglint-disable-next-line spelling -- product name\n  - text: Tpyo here.\n  - text: Tpyo there.\n';
    expect(lint(yml, 'c.yml').filter((f) => f.includes('spelling')).map((f) => f.split(':')[0])).toEqual(['4']);
  });

  it('JSON fields: msglint-disable in an object and "//" before a key', () => {
    const json = JSON.stringify({ messages: [{ text: 'Tpyo one.', 'msglint-disable': 'spelling -- brand' }, { text: 'Tpyo two.' }] }, null, 2);
    expect(lint(json, 'c.json').filter((f) => f.includes('spelling')).length).toBe(1);
    const locale = '{\n  "//greeting": "msglint-disable spelling -- brand",\n  "greeting": "Tpyo here.",\n  "other": "Tpyo there."\n}';
    const result = new Linter({ useConfigFiles: false }).lintText(locale, 'locales/en.json');
    expect(result.findings.filter((f) => f.ruleId === 'spelling').map((f) => f.line)).toEqual([4]);
  });

  it('reports directives naming unknown rules, and unused ones on request', () => {
    const md = '<!-- msglint-disable-next-line speling -->\nTpyo.\n<!-- msglint-disable-next-line max-length -->\nFine.';
    expect(lint(md, 'a.md').some((f) => f.includes('Unknown rule `speling`'))).toBe(true);
    const unused = lint(md, 'a.md', true);
    expect(unused.some((f) => f.startsWith('3:null:Unused msglint-disable-next-line'))).toBe(true);
  });
});
