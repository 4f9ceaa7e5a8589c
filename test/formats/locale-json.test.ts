import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/engine/decode.js';
import { LineIndex } from '../../src/engine/positions.js';
import { Linter } from '../../src/engine/lint.js';
import { detectFormat, makeInput } from '../../src/formats/index.js';
import { isLocalePath, kindFromKey, localeJsonAdapter } from '../../src/formats/locale-json.js';
import type { Message, MessageContext } from '../../src/types.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CORPORA = resolve(HERE, '../../../shared/corpora');
const OCC = join(CORPORA, 'original-coast-clothing/locales');
const OCC_IG = join(CORPORA, 'original-coast-clothing-ig/locales/en_US.json');
const FIXTURES = resolve(HERE, 'fixtures/locale-json');

function load(filePath: string) {
  const text = decode(readFileSync(filePath)).text;
  return { text, input: makeInput(filePath, text), lines: new LineIndex(text) };
}

function extract(filePath: string, defaults: Partial<MessageContext> = {}) {
  const { text, input, lines } = load(filePath);
  const adapter = detectFormat(input);
  expect(adapter?.id, filePath).toBe('locale-json');
  const extraction = localeJsonAdapter.extract(input, defaults);
  const byId = new Map(extraction.messages.map((m) => [m.id!, m]));
  return { text, lines, extraction, byId };
}

/** line:column of message offset `i` (and of the end of a span of `length`). */
function at(message: Message, lines: LineIndex, i: number): string {
  const { line, column } = lines.at(message.sourceMap.toFile(i));
  return `${line}:${column}`;
}

function spanText(message: Message, src: string, start: number, end: number): string {
  return src.slice(message.sourceMap.toFile(start), message.sourceMap.toFile(end, 'end'));
}

/** All string leaves of a JSON value with their dotted key paths. */
function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix === '' ? k : `${prefix}.${k}`));
  }
  return [];
}

const OCC_FILES = readdirSync(OCC).filter((f) => f.endsWith('.json')).sort();

