import { describe, expect, it } from 'vitest';
import rule, { scanTemplateText } from '../../rules/whatsapp-template.js';
import { Linter } from '../../src/engine/lint.js';
import { rules } from '../../rules/index.js';
import type { RuleSetting } from '../../src/engine/config.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';
import type { MessageContext } from '../../src/types.js';

const body = (category = 'UTILITY'): Partial<MessageContext> => ({ channel: 'whatsapp', category, component: 'body' });
const header: Partial<MessageContext> = { channel: 'whatsapp', category: 'MARKETING', component: 'header' };
const auth = (component: MessageContext['component'] = 'body', examples?: Record<string, string>): Partial<MessageContext> => ({
  channel: 'whatsapp',
  category: 'AUTHENTICATION',
  component,
  ...(examples ? { extra: { examples } } : {}),
});

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: 'Hi {{1}}, your order {{2}} has shipped. Track it in the app any time.', context: body() },
    { text: 'Hi {{1}}, your flight leaves from gate {{3}} at {{2}}. Reply STOP to opt out.', context: body(), name: 'order of appearance is free' },
    { text: 'Hi {{1}}, your total is ${{2}} and 10% of it goes to {{3}}, our partner charity this month.', context: body(), name: 'symbols outside the braces' },
    { text: 'Hello {{1}}, {{2}} is ready for pickup at our downtown store today.', context: body(), name: 'a comma and a space are enough between variables' },
    { text: 'Dear {{ 1 }}, thanks for your visit to our store yesterday afternoon.', context: body(), name: 'spaces inside the braces still count as {{1}}' },
    { text: 'Hi {{1}}! 🎉 Your order is confirmed and on its way to you.', context: body('MARKETING'), name: 'emoji are fine outside AUTHENTICATION' },
    { text: 'Your code for {{1}} is {{2}}. It expires soon, so use it now please.', context: auth('body', { 1: 'Jasper app', 2: '123456789012345' }), name: '15-character example is allowed' },
    { text: '{{1}} is your verification code.', context: auth(), name: 'preset authentication text' },
    { text: 'Sale on {{1}}', context: header, name: 'start/end and word count are body-only checks' },
    { text: 'Track order', context: { channel: 'whatsapp', category: 'UTILITY', component: 'button' } },
    { text: 'Use {{1}} to log in at example dot com.', context: body(), name: 'URL-like text is only checked in AUTHENTICATION templates' },
    { text: 'Hi {{1}} {{2}}', context: { channel: 'messenger', component: 'text' }, name: 'other channels are not checked' },
    { text: 'Hi {{1}} {{2}}', context: { channel: 'whatsapp', component: 'body' }, name: 'no category: not a template' },
    { text: 'Smile :-} and keep your receipt until {{1}} arrives at your door.', context: body(), name: 'a lone closing brace after punctuation is text' },
    { text: 'Keep this {receipt number} until {{1}} arrives at your door, thank you.', context: body(), name: 'braces around prose with spaces are not a variable' },
    { text: 'Rate us from {1-5} after your visit to {{1}} today, it helps a lot.', context: body(), name: '`{1-5}` is not a variable' },
    { text: 'Hi {{1}}, your order ships {{2}}.\nQuestions? Reply to this message.', context: body(), name: 'text after the last variable on a new line' },
  ],
  invalid: [
    { text: 'Hi {1}}, your order has shipped and will arrive soon.', context: body(), findings: [{ message: 'Mismatched braces: `{1}}` has 1 opening and 2 closing braces', actual: '{1}}' }] },
    { text: 'Hi {{{1}}}, your order has shipped and will arrive soon.', context: body(), findings: [{ message: 'Mismatched braces: `{{{1}}}` has 3 opening and 3 closing braces', actual: '{{{1}}}' }] },
    { text: 'Hi {{1, your order has shipped and will arrive soon.', context: body(), findings: [{ message: '`{{1` is not closed by `}}`', actual: '{{1' }] },
    { text: 'Hi 1}}, your order has shipped and will arrive soon.', context: body(), findings: [{ message: '`1}}` has no opening `{{`', actual: '1}}' }] },
    { text: 'Hi {1}, your order has shipped and will arrive soon.', context: body(), findings: [{ message: '`{1}` uses single braces', actual: '{1}' }] },
    {
      text: 'Hi {{1}, your order {{2}} has shipped and will arrive soon.',
      context: body(),
      name: 'a malformed {{1} does not also make {{2}} out of sequence',
      findings: [{ message: 'Mismatched braces: `{{1}`', actual: '{{1}' }],
    },
    { text: 'Your total is {{$1}} and it will be charged to your card today.', context: body(), findings: [{ message: '`$` inside the variable `{{$1}}`', actual: '{{$1}}' }] },
    { text: 'You saved {{1%}} on this order, thanks for shopping with us.', context: body(), findings: [{ message: '`%` inside the variable `{{1%}}`', actual: '{{1%}}' }] },
    { text: 'Hello {{}}, your parcel is waiting at the front desk.', context: body(), findings: [{ message: 'Empty variable `{{}}`', actual: '{{}}' }] },
    { text: 'Hi {{2}}, your parcel is waiting at the front desk for you.', context: body(), findings: [{ message: '`{{1}}` is missing', actual: '{{2}}' }] },
    { text: 'Hi {{0}}, your parcel is waiting at the front desk for you.', context: body(), findings: [{ message: 'numbering starts at `{{1}}`', actual: '{{0}}' }] },
    {
      text: 'Hi {{1}}, parcel {{4}} is waiting at the front desk, ask for {{6}} there.',
      context: body(),
      findings: [
        { message: '`{{2}}` to `{{3}}` are missing', actual: '{{4}}' },
        { message: '`{{5}}` is missing', actual: '{{6}}' },
      ],
    },
    { text: 'Your parcel for {{99999999}} is waiting at the front desk downstairs.', context: body(), findings: [{ message: '`{{1}}` to `{{99999998}}` are missing', actual: '{{99999999}}' }] },
    { text: '{{1}}, your parcel is waiting at the front desk for you.', context: body(), findings: [{ message: 'Body starts with the variable `{{1}}`', actual: '{{1}}' }] },
    { text: '*{{1}}*, your parcel is waiting at the front desk for you.', context: body(), name: 'formatting markers do not count as text', findings: [{ message: 'Body starts with the variable `{{1}}`', actual: '{{1}}' }] },
    { text: 'Your parcel is waiting at the front desk. Pick it up by {{1}}!\n', context: body(), findings: [{ message: 'Body ends with the variable `{{1}}`', line: 1, column: 57 }] },
    { text: 'Dear customer, here is your update:\n\n{{1}}', context: body(), findings: [{ message: 'Body ends with the variable `{{1}}`', line: 3, column: 1 }] },
    { text: '{{1}}', context: body('MARKETING'), name: 'one finding for a body that is only a variable', findings: [{ message: 'Body is only the variable `{{1}}`' }] },
    { text: '{{1}}', context: auth(), name: 'AUTHENTICATION skips start/end but still counts words', findings: [{ message: 'only 0 words of fixed text; review expects at least 3' }] },
    { text: 'Hi {{1}}{{2}}, your appointment with us is confirmed for tomorrow.', context: body(), findings: [{ message: 'Variables `{{1}}` and `{{2}}` are adjacent', actual: '{{1}}{{2}}' }] },
    { text: 'Hi *{{1}}* _{{2}}_, your appointment with us is confirmed for tomorrow.', context: body(), findings: [{ message: 'are adjacent', actual: '{{1}}* _{{2}}' }] },
    { text: 'Hi {{1}}, order {{2}} is ready.', context: body(), findings: [{ message: 'Body has 2 variables but only 4 words of fixed text; review expects at least 5', actual: '{{1}}, order {{2}}' }] },
    { text: 'Hi {{1}}, order {{2}} is ready.', context: body(), options: { wordsPerVariable: 3 }, findings: [{ message: 'review expects at least 7' }] },
    { text: 'Order {{1}} for {{2}}', context: header, findings: [{ message: 'Header has 2 variables; a WhatsApp header allows 1', actual: '{{2}}' }] },
    { text: '{{1}} is your code. Details at https://example.com/help', context: auth(), findings: [{ message: 'URL `https://example.com/help` in an AUTHENTICATION template', actual: 'https://example.com/help' }] },
    { text: '{{1}} is your code. Never share it, see jasper.shop for help.', context: auth(), findings: [{ message: 'URL `jasper.shop`', actual: 'jasper.shop' }] },
    { text: 'Copy code 👍🏽', context: auth('button'), findings: [{ message: 'Emoji `👍🏽` in an AUTHENTICATION template', actual: '👍🏽' }] },
    { text: '{{1}} is your verification code.', context: auth('body', { 1: 'ABCDEFGH-12345678' }), findings: [{ message: 'Example value `ABCDEFGH-12345678` of `{{1}}` is 17 characters; AUTHENTICATION parameters may have at most 15', actual: '{{1}}' }] },
  ],
});

