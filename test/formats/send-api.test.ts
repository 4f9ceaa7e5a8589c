import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { channelFor, sendApiAdapter } from '../../src/formats/send-api.js';
import { detectFormat, makeInput } from '../../src/formats/index.js';
import { Linter } from '../../src/engine/lint.js';
import { LineIndex } from '../../src/engine/positions.js';
import { rules } from '../../rules/index.js';
import type { RuleSetting } from '../../src/engine/config.js';
import type { Message } from '../../src/types.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/send-api/${name}`, import.meta.url));
const corpus = (name: string) => fileURLToPath(new URL(`../../../shared/corpora/${name}`, import.meta.url));

function extract(path: string, defaults = {}) {
  const text = readFileSync(path, 'utf8');
  const input = makeInput(path, text);
  return { text, lines: new LineIndex(text), ...sendApiAdapter.extract(input, defaults) };
}

/** `line:column-line:column` of message offsets [start, end) in the file. */
function where(m: Message, lines: LineIndex, start: number, end: number): string {
  const a = lines.at(m.sourceMap.toFile(start));
  const b = lines.at(m.sourceMap.toFile(end, 'end'));
  return `${a.line}:${a.column}-${b.line}:${b.column}`;
}

/** A linter with only the given rules on, at a fixed policy date. */
function linter(only: string[]): Linter {
  const ruleOverrides: Record<string, RuleSetting> = {};
  for (const r of rules) if (!only.includes(r.meta.id)) ruleOverrides[r.meta.id] = 'off';
  return new Linter({ useConfigFiles: false, ruleOverrides, overrideConfig: { policyDate: '2026-06-01' } });
}

