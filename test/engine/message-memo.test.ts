// A repeated message reuses its first copy's findings (src/engine/message-memo.ts): each copy
// must still be positioned in its own place, and anything that changes what the rules see
// (context, project words, placeholder styles, locale) must give its own findings.
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/lint.js';

const linter = () => new Linter({ useConfigFiles: false });
const brief = (findings: { ruleId: string | null; line: number; column: number; actual?: string }[]) =>
  findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.actual ?? ''}`);

describe('repeated messages', () => {
  it('are reported at each copy, also when the copies are written differently', () => {
    const file = [
      'messages:',
      '  - id: a',
      '    text: "Thanks for yourr order, we will ship it soon."',
      '  - id: b',
      "    text: 'Thanks for yourr order, we will ship it soon.'",
      '  - id: c',
      '    text: >-',
      '      Thanks for yourr',
      '      order, we will ship it soon.',
      '',
    ].join('\n');
    const findings = linter().lintText(file, 'repeat.yml').findings.filter((f) => f.ruleId === 'spelling');
    expect(brief(findings)).toEqual(['spelling 3:23 yourr', 'spelling 5:23 yourr', 'spelling 8:18 yourr']);
    expect(findings.map((f) => f.messageId)).toEqual(['a', 'b', 'c']);
  });

  it('get their own findings when the context differs', () => {
    const file = [
      'messages:',
      '  - text: Your order has shipped. Use code SAVE10 for 10% off your next order!',
      '  - text: Your order has shipped. Use code SAVE10 for 10% off your next order!',
      '    messaging_type: MESSAGE_TAG',
      '    tag: POST_PURCHASE_UPDATE',
      '',
    ].join('\n');
    const promotional = linter()
      .lintText(file, 'tags.yml')
      .findings.filter((f) => f.ruleId === 'no-promotional-content');
    expect(promotional.length).toBeGreaterThan(0);
    expect(promotional.every((f) => f.line === 3)).toBe(true);
  });

  it('get their own findings under other project words (linters share pipelines and their memo)', () => {
    const text = 'Your Zorblax order has shipped.';
    const plain = linter().lintText(text, '<text>').findings.filter((f) => f.ruleId === 'spelling');
    const withWords = new Linter({ useConfigFiles: false, overrideConfig: { words: ['Zorblax'] } }).lintText(text, '<text>').findings.filter((f) => f.ruleId === 'spelling');
    const plainAgain = linter().lintText(text, '<text>').findings.filter((f) => f.ruleId === 'spelling');
    expect(plain.map((f) => f.actual)).toEqual(['Zorblax']);
    expect(withWords).toEqual([]);
    expect(plainAgain.map((f) => f.actual)).toEqual(['Zorblax']);
  });

  it('get their own findings under other placeholder styles', () => {
    const text = 'Hi [[custname]], your order shipped.';
    const custom = new Linter({ useConfigFiles: false, overrideConfig: { placeholders: ['\\[\\[(\\w+)\\]\\]'] } }).lintText(text, '<text>');
    const plain = linter().lintText(text, '<text>');
    expect(custom.findings.filter((f) => f.ruleId === 'spelling')).toEqual([]);
    expect(plain.findings.filter((f) => f.ruleId === 'spelling').map((f) => f.actual)).toEqual(['custname']);
  });

  it('do not repeat a note given once per run', () => {
    const file = ['messages:', '  - text: A encomenda chega amanhã.', '  - text: A encomenda chega amanhã.', ''].join('\n');
    const result = new Linter({ useConfigFiles: false, overrideConfig: { locale: 'pt-PT' } }).lintText(file, 'pt.yml');
    expect(result.findings.filter((f) => f.message.startsWith('Spelling is not checked'))).toHaveLength(1);
  });
});
