// Custom rules as data (.lintrc customRules): each type, validation errors with positions,
// linear-time patterns, and substitution fixes.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/engine/config.js';
import { Linter, ruleCatalog } from '../../src/engine/lint.js';

const CUSTOM = {
  'acme-terms': { type: 'substitution', swap: { 'e-mail': 'email', 'log in to': 'log into', 'whats app': 'WhatsApp' } },
  'no-jargon': { type: 'existence', tokens: ['synergy', 'leverage*'], message: 'Avoid jargon: `%s`' },
  'no-ticket-ids': { type: 'existence', pattern: '\\bTCK-[0-9]+\\b', message: 'Do not show internal ticket ids (`%s`)' },
  'one-exclamation': { type: 'occurrence', token: '!', max: 1 },
  'button-case': { type: 'capitalization', match: '$sentence', components: ['quick_reply', 'button'] },
  'words-per-sentence': { type: 'metric', formula: 'words / sentences', condition: '> 12', message: 'Sentences average %s words' },
};

function lint(text: string, context = {}, extra: Record<string, unknown> = {}) {
  const rules = Object.fromEntries(Object.keys(ruleCatalog()).map((id) => [id, 'off']));
  return new Linter({ useConfigFiles: false, overrideConfig: { rules: rules as never, customRules: CUSTOM as never, ...extra } })
    .lintText(text, '<text>', context)
    .findings.map((f) => ({ rule: f.ruleId, message: f.message, at: text.slice(f.range[0], f.range[1]), fix: f.fix?.text }));
}

describe('custom rules', () => {
  it('substitution reports and fixes, keeping the first letter\'s case', () => {
    expect(lint('E-mail us or log in to your account.')).toEqual([
      { rule: 'acme-terms', message: 'Use `Email` instead of `E-mail`', at: 'E-mail', fix: 'Email' },
      { rule: 'acme-terms', message: 'Use `log into` instead of `log in to`', at: 'log in to', fix: 'log into' },
    ]);
  });
  it('existence with phrases (accent- and case-insensitive) and with a linear-time regex', () => {
    expect(lint('We leverage synergies. See TCK-1234.').map((f) => f.at)).toEqual(['leverage', 'TCK-1234']);
  });
  it('occurrence, capitalization and metric', () => {
    expect(lint('Great! Thanks! Bye!').map((f) => `${f.rule}:${f.at}`)).toEqual(['one-exclamation:!']);
    expect(lint('Track My Order', { component: 'quick_reply' }).map((f) => f.at)).toEqual(['My']);
    expect(lint('Track my order', { component: 'quick_reply' })).toEqual([]);
    expect(lint('Track My Order', { component: 'text' })).toEqual([]);
    expect(lint('This single sentence has far more than twelve words in it so it is flagged.').map((f) => f.message)).toEqual(['Sentences average 15 words']);
  });
  it('a rule level can be set from `rules`', () => {
    expect(lint('E-mail us.', {}, { rules: { 'acme-terms': 'off' } })).toEqual([]);
  });
  it('validates definitions with positions and suggestions', () => {
    const error = (text: string) => {
      try {
        parseConfig(text, '.lintrc', ruleCatalog());
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(error('customRules:\n  x:\n    type: existance\n    tokens: [a]')).toBe('.lintrc:3:11: custom rule `x`: `type` must be one of existence, substitution, occurrence, capitalization, metric; did you mean `existence`?');
    expect(error('customRules:\n  x:\n    type: existence\n    token: [a]')).toContain('.lintrc:4:5: custom rule `x` (existence): unknown key `token`; did you mean `tokens`?');
    expect(error('customRules:\n  x:\n    type: existence\n    pattern: "(a+)+\\\\1"')).toContain('not a valid regular expression for the linear-time engine');
    expect(error('customRules:\n  x:\n    type: metric\n    formula: words / eval\n    condition: "> 1"')).toContain('unknown `eval` in formula');
    expect(error('customRules:\n  spelling:\n    type: existence\n    tokens: [a]')).toContain('has the id of a built-in rule');
    expect(error('customRules:\n  x:\n    type: substitution')).toContain('needs `swap`');
  });
  it('a catastrophic-backtracking pattern runs in linear time', () => {
    const custom = { evil: { type: 'existence', pattern: '(a+)+$' } };
    const start = performance.now();
    const findings = new Linter({ useConfigFiles: false, overrideConfig: { customRules: custom as never } }).lintText(`${'a'.repeat(5000)}!`, '<text>').findings;
    expect(performance.now() - start).toBeLessThan(5000);
    expect(findings.some((f) => f.ruleId === 'evil')).toBe(false);
  });
});
