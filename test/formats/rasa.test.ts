import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/engine/positions.js';
import { detectFormat, makeInput } from '../../src/formats/index.js';
import { rasaAdapter, rasaKind } from '../../src/formats/rasa.js';
import { FormatError } from '../../src/formats/types.js';
import type { MessageContext } from '../../src/types.js';
import { brief, corpus, extractWith, lint, read } from '../helpers/adapter-fixtures.js';

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/rasa/${path}`, import.meta.url));

const extract = (path: string, defaults: Partial<MessageContext> = {}) => extractWith(rasaAdapter, path, defaults);

describe('rasa adapter: detection', () => {
  it('recognises real domain files, and the registry picks it before the catalogue', () => {
    for (const name of ['rasa-helpdesk-assistant', 'rasa-financial-demo', 'rasa-carbon-bot']) {
      const { input } = read(corpus(`${name}/domain.yml`));
      expect(rasaAdapter.detect(input)).toBe(true);
      expect(detectFormat(input)?.id).toBe('rasa');
    }
  });

  it('uses content first, the file name only for files with domain keys', () => {
    const detect = (path: string, text: string) => rasaAdapter.detect(makeInput(path, text));
    expect(detect('bot.yml', 'responses:\n  utter_hi:\n  - text: Hi\n')).toBe(true);
    expect(detect('bot.yml', 'version: "3.1"\nintents:\n- greet\n')).toBe(true);
    expect(detect('domain/intents.yml', 'intents:\n- greet\n')).toBe(true);
    expect(detect('domain.yml', 'entities:\n- email\n')).toBe(true);
    // Rasa training data and unrelated YAML are not domains.
    expect(detect('data/nlu.yml', 'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - hi\n')).toBe(false);
    expect(detect('config/domain.yml', 'server: example.com\nport: 80\n')).toBe(false);
    expect(detect('catalogue.yml', 'messages:\n- text: Hi\n')).toBe(false);
  });
});

describe('rasa adapter: kinds', () => {
  it('derives the kind from the response name', () => {
    expect(rasaKind('utter_greet')).toBe('greeting');
    expect(rasaKind('utter_greet_returning')).toBe('greeting');
    expect(rasaKind('utter_welcome')).toBe('greeting');
    expect(rasaKind('utter_hello_world')).toBe('greeting');
    expect(rasaKind('utter_goodbye')).toBe('closing');
    expect(rasaKind('utter_bye')).toBe('closing');
    expect(rasaKind('utter_farewell')).toBe('closing');
    expect(rasaKind('utter_default')).toBe('fallback');
    expect(rasaKind('utter_fallback_human')).toBe('fallback');
    expect(rasaKind('utter_out_of_scope')).toBe('fallback');
    expect(rasaKind('utter_ask_rephrase')).toBe('fallback');
    expect(rasaKind('utter_please_rephrase')).toBe('fallback');
    expect(rasaKind('utter_default_reply_time')).toBeUndefined();
    expect(rasaKind('utter_ask_rephrase_slot')).toBeUndefined();
    expect(rasaKind('utter_ask_email')).toBeUndefined();
  });
});

describe('rasa adapter: real domain files', () => {
  it('reads rasa-helpdesk-assistant with exact positions', () => {
    const { extraction, get, at, byId } = extract(corpus('rasa-helpdesk-assistant/domain.yml'));
    expect(extraction.errors).toEqual([]);
    expect(byId.size).toBe(26); // 21 responses + 5 buttons
    expect(get('utter_greet[0]').text).toBe("Hallo! I'm your IT Helpdesk Assistant.");
    expect(at('utter_greet[0]')).toBe('149:11-149:49');
    expect(at('utter_greet[0]', 'Helpdesk')).toBe('149:30-149:38');
    expect(get('utter_greet[0]').context).toMatchObject({ channel: 'generic', component: 'text', kind: 'greeting' });
    expect(get('utter_goodbye[0]').context.kind).toBe('closing');
    expect(get('utter_out_of_scope[0]').context.kind).toBe('fallback');
    expect(get('utter_default[0]').context.kind).toBe('fallback');
    // `utter_welcome` is "You're welcome!" here: the name heuristic still says greeting (documented).
    expect(get('utter_welcome[0]').context.kind).toBe('greeting');
    expect(get('utter_ask_email[0]').context.kind).toBeUndefined();
    // Buttons: one message each, the text carries the count.
    expect(get('utter_ask_priority[0]').context.counts).toMatchObject({ buttons: 3 });
    expect(get('utter_ask_priority[0].buttons[2]').text).toBe('high');
    expect(at('utter_ask_priority[0].buttons[2]')).toBe('168:14-168:18');
    expect(get('utter_ask_priority[0].buttons[2]').context).toMatchObject({ component: 'button', kind: 'choice' });
    expect(at('utter_ask_confirm[0].buttons[1]')).toBe('186:14-186:37');
    // A double-quoted scalar with `\n` escapes keeps exact columns after the escapes.
    expect(get('utter_help[0]').text).toContain('\n- Help me reset my password \n');
    expect(at('utter_help[0]', 'Help me reset')).toBe('174:157-174:170');
    expect(at('utter_help[0]', 'status of the ticket')).toBe('174:235-174:255');
  });

  it('reads rasa-financial-demo and rasa-carbon-bot', () => {
    const financial = extract(corpus('rasa-financial-demo/domain.yml'));
    expect(financial.extraction.errors).toEqual([]);
    expect(financial.at('utter_recipients[0]', 'recpients')).toBe('464:32-464:41');
    expect(financial.at('utter_help[0]', 'Pay off')).toBe('480:122-480:129');
    expect(financial.get('utter_transfer_complete[0]').text).toBe('Successfully transferred {currency}{amount-of-money} to {PERSON}.');
    expect(financial.get('utter_ask_cc_payment_form_AA_CONTINUE_FORM[0].buttons[1]').text).toBe('No, cancel the transaction');

    const carbon = extract(corpus('rasa-carbon-bot/domain.yml'));
    expect(carbon.extraction.errors).toEqual([]);
    expect(carbon.get('utter_faq/thank[0]').text).toBe('You are welcome!');
    expect(carbon.get('utter_farewell[0]').context.kind).toBe('closing');
    // `- text: ''` is not a message; indexes keep following the file.
    expect(carbon.byId.has('utter_insult[4]')).toBe(false);
    expect(carbon.get('utter_insult[5]').text).toBe('Do you kiss your mother with that mouth?');
    expect(carbon.at('utter_insult[3]')).toBe('200:12-200:15');
    expect(carbon.at('utter_SCENARIOCHECK[0].buttons[0]')).toBe('134:14-134:19');
  });

  it('lints a real domain file end to end', () => {
    const result = lint(corpus('rasa-financial-demo/domain.yml'));
    expect(result.fatalErrorCount).toBe(0);
    const findings = result.findings.map(brief);
    expect(findings).toContain('spelling 464:32-464:41 utter_recipients[0]');
    expect(findings).toContain('platform-limits 413:34-413:40 utter_ask_cc_payment_form_AA_CONTINUE_FORM[0].buttons[1]');
    // Placeholders are masked: no spelling finding inside `{amount-of-money}` and friends.
    expect(result.findings.filter((f) => f.ruleId === 'spelling' && /\{/.test(f.message))).toEqual([]);
  });
});

describe('rasa adapter: fixture', () => {
  it('maps literal and folded block scalars exactly', () => {
    const { get, at } = extract(fixture('domain.yml'));
    expect(get('utter_greet[1]').text).toBe('Hello there!\nI can track orders and answer questions.\n');
    expect(at('utter_greet[1]', 'Hello')).toBe('9:7-9:12');
    expect(at('utter_greet[1]', 'track')).toBe('10:13-10:18');
    expect(get('utter_goodbye[0]').text).toBe('Thanks for chatting with us. Have a great day!');
    expect(at('utter_goodbye[0]', 'Have a great day!')).toBe('15:7-15:24');
    expect(at('utter_default[0]', 'Help')).toBe('17:40-17:44');
  });

  it('reads channels, buttons, quick replies, custom text, elements and conditions', () => {
    const { get, byId, extraction } = extract(fixture('domain.yml'), { channel: 'messenger', locale: 'en' });
    expect(extraction.errors).toEqual([]);
    expect([...byId.keys()]).toEqual([
      'utter_greet[0]', 'utter_greet[1]', 'utter_goodbye[0]', 'utter_default[0]', 'utter_ask_size[0]',
      'utter_ask_size[0].buttons[0]', 'utter_ask_size[0].buttons[1]', 'utter_ask_size[0].quick_replies[0]',
      'utter_promo[0]', 'utter_promo[1]', 'utter_promo[2]', 'utter_custom[0].custom.text',
      'utter_cards[0].elements[0].title', 'utter_cards[0].elements[0].subtitle', 'utter_cards[0].elements[0].buttons[0]',
      'utter_conditional[0]',
    ]);
    // No `channel:` → the configured default; `facebook` → messenger; `slack` → generic.
    expect(get('utter_greet[0]').context).toMatchObject({ channel: 'messenger', locale: 'en', kind: 'greeting' });
    expect(get('utter_greet[1]').context.channel).toBe('messenger');
    expect(get('utter_promo[0]').context.channel).toBe('whatsapp');
    expect(get('utter_promo[1]').context).toMatchObject({ channel: 'generic', extra: { rasaChannel: 'slack' } });
    expect(get('utter_promo[1]').context.fieldSpans?.channel).toBeDefined();
    // Text with buttons on Messenger is a button template.
    expect(get('utter_ask_size[0]').context).toMatchObject({ component: 'button_text', counts: { buttons: 2, quickReplies: 1 } });
    expect(get('utter_ask_size[0].quick_replies[0]').context).toMatchObject({ component: 'quick_reply', kind: 'choice' });
    expect(get('utter_custom[0].custom.text').text).toBe('Your order is on its way.');
    expect(get('utter_cards[0].elements[0].title').context.component).toBe('title');
    expect(get('utter_cards[0].elements[0].subtitle').context.component).toBe('subtitle');
    expect(get('utter_conditional[0]').context.extra?.condition).toEqual([{ type: 'slot', name: 'logged_in', value: true }]);
    expect(extraction.directives).toEqual([{ kind: 'disable-next-line', rules: ['spelling'], reason: 'product name', offset: 794 }]);
  });

  it('gives the same messages and positions for a CRLF copy', () => {
    const lf = extract(fixture('domain.yml'));
    const crlf = extract(fixture('domain-crlf.yml'));
    expect(crlf.text).toContain('\r\n');
    expect([...crlf.byId.keys()]).toEqual([...lf.byId.keys()]);
    for (const id of lf.byId.keys()) {
      expect(crlf.get(id).text, id).toBe(lf.get(id).text);
      expect(crlf.at(id), id).toBe(lf.at(id));
    }
    expect(crlf.at('utter_greet[1]', 'track')).toBe('10:13-10:18');
    expect(crlf.at('utter_goodbye[0]', 'Have a great day!')).toBe('15:7-15:24');
  });

  it('lints end to end: emoji before a finding, directives, CRLF', () => {
    for (const name of ['domain.yml', 'domain-crlf.yml']) {
      const result = lint(fixture(name));
      const findings = result.findings.map(brief);
      // 🎉 is two UTF-16 code units: `colection` starts at column 11 + 2 + 1 + 8.
      expect(findings, name).toContain('spelling 29:22-29:31 utter_promo[0]');
      expect(findings, name).toContain('spelling 31:25-31:34 utter_promo[1]');
      expect(findings, name).toContain('platform-limits 23:34-23:38 utter_ask_size[0].buttons[1]');
      // `# msglint-disable-next-line spelling` silences line 34 (`Shopzilla`).
      expect(result.findings.filter((f) => f.line === 34), name).toEqual([]);
    }
  });
});