describe('locale-json on Original Coast Clothing', () => {
  it('has the 18 locales of the corpus', () => {
    expect(OCC_FILES).toHaveLength(18);
  });

  it.each(OCC_FILES.map((f) => [f]))('reads %s: every string, the right locale, exact source maps', (name) => {
    const filePath = join(OCC, name);
    const { text, extraction } = extract(filePath);
    expect(extraction.errors ?? []).toEqual([]);
    const expectedLocale = name.replace(/\.json$/, '').replace('_', '-');
    const expected = leaves(JSON.parse(text)).filter(([, v]) => v.trim() !== '');
    expect(extraction.messages.map((m) => [m.id, m.text])).toEqual(expected);
    for (const m of extraction.messages) {
      expect(m.context.locale).toBe(expectedLocale);
      expect(m.context.channel).toBe('generic');
      // Every character maps onto itself, or onto the backslash of its escape (`\"`).
      for (let i = 0; i < m.text.length; i++) {
        const ch = text[m.sourceMap.toFile(i)];
        if (ch !== m.text[i]) expect(ch, `${m.id} char ${i}`).toBe('\\');
      }
    }
  });

  it('maps it_IT.json to it-IT', () => {
    const { extraction } = extract(join(OCC, 'it_IT.json'));
    expect(new Set(extraction.messages.map((m) => m.context.locale))).toEqual(new Set(['it-IT']));
  });

  it('reads the Instagram variant as channel instagram, unless config says otherwise', () => {
    const { extraction } = extract(OCC_IG);
    expect(extraction.messages.length).toBeGreaterThan(40);
    expect(new Set(extraction.messages.map((m) => m.context.channel))).toEqual(new Set(['instagram']));
    expect(extraction.messages[0].context.locale).toBe('en-US');
    const configured = extract(OCC_IG, { channel: 'messenger' });
    expect(configured.extraction.messages[0].context.channel).toBe('messenger');
  });

  it('gives the OCC keys their kinds and components', () => {
    const { byId } = extract(join(OCC, 'en_US.json'));
    const hint = (id: string) => ({ kind: byId.get(id)!.context.kind, component: byId.get(id)!.context.component });
    expect(hint('profile.greeting')).toEqual({ kind: 'greeting', component: 'greeting' });
    expect(hint('get_started.welcome')).toEqual({ kind: 'greeting', component: 'text' });
    expect(hint('menu.order')).toEqual({ kind: 'choice', component: 'text' });
    expect(hint('leadgen.title')).toEqual({ kind: undefined, component: 'title' });
    expect(hint('curation.subtitle')).toEqual({ kind: undefined, component: 'subtitle' });
    expect(hint('curation.productLaunchTitle')).toEqual({ kind: undefined, component: 'title' });
    expect(hint('fallback.any')).toEqual({ kind: 'fallback', component: 'text' });
    expect(hint('care.default')).toEqual({ kind: undefined, component: 'text' });
    expect(byId.get('care.default')!.context.extra).toEqual({ key: 'care.default' });
  });

  it('maps positions through `\\"` escapes (hand-checked)', () => {
    const { text, lines, byId } = extract(join(OCC, 'en_US.json'));
    // line 80:     "any": "Sorry, but I don’t recognize \"{{message}}\".",
    const any = byId.get('fallback.any')!;
    expect(any.text).toBe('Sorry, but I don’t recognize "{{message}}".');
    expect(at(any, lines, 0)).toBe('80:13');
    const brace = any.text.indexOf('{{');
    expect(at(any, lines, brace)).toBe('80:44');
    expect(spanText(any, text, brace, brace + '{{message}}'.length)).toBe('{{message}}');
    expect(at(any, lines, any.text.indexOf('".'))).toBe('80:55'); // the escaped quote maps to its backslash
    expect(at(any, lines, any.text.length - 1)).toBe('80:57');
    // ru_RU line 42:     "title": "Коллекция \"Лето 2022\"",
    const ru = extract(join(OCC, 'ru_RU.json'));
    const title = ru.byId.get('curation.title')!;
    expect(title.text).toBe('Коллекция "Лето 2022"');
    const summer = title.text.indexOf('Лето');
    expect(at(title, ru.lines, summer)).toBe('42:27');
    expect(spanText(title, ru.text, summer, summer + 4)).toBe('Лето');
  });
});

