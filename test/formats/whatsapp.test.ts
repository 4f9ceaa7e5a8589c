import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { whatsappTemplateAdapter } from '../../src/formats/whatsapp.js';
import { detectFormat, makeInput } from '../../src/formats/index.js';
import { Linter } from '../../src/engine/lint.js';
import { LineIndex } from '../../src/engine/positions.js';
import { rules } from '../../rules/index.js';
import type { RuleSetting } from '../../src/engine/config.js';
import type { Message } from '../../src/types.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/whatsapp/${name}`, import.meta.url));
const jaspers = (name: string) => fileURLToPath(new URL(`../../../shared/corpora/whatsapp-business-jaspers-market/message_templates/${name}`, import.meta.url));

function extract(path: string, defaults = {}) {
  const text = readFileSync(path, 'utf8');
  return { text, lines: new LineIndex(text), ...whatsappTemplateAdapter.extract(makeInput(path, text), defaults) };
}

/** `line:column-line:column` of message offsets [start, end) in the file. */
function where(m: Message, lines: LineIndex, start = 0, end = m.text.length): string {
  const a = lines.at(m.sourceMap.toFile(start));
  const b = lines.at(m.sourceMap.toFile(end, 'end'));
  return `${a.line}:${a.column}-${b.line}:${b.column}`;
}

function linter(only?: string[]): Linter {
  const ruleOverrides: Record<string, RuleSetting> = {};
  if (only) for (const r of rules) if (!only.includes(r.meta.id)) ruleOverrides[r.meta.id] = 'off';
  return new Linter({ useConfigFiles: false, ruleOverrides, overrideConfig: { policyDate: '2026-06-01' } });
}