describe('rasa adapter: malformed files', () => {
  it('reports bad YAML indentation with its position (exit code 2)', () => {
    const result = lint(fixture('bad-indent.yml'));
    expect(result.fatalErrorCount).toBe(1);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ ruleId: null, fatal: true, line: 5, column: 4 });
    expect(result.findings[0].message).toMatch(/^Cannot parse YAML: All sequence items must start at the same column/);
    const { input } = read(fixture('bad-indent.yml'));
    expect(() => rasaAdapter.extract(input, {})).toThrow(FormatError);
  });

  it('reports entries of the wrong shape and reads the rest', () => {
    const src = 'responses:\n  utter_a: just a string\n  utter_b:\n  - hello\n  - text: 42\n  - text: Fine here.\n';
    const { messages, errors } = rasaAdapter.extract(makeInput('domain.yml', src), {});
    expect(messages.map((m) => m.id)).toEqual(['utter_b[2]']);
    const lines = new LineIndex(src);
    expect(errors!.map((e) => [e.message, lines.at(e.offset)])).toEqual([
      ['Response `utter_a` must be a list of variations (`- text: …`)', { line: 2, column: 12 }],
      ['Variation 0 of `utter_b` must be a mapping with a `text` field', { line: 4, column: 5 }],
      ['`text` of `utter_b[1]` must be a string', { line: 5, column: 11 }],
    ]);
  });
});