describe('locale-json fixtures (BOM, CRLF, escapes, emoji, YAML)', () => {
  it('maps positions in a BOM + CRLF JSON file with \\n, \\", \\uXXXX and surrogate escapes', () => {
    const filePath = join(FIXTURES, 'de-DE.json');
    const { text, lines, extraction, byId } = extract(filePath);
    expect(text.startsWith('{')).toBe(true); // BOM removed by decode
    expect(text).toContain('\r\n');
    expect(extraction.messages.map((m) => m.id)).toEqual(['greeting.welcome', 'menu.order', 'fallback.unknown']);
    const welcome = byId.get('greeting.welcome')!;
    expect(welcome.text).toBe('Hallo {{userFirstName}} 👋! Willkommen im "Laden".\nWie kann ich helfen?');
    expect(welcome.context).toMatchObject({ locale: 'de-DE', kind: 'greeting', component: 'text' });
    // line 3:     "welcome": "Hallo {{userFirstName}} 👋! Willkommen im \"Laden\".\nWie kann ich helfen?"
    expect(at(welcome, lines, 0)).toBe('3:17');
    expect(at(welcome, lines, welcome.text.indexOf('👋'))).toBe('3:41');
    expect(at(welcome, lines, welcome.text.indexOf('Willkommen'))).toBe('3:45');
    expect(at(welcome, lines, welcome.text.indexOf('Laden'))).toBe('3:61');
    expect(at(welcome, lines, welcome.text.indexOf('\n'))).toBe('3:69');
    expect(at(welcome, lines, welcome.text.indexOf('Wie'))).toBe('3:71');
    const wie = welcome.text.indexOf('Wie');
    expect(spanText(welcome, text, wie, welcome.text.length)).toBe('Wie kann ich helfen?');
    // line 7:     "unknown": "Caf\u00e9 \ud83d\ude00 geschlossen. Bitte %s erneut versuchen."
    const unknown = byId.get('fallback.unknown')!;
    expect(unknown.text).toBe('Café 😀 geschlossen. Bitte %s erneut versuchen.');
    expect(unknown.context.kind).toBe('fallback');
    expect(at(unknown, lines, 3)).toBe('7:20'); // é ← \u00e9
    expect(at(unknown, lines, 5)).toBe('7:27'); // 😀 ← \ud83d\ude00
    expect(at(unknown, lines, unknown.text.indexOf('geschlossen'))).toBe('7:40');
    expect(at(unknown, lines, unknown.text.indexOf('%s'))).toBe('7:59');
    expect(byId.get('menu.order')!.context.kind).toBe('choice');
  });

  it('reads a Rails-style YAML file: root locale key, folded scalar, lists, directives', () => {
    const filePath = join(FIXTURES, 'i18n/es.yml');
    const { text, lines, extraction, byId } = extract(filePath);
    expect([...byId.keys()]).toEqual(['welcome_message', 'buttons.buy', 'goodbye', 'day_names[0]', 'day_names[1]']);
    const welcome = byId.get('welcome_message')!;
    expect(welcome.text).toBe('Hola {{first_name}}, bienvenido a nuestra tienda.\n');
    expect(welcome.context).toMatchObject({ locale: 'es', kind: 'greeting' });
    expect(at(welcome, lines, welcome.text.indexOf('nuestra'))).toBe('5:5');
    expect(byId.get('buttons.buy')!.context).toMatchObject({ kind: 'choice', component: 'button' });
    expect(byId.get('goodbye')!.context.kind).toBe('closing');
    expect(spanText(byId.get('goodbye')!, text, 0, 7)).toBe('Gracias');
    expect(extraction.directives).toEqual([{ kind: 'disable-next-line', rules: ['spelling'], offset: text.indexOf('# msglint') }]);
  });

  it('detects only translation-looking files', () => {
    const detect = (path: string, content: string) => detectFormat(makeInput(path, content))?.id;
    expect(detect('app/locales/en.json', '{"a": {"b": "Hello"}}')).toBe('locale-json');
    expect(detect('app/locales/de/common.json', '{"hello": "Hallo"}')).toBe('locale-json');
    expect(detect('src/i18n/strings.yml', 'hello: Hallo\n')).toBe('locale-json');
    expect(detect('fr.json', '{"bonjour": "Bonjour"}')).toBe('locale-json');
    expect(detect('pt-BR.yaml', 'oi: Olá\n')).toBe('locale-json');
    expect(detect('data/strings.json', '{"hello": "Hallo"}')).toBeUndefined(); // no locale folder or name
    expect(detect('locales/settings.json', '{"port": 3000, "debug": true, "name": "x"}')).toBeUndefined(); // mostly non-strings
    expect(detect('locales/list.json', '["a", "b"]')).toBeUndefined(); // top level is not a mapping
    expect(detect('locales/empty.json', '{}')).toBeUndefined();
    expect(detect('locales/en.json', '{"//": "comment", "msglint-disable": "spelling", "a": "Hi"}')).toBe('locale-json');
    expect(isLocalePath('x/translations/a.yaml')).toBe(true);
    expect(isLocalePath('x/db.json')).toBe(false);
  });
});

describe('locale-json suppression fields', () => {
  const json = '{\n  "//greeting": "msglint-disable-next-line spelling -- brand",\n  "greeting": "Tpyo here.",\n  "other": {\n    "msglint-disable": "spelling",\n    "a": "Tpyo there."\n  },\n  "last": "Tpyo again."\n}';

  it('does not take `//` comment fields or `msglint-disable` fields for messages', () => {
    const { messages } = localeJsonAdapter.extract(makeInput('locales/en.json', json), {});
    expect(messages.map((m) => m.id)).toEqual(['greeting', 'other.a', 'last']);
  });

  it('lets the engine apply them', () => {
    const result = new Linter({ useConfigFiles: false }).lintText(json, 'locales/en.json');
    expect(result.findings.filter((f) => f.ruleId === 'spelling').map((f) => `${f.line}:${f.column}`)).toEqual(['8:12']);
  });
});