const positions = (path: string, only?: string[]) =>
  linter(only)
    .lintFile(path)!
    .findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`);

// The rules that judge WhatsApp templates (language-independent or lexicon-based, not dictionaries).
const TEMPLATE_RULES = ['whatsapp-template', 'platform-limits', 'no-promotional-content', 'valid-message-tag'];

describe('whatsapp-template adapter: the Jasper’s Market corpus', () => {
  it('recognises every corpus template', () => {
    for (const name of ['grocery_delivery_utility.json', 'recipe_media_carousel.json', 'strawberries_limited_offer.json']) {
      const path = jaspers(name);
      expect(detectFormat(makeInput(path, readFileSync(path, 'utf8')))?.id, name).toBe('whatsapp-template');
    }
  });

  it('reads grocery_delivery_utility: lowercase types, image header skipped, URL button label', () => {
    const { messages, lines } = extract(jaspers('grocery_delivery_utility.json'));
    expect(messages.map((m) => [m.id, m.context.component, m.text, where(m, lines)])).toEqual([
      ['grocery_delivery_utility.BODY', 'body', 'Free delivery for all online orders with Jasper’s Market', '17:16-17:72'],
      ['grocery_delivery_utility.FOOTER', 'footer', 'developers.facebook.com', '21:16-21:39'],
      ['grocery_delivery_utility.BUTTONS[0]', 'button', 'Get free delivery', '28:20-28:37'],
    ]);
    const body = messages[0].context;
    expect(body).toMatchObject({ channel: 'whatsapp', category: 'MARKETING', locale: 'en_US', counts: { buttons: 1, quickReplies: 0 } });
    const [cs, ce] = body.fieldSpans!.category!;
    expect([lines.at(cs), lines.at(ce)]).toEqual([{ line: 4, column: 16 }, { line: 4, column: 25 }]);
    expect(messages[2].context.extra).toMatchObject({ template: 'grocery_delivery_utility', buttonType: 'URL' });
  });

  it('reads recipe_media_carousel: the body and every card', () => {
    const { messages, lines } = extract(jaspers('recipe_media_carousel.json'));
    expect(messages.map((m) => [m.id, m.context.component, where(m, lines)])).toEqual([
      ['recipe_media_carousel.BODY', 'body', '8:16-8:89'],
      ['recipe_media_carousel.CAROUSEL[0].BODY', 'body', '26:24-26:84'],
      ['recipe_media_carousel.CAROUSEL[0].BUTTONS[0]', 'button', '33:28-33:43'],
      ['recipe_media_carousel.CAROUSEL[1].BODY', 'body', '53:24-53:69'],
      ['recipe_media_carousel.CAROUSEL[1].BUTTONS[0]', 'button', '60:28-60:43'],
    ]);
    expect(messages[1].context.counts).toEqual({ buttons: 1, quickReplies: 0 });
    expect(messages[0].context.counts).toBeUndefined();
  });

  it('reads strawberries_limited_offer: the offer text, the body, a labelled button (copy_code has no label)', () => {
    const { messages, lines } = extract(jaspers('strawberries_limited_offer.json'));
    expect(messages.map((m) => [m.id, m.context.component, m.text, where(m, lines)])).toEqual([
      ['strawberries_limited_offer.LIMITED_TIME_OFFER', 'text', 'Expiring offer!', '18:18-18:33'],
      ['strawberries_limited_offer.BODY', 'body', "Fresh strawberries at Jasper's Market are now 20% off! Get them while they last", '24:16-24:95'],
      ['strawberries_limited_offer.BUTTONS[1]', 'button', 'Shop now', '35:20-35:28'],
    ]);
    expect(messages[1].context.counts).toEqual({ buttons: 2, quickReplies: 0 });
  });

  it('has nothing for the template rules to report on the corpus (judged line by line)', () => {
    // Marketing templates may promote; no variables; every label is within 25 characters.
    for (const name of ['grocery_delivery_utility.json', 'recipe_media_carousel.json', 'strawberries_limited_offer.json']) {
      expect(positions(jaspers(name), TEMPLATE_RULES), name).toEqual([]);
    }
  });
});

describe('whatsapp-template adapter: shapes and exact positions', () => {
  it('maps a template body through \\", \\n, \\u00e9 and surrogate-pair escapes', () => {
    const { messages, lines } = extract(fixture('order_pickup.json'));
    expect(messages.map((m) => [m.id, m.context.component])).toEqual([
      ['order_pickup.HEADER', 'header'],
      ['order_pickup.BODY', 'body'],
      ['order_pickup.FOOTER', 'footer'],
      ['order_pickup.BUTTONS[0]', 'button'],
      ['order_pickup.BUTTONS[1]', 'button'],
      ['order_pickup.BUTTONS[2]', 'button'],
    ]);
    const body = messages[1];
    expect(body.text).toBe('Bonjour {{1}}, votre commande "{{2}}" part aujourd\'hui \u{1F69A}\nRetrait au café {{4}} dès 9h. Répondez STOP pour vous désabonner.');
    expect(body.context).toMatchObject({ category: 'UTILITY', locale: 'fr_FR', counts: { buttons: 3, quickReplies: 1 } });
    expect(body.context.extra).toMatchObject({ examples: { 1: 'Camille', 2: "Kit d'été", 3: 'Rue Oberkampf' } });
    expect(messages[0].context.extra).toMatchObject({ examples: { 1: '#4521' } });
    const t = body.text;
    expect(where(body, lines, 0, 7)).toBe('14:16-14:23');
    expect(where(body, lines, t.indexOf('\u{1F69A}'), t.indexOf('\u{1F69A}') + 2)).toBe('14:73-14:85');
    expect(where(body, lines, t.indexOf('café'), t.indexOf('café') + 4)).toBe('14:98-14:107');
    expect(where(body, lines, t.indexOf('{{4}}'), t.indexOf('{{4}}') + 5)).toBe('14:108-14:113');
    expect(messages[2].text).toBe('Jasper\u2019s Market');
    const [ls, le] = body.context.fieldSpans!.locale!;
    expect([lines.at(ls), lines.at(le)]).toEqual([{ line: 3, column: 16 }, { line: 3, column: 21 }]);
    expect(positions(fixture('order_pickup.json'), ['whatsapp-template'])).toEqual([
      '14:108-14:113 whatsapp-template Variable `{{4}}` is out of sequence: `{{3}}` is missing',
    ]);
  });

  it('reads the list-templates response `{ data: [...] }` in a CRLF file', () => {
    const { messages, lines, text } = extract(fixture('list-crlf.json'));
    expect(text).toContain('\r\n');
    expect(messages.map((m) => [m.id, m.context.category, where(m, lines)])).toEqual([
      ['login_code.BODY', 'AUTHENTICATION', '11:20-11:97'],
      ['login_code.FOOTER', 'AUTHENTICATION', '15:38-15:70'],
      ['login_code.BUTTONS[0]', 'AUTHENTICATION', '16:93-16:115'],
      ['price_drop.BODY', 'MARKETING', '26:36-26:96'],
    ]);
    expect(positions(fixture('list-crlf.json'), TEMPLATE_RULES)).toEqual([
      '11:21-11:26 whatsapp-template Example value `1234567890123456` of `{{1}}` is 16 characters; AUTHENTICATION parameters may have at most 15',
      '16:103-16:115 whatsapp-template Emoji `🔑` in an AUTHENTICATION template',
      '26:46-26:50 whatsapp-template Mismatched braces: `{{1}` has 2 opening and 1 closing brace',
      '26:77-26:87 whatsapp-template `$` inside the variable `{{$price}}`',
      '26:91-26:96 whatsapp-template Body ends with the variable `{{2}}`',
    ]);
  });

  it('reads an array of templates: named examples, same-name language versions, carousel cards', () => {
    const { messages } = extract(fixture('seasonal.json'));
    expect(messages.map((m) => m.id)).toEqual([
      'seasonal_promotion(en_US).HEADER',
      'seasonal_promotion(en_US).BODY',
      'seasonal_promotion(en_US).FOOTER',
      'seasonal_promotion(en_US).BUTTONS[0]',
      'seasonal_promotion(en_US).BUTTONS[1]',
      'seasonal_promotion(es_ES).BODY',
      'new_arrivals.BODY',
      'new_arrivals.CAROUSEL[0].BODY',
      'new_arrivals.CAROUSEL[0].BUTTONS[0]',
      'new_arrivals.CAROUSEL[1].BODY',
      'new_arrivals.CAROUSEL[1].BUTTONS[0]',
    ]);
    expect(messages[1].context.extra).toMatchObject({ examples: { first_name: 'Pablo', discount_code: 'LINEN15', end_date: 'August 31' } });
    expect(messages[0].context.extra).toMatchObject({ examples: { sale_name: 'Summer Sale' } });
    expect(messages[5].context.locale).toBe('es_ES');
    expect(messages[7].context).toMatchObject({ category: 'MARKETING', extra: { card: 0, examples: { 1: 'hot', 2: 'summer' } } });
    expect(positions(fixture('seasonal.json'), TEMPLATE_RULES)).toEqual([
      '30:34-30:39 whatsapp-template Body starts with the variable `{{1}}`',
      '42:54-42:65 whatsapp-template Variables `{{1}}` and `{{2}}` are adjacent',
      '42:54-42:65 whatsapp-template Body has 2 variables but only 4 words of fixed text; review expects at least 5',
      '43:103-43:111 platform-limits WhatsApp button title is 33 characters; the limit is 25',
    ]);
  });

  it('detects only template shapes', () => {
    const yes = [
      '{"name": "a", "components": [{"type": "BODY", "text": "Hi"}]}',
      '[{"name": "a", "components": []}]',
      '{"data": [{"name": "a", "category": "UTILITY", "components": [{"type": "BODY", "text": "Hi"}]}], "paging": {}}',
    ];
    const no = [
      '{"name": "a"}',
      '{"components": [{"type": "BODY", "text": "Hi"}]}',
      '{"data": []}',
      '[{"name": "a", "components": [{"text": "no type"}]}]',
      '{"recipient": {"id": "1"}, "message": {"text": "Hi"}}',
      '{"messaging_product": "whatsapp", "to": "1", "type": "template", "template": {"name": "a", "language": {"code": "en_US"}}}',
    ];
    for (const t of yes) expect(whatsappTemplateAdapter.detect(makeInput('t.json', t)), t).toBe(true);
    for (const t of no) expect(whatsappTemplateAdapter.detect(makeInput('t.json', t)), t).toBe(false);
  });

  it('lets the template category and language win over config defaults, and upper-cases the category', () => {
    const text = '{"name": "a", "category": "utility", "language": "de_DE", "components": [{"type": "body", "text": "Hallo"}]}';
    const { messages } = whatsappTemplateAdapter.extract(makeInput('t.json', text), { category: 'MARKETING', locale: 'en' });
    expect(messages[0].context).toMatchObject({ channel: 'whatsapp', category: 'UTILITY', locale: 'de_DE', component: 'body' });
  });

  it('reports the body of a UTILITY template with promotional content at the phrase', () => {
    const text = '{\n  "name": "shipped",\n  "category": "UTILITY",\n  "language": "en_US",\n  "components": [\n    { "type": "BODY", "text": "Hi {{1}}, your order shipped. Use code SAVE10 for 10% off your next order!" }\n  ]\n}\n';
    const result = linter(['no-promotional-content']).lintText(text, 'shipped.json');
    expect(result.findings.map((f) => `${f.line}:${f.column} ${text.slice(f.range[0], f.range[1])}`)).toEqual(['6:62 Use code', '6:82 10% off']);
  });
});