describe('whatsapp-template: near-misses and scanning', () => {
  it('does not treat © ® ™ (text-style pictographs) as emoji in AUTHENTICATION templates', () => {
    const linter = linterWithOnly();
    const result = linter.lintText('{{1}} is your Jasper™ code. © Jasper', '<text>', auth());
    expect(result.findings.filter((f) => f.ruleId === 'whatsapp-template')).toEqual([]);
  });

  it('scans variables and brace problems with offsets', () => {
    const { variables, problems } = scanTemplateText('a {{1}} b {{2} c {x}} d {{{3}}}');
    expect(variables.map((v) => [v.raw, v.start])).toEqual([['{{1}}', 2]]);
    expect(problems.map((p) => 'a {{1}} b {{2} c {x}} d {{{3}}}'.slice(p.start, p.end))).toEqual(['{{2}', '{x}}', '{{{3}}}']);
  });

  it('fails when the rule is not registered (the rule is what finds these)', () => {
    const linter = linterWithOnly();
    const result = linter.lintText('{{1}}, gate {{3}}', '<text>', body());
    expect(result.findings.map((f) => f.ruleId)).toContain('whatsapp-template');
  });
});

function linterWithOnly(): Linter {
  const ruleOverrides: Record<string, RuleSetting> = {};
  for (const r of rules) ruleOverrides[r.meta.id] = r.meta.id === 'whatsapp-template' ? 'error' : 'off';
  return new Linter({ useConfigFiles: false, ruleOverrides });
}