describe('kindFromKey', () => {
  it.each([
    ['profile.greeting', { kind: 'greeting', component: 'greeting' }],
    ['messenger_profile.greeting_text', { kind: 'greeting', component: 'greeting' }],
    ['get_started.welcome', { kind: 'greeting' }],
    ['welcomeMessage', { kind: 'greeting' }],
    ['hello', { kind: 'greeting' }],
    ['greetings.morning', { kind: 'greeting' }],
    ['chat.goodbye', { kind: 'closing' }],
    ['thanks_for_contacting', { kind: 'closing' }],
    ['curation.anything_else', { kind: 'closing' }],
    ['fallback.any', { kind: 'fallback' }],
    ['errors.didntUnderstand', { kind: 'fallback' }],
    ['bot.not-understood', { kind: 'fallback' }],
    ['away_message', { kind: 'away' }],
    ['out_of_office.text', { kind: 'away' }],
    ['menu.order', { kind: 'choice' }],
    ['persistent_menu.support.order', { kind: 'choice' }],
    ['card.buttons.buy', { kind: 'choice', component: 'button' }],
    ['shop_cta', { kind: 'choice', component: 'button' }],
    ['checkout.quick_replies.yes', { kind: 'choice', component: 'quick_reply' }],
    ['leadgen.title', { component: 'title' }],
    ['welcome.title', { component: 'title' }],
    ['leadgen.subtitle', { component: 'subtitle' }],
    ['fallback.greeting', { kind: 'greeting' }], // the last segment wins over its parent
    ['care.default', {}],
    ['wholesale_leadgen.intro', {}],
    ['standby', {}], // no whole-word match
    ['helloworld_app.name', {}],
    ['order.search', {}],
    ['', {}],
  ])('%s', (key, expected) => {
    expect(kindFromKey(key)).toEqual(expected);
  });
});

describe('locale-json end to end (Linter)', () => {
  const linter = new Linter({ useConfigFiles: false });

  it('lints the OCC en_US file with exact positions', () => {
    const result = linter.lintFile(join(OCC, 'en_US.json'))!;
    expect(result.fatalErrorCount).toBe(0);
    const limit = result.findings.find((f) => f.ruleId === 'platform-limits' && f.messageId === 'profile.greeting');
    // The profile greeting is 194 characters; the 161st starts at line 3, column 18 + 160.
    expect(limit).toMatchObject({ line: 3, column: 178, severity: 'error' });
    const typo = result.findings.find((f) => f.ruleId === 'spelling' && f.messageId === 'wholesale_leadgen.lead_qualified');
    expect(typo).toMatchObject({ line: 29, column: 35, endLine: 29, endColumn: 44 });
    expect(result.source!.slice(typo!.range[0], typo!.range[1])).toBe('expresing');
  });

  it('reads all 18 locales and the Instagram file without a fatal error', { timeout: 60_000 }, () => {
    for (const filePath of [...OCC_FILES.map((f) => join(OCC, f)), OCC_IG]) {
      const result = linter.lintFile(filePath)!;
      expect(result.fatalErrorCount, filePath).toBe(0);
      for (const f of result.findings) {
        expect(f.messageId, `${filePath} ${f.ruleId}`).toBeTruthy();
        expect(f.range[0]).toBeLessThanOrEqual(f.range[1]);
      }
    }
  });

  it('applies YAML directives and maps findings through CRLF + BOM', () => {
    const result = linter.lintFile(join(FIXTURES, 'de-DE.json'))!;
    expect(result.fatalErrorCount).toBe(0);
    for (const f of result.findings) expect([3, 5, 7]).toContain(f.line);
  });
});