const positions = (path: string, only: string[]) =>
  linter(only)
    .lintFile(path)!
    .findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`);

describe('send-api adapter: detection', () => {
  it('recognises request bodies and arrays of them, with sender_action items', () => {
    for (const name of ['order-shipped.json', 'batch.json', 'crlf.json', 'sizes.json', 'instagram/feedback.json']) {
      const path = fixture(name);
      expect(detectFormat(makeInput(path, readFileSync(path, 'utf8')))?.id, name).toBe('send-api');
    }
  });

  it('leaves other JSON alone: WhatsApp templates, locale files, WhatsApp send payloads', () => {
    const others = [
      corpus('whatsapp-business-jaspers-market/message_templates/grocery_delivery_utility.json'),
      corpus('original-coast-clothing/locales/en_US.json'),
      corpus('original-coast-clothing-ig/locales/en_US.json'),
    ];
    for (const path of others) expect(sendApiAdapter.detect(makeInput(path, readFileSync(path, 'utf8'))), path).toBe(false);
    const whatsappSend = '{"messaging_product": "whatsapp", "to": "15551234567", "type": "text", "text": {"body": "Hi"}}';
    expect(sendApiAdapter.detect(makeInput('send.json', whatsappSend))).toBe(false);
    expect(sendApiAdapter.detect(makeInput('x.json', '[{"recipient": {"id": "1"}, "sender_action": "typing_on"}]'))).toBe(false);
    expect(sendApiAdapter.detect(makeInput('x.json', '{"message": {"text": "no recipient"}}'))).toBe(false);
  });

  it('reports a positioned error when forced onto another shape', () => {
    const result = new Linter({ useConfigFiles: false, format: 'send-api' }).lintText('{\n  "greeting": "Hi"\n}\n', 'x.json');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ fatal: true, line: 1, column: 1 });
    expect(result.findings[0].message).toContain('Send API request body');
  });
});

describe('send-api adapter: messages and exact positions', () => {
  it('reads text and quick replies through JSON escapes (\\", \\n, \\u00e9, surrogate pairs)', () => {
    const { messages, lines } = extract(fixture('order-shipped.json'));
    expect(messages.map((m) => [m.id, m.context.component, m.text])).toEqual([
      ['message.text', 'text', 'Your order "Summer kit" has shipped \u{1F4E6}\nCafé pickup: Thursday. Anything else we can help with?'],
      ['message.quick_replies[0].title', 'quick_reply', 'Track my order'],
      ['message.quick_replies[1].title', 'quick_reply', 'Talk to a human agent now'],
    ]);
    const [main] = messages;
    expect(main.context).toMatchObject({ channel: 'messenger', messagingType: 'RESPONSE', counts: { quickReplies: 3 } });
    // `messaging_type` value without its quotes: line 3, columns 22–30.
    expect(main.context.fieldSpans?.messagingType).toBeDefined();
    const [ts, te] = main.context.fieldSpans!.messagingType!;
    expect([lines.at(ts), lines.at(te)]).toEqual([{ line: 3, column: 22 }, { line: 3, column: 30 }]);
    // Hand-checked columns of line 5:  "text": "Your order \"Summer kit\" has shipped \ud83d\udce6\nCaf\u00e9 pickup…
    const t = main.text;
    expect(where(main, lines, t.indexOf('Summer'), t.indexOf('Summer') + 6)).toBe('5:27-5:33');
    expect(where(main, lines, t.indexOf('\u{1F4E6}'), t.indexOf('\u{1F4E6}') + 2)).toBe('5:52-5:64'); // both \u escapes
    expect(where(main, lines, t.indexOf('Café'), t.indexOf('Café') + 4)).toBe('5:66-5:75'); // through \u00e9
    expect(where(main, lines, t.indexOf('pickup'), t.indexOf('pickup') + 6)).toBe('5:76-5:82');
    expect(where(main, lines, t.indexOf('Anything'), t.indexOf('Anything') + 8)).toBe('5:94-5:102');
    // The quick replies carry no request-level fields.
    expect(messages[1].context.messagingType).toBeUndefined();
    expect(messages[1].context.counts).toBeUndefined();
  });

  it('reads button and generic templates; counts and tag go on the main message only', () => {
    const { messages, lines } = extract(fixture('batch.json'));
    expect(messages.map((m) => [m.id, m.context.component, m.text])).toEqual([
      ['[1].message.attachment.payload.text', 'button_text', 'Your receipt for order #4521 is ready.'],
      ['[1].message.attachment.payload.buttons[0].title', 'button', 'View receipt'],
      ['[1].message.attachment.payload.buttons[1].title', 'button', 'Shop the sale'],
      ['[1].message.attachment.payload.buttons[2].title', 'button', 'Help'],
      ['[1].message.attachment.payload.buttons[3].title', 'button', 'Call us'],
      ['[2].message.attachment.payload.elements[0].title', 'title', 'Linen shirt'],
      ['[2].message.attachment.payload.elements[0].subtitle', 'subtitle', 'Breathable linen for hot days'],
      ['[2].message.attachment.payload.elements[0].buttons[0].title', 'button', 'Add to cart'],
      ['[2].message.attachment.payload.elements[1].title', 'title', 'Canvas tote'],
      ['[2].message.attachment.payload.elements[1].subtitle', 'subtitle', 'Fits a laptop and lunch'],
      ['[2].message.quick_replies[0].title', 'quick_reply', 'More like this'],
    ]);
    expect(messages[0].context).toMatchObject({ tag: 'POST_PURCHASE_UPDATE', messagingType: 'MESSAGE_TAG', counts: { buttons: 4 } });
    const [tagStart, tagEnd] = messages[0].context.fieldSpans!.tag!;
    expect([lines.at(tagStart), lines.at(tagEnd)]).toEqual([{ line: 6, column: 13 }, { line: 6, column: 33 }]);
    // The other strings of a tagged request must be non-promotional too, without the tag itself.
    expect(messages[2].context).toMatchObject({ promotional: false });
    expect(messages[2].context.tag).toBeUndefined();
    expect(messages[5].context).toMatchObject({ messagingType: 'RESPONSE', counts: { elements: 2, quickReplies: 1, buttons: 1 } });
    expect(messages[8].context.counts).toBeUndefined();
    expect(where(messages[5], lines, 0, 11)).toBe('33:25-33:36');
  });

  it('lints end to end: retired tag at the tag, 4 buttons, promotional button in a tagged request', () => {
    expect(positions(fixture('batch.json'), ['platform-limits', 'valid-message-tag', 'no-promotional-content'])).toEqual([
      '6:13-6:33 valid-message-tag Message tag `POST_PURCHASE_UPDATE` was retired on 2026-04-27: requests with it fail',
      '12:20-12:58 platform-limits Message has 4 buttons; Messenger allows at most 3',
      '15:45-15:53 no-promotional-content Unexpected promotional phrase `Shop the` (call to buy) in a message marked `promotional: false`',
      '15:54-15:58 no-promotional-content Unexpected promotional phrase `sale` (discount) in a message marked `promotional: false`',
    ]);
  });

  it('keeps positions exact in a CRLF file with \\r\\n, \\" and \\u2705 escapes', () => {
    const { messages, lines, text } = extract(fixture('crlf.json'));
    expect(text).toContain('\r\n');
    expect(messages).toHaveLength(1);
    const [m] = messages;
    expect(m.text).toBe('Your application was approved \u2705\r\nWelcome aboard, "Sam"!');
    expect(where(m, lines, m.text.indexOf('\u2705'), m.text.indexOf('\u2705') + 1)).toBe('6:44-6:50');
    expect(where(m, lines, m.text.indexOf('Welcome'), m.text.indexOf('Welcome') + 7)).toBe('6:54-6:61');
    expect(where(m, lines, m.text.indexOf('Sam'), m.text.indexOf('Sam') + 3)).toBe('6:72-6:75');
    expect(positions(fixture('crlf.json'), ['valid-message-tag'])).toEqual([
      '4:11-4:24 valid-message-tag Unknown message tag `ACCOUNT_UPDTE`; did you mean `ACCOUNT_UPDATE`?',
    ]);
  });

  it('flags more than 13 quick replies on the text', () => {
    expect(positions(fixture('sizes.json'), ['platform-limits'])).toEqual(['7:14-7:40 platform-limits Message has 14 quick replies; Messenger allows at most 13']);
  });

  it('flags more than 10 generic elements and more than 3 buttons on one element', () => {
    const element = (i: number, buttons = 1) => ({ title: `Item ${i}`, buttons: Array.from({ length: buttons }, (_, b) => ({ type: 'postback', title: `Pick ${b}`, payload: 'P' })) });
    const body = {
      recipient: { id: '1' },
      messaging_type: 'RESPONSE',
      message: { attachment: { type: 'template', payload: { template_type: 'generic', elements: [element(0), element(1, 4), ...Array.from({ length: 9 }, (_, i) => element(i + 2))] } } },
    };
    const text = JSON.stringify(body, null, 2);
    const result = linter(['platform-limits']).lintText(text, 'carousel.json');
    expect(result.findings.map((f) => [f.messageId, f.message, text.slice(f.range[0], f.range[1])])).toEqual([
      ['message.attachment.payload.elements[0].title', 'Message has 11 template elements; Messenger allows at most 10', 'Item 0'],
      ['message.attachment.payload.elements[1].title', 'Message has 4 buttons; Messenger allows at most 3', 'Item 1'],
    ]);
  });
});

describe('send-api adapter: Instagram', () => {
  it('takes the channel from the path or the config', () => {
    expect(channelFor('bots/instagram/welcome.json', {})).toBe('instagram');
    expect(channelFor('payloads/ig/welcome.json', {})).toBe('instagram');
    expect(channelFor('original-coast-clothing-ig/flows/welcome.json', {})).toBe('instagram');
    expect(channelFor('C:\\bots\\shop-ig\\welcome.json', {})).toBe('instagram');
    expect(channelFor('bots/welcome.json', { channel: 'instagram' })).toBe('instagram');
    expect(channelFor('bots/welcome.json', {})).toBe('messenger');
    expect(channelFor('bots/big/config-igloo.json', {})).toBe('messenger');
    expect(channelFor('bots/welcome.json', { channel: 'generic' })).toBe('messenger');
  });

  it('reports a non-HUMAN_AGENT tag in an Instagram payload at the tag', () => {
    const { messages } = extract(fixture('instagram/feedback.json'));
    expect(messages[0].context.channel).toBe('instagram');
    expect(positions(fixture('instagram/feedback.json'), ['valid-message-tag'])).toEqual([
      '4:11-4:28 valid-message-tag Instagram only accepts the `HUMAN_AGENT` tag, not `CUSTOMER_FEEDBACK`',
    ]);
  });

  it('applies the Instagram text limit (1000)', () => {
    const text = JSON.stringify({ recipient: { id: '1' }, message: { text: 'a'.repeat(1001) } });
    const result = linter(['platform-limits']).lintText(text, 'dm/instagram/long.json');
    expect(result.findings.map((f) => f.message)).toEqual(['Instagram text message is 1001 characters; the limit is 1000']);
  });
});
