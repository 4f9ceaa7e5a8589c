import { compileGlob } from '../../src/engine/glob.js';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { decode } from '../../src/engine/decode.js';
import { LineIndex } from '../../src/engine/positions.js';
import { Linter } from '../../src/engine/lint.js';
import { adapters, makeInput } from '../../src/formats/index.js';
import {
  createSelectorAdapter,
  formatPath,
  globMatcher,
  parseSelector,
  select,
  SelectorFormatError,
  SelectorSyntaxError,
  validateSelectorFormat,
  type SelectorFormat,
} from '../../src/formats/selectors.js';
import type { Message } from '../../src/types.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/selectors');

const DOC = `
meta: {locale: en-GB}
messages:
  - id: a
    body: First
    tag: ACCOUNT_UPDATE
  - id: b
    body: Second
    extra: {reply: Nested reply}
  - body: 3
intents:
  greet:
    responses: [Hello, Hi there]
    reply: Greet reply
  bye:
    responses: [Goodbye]
'odd key': {'a.b': dotted, "it's": quoted}
list: [[x, y], [z]]
`;
const root = parseDocument(DOC).contents;
/** Paths of the matches, as `$…` strings. */
const paths = (selector: string) => select(root, selector).map((m) => formatPath(m.path));
const values = (selector: string) => select(root, selector).map((m) => (m.node as { toJSON(): unknown }).toJSON());

describe('selector parsing', () => {
  it.each([
    ['$', []],
    ['$.a', [{ recursive: false, selector: { type: 'key', keys: ['a'] } }]],
    ["$['a b']", [{ recursive: false, selector: { type: 'key', keys: ['a b'] } }]],
    ['$["a"]', [{ recursive: false, selector: { type: 'key', keys: ['a'] } }]],
    ["$['it\\'s']", [{ recursive: false, selector: { type: 'key', keys: ["it's"] } }]],
    ['$[*]', [{ recursive: false, selector: { type: 'wildcard' } }]],
    ['$.*', [{ recursive: false, selector: { type: 'wildcard' } }]],
    ['$[0]', [{ recursive: false, selector: { type: 'index', indexes: [0] } }]],
    ['$[-1]', [{ recursive: false, selector: { type: 'index', indexes: [-1] } }]],
    ['$[ 0 , 2 ]', [{ recursive: false, selector: { type: 'index', indexes: [0, 2] } }]],
    ["$['a','b']", [{ recursive: false, selector: { type: 'key', keys: ['a', 'b'] } }]],
    ['$..a', [{ recursive: true, selector: { type: 'key', keys: ['a'] } }]],
    ['$..*', [{ recursive: true, selector: { type: 'wildcard' } }]],
    ['$..[1]', [{ recursive: true, selector: { type: 'index', indexes: [1] } }]],
    ['$.quick-replies', [{ recursive: false, selector: { type: 'key', keys: ['quick-replies'] } }]],
    ['$.réponse', [{ recursive: false, selector: { type: 'key', keys: ['réponse'] } }]],
  ])('parses %s', (source, steps) => {
    expect(parseSelector(source)).toEqual({ source, up: 0, steps });
  });

  it('parses relative selectors', () => {
    expect(parseSelector('^.tag', { relative: true })).toMatchObject({ up: 1, steps: [{ recursive: false, selector: { type: 'key', keys: ['tag'] } }] });
    expect(parseSelector('^^^', { relative: true })).toMatchObject({ up: 3, steps: [] });
    expect(parseSelector("^^['a b'][0]", { relative: true }).steps).toHaveLength(2);
  });

  it.each([
    ['', 'expected `$` (the document root) at position 1 of ``'],
    ['messages[*]', 'expected `$` (the document root) at position 1'],
    ['$.', 'expected a key name at position 3'],
    ['$..', 'expected a key name at position 4'],
    ['$...a', 'unexpected `.` at position 4'],
    ['$.a]', 'unexpected `]` at position 4'],
    ['$[', 'unexpected end of selector, expected a quoted key, an index or `*` at position 3'],
    ['$[*', 'expected `]` at position 4'],
    ["$['a", 'unterminated quoted key at position 3'],
    ['$[a]', 'unexpected `a`, expected a quoted key, an index or `*` at position 3'],
    ["$['a' 'b']", 'unexpected `\'`, expected `,` or `]` at position 7'],
    ["$['a',0]", 'a union cannot mix keys and indexes'],
    ['$.a b', 'unexpected ` ` (space) at position 4'],
    ['$.[0]', 'unexpected `[` after `.` at position 3'],
    ['$x', 'unexpected `x` at position 2'],
  ])('rejects %j', (source, message) => {
    expect(() => parseSelector(source)).toThrow(SelectorSyntaxError);
    expect(() => parseSelector(source)).toThrow(message);
  });

  it('requires `^` for relative selectors', () => {
    expect(() => parseSelector('.tag', { relative: true })).toThrow('expected `^`');
  });
});

describe('selector evaluation', () => {
  it('selects children, items and wildcards', () => {
    expect(paths('$.messages[*].body')).toEqual(['$.messages[0].body', '$.messages[1].body', '$.messages[2].body']);
    expect(values('$.messages[*].body')).toEqual(['First', 'Second', 3]);
    expect(values('$.messages.*.id')).toEqual(['a', 'b']);
    expect(values('$.intents.*.responses[*]')).toEqual(['Hello', 'Hi there', 'Goodbye']);
    expect(values("$['intents']['greet'].responses[1]")).toEqual(['Hi there']);
    expect(values('$.messages[-1].body')).toEqual([3]);
    expect(values('$.messages[0,1].id')).toEqual(['a', 'b']);
    expect(values("$.messages[0]['id','body']")).toEqual(['a', 'First']);
    expect(values('$.list[*][*]')).toEqual(['x', 'y', 'z']);
    expect(values('$.meta')).toEqual([{ locale: 'en-GB' }]);
  });

  it('selects with recursive descent, in document order, without duplicates', () => {
    expect(paths('$..reply')).toEqual(['$.messages[1].extra.reply', '$.intents.greet.reply']);
    expect(values('$..responses[0]')).toEqual(['Hello', 'Goodbye']);
    expect(values('$.list..[0]')).toEqual([['x', 'y'], 'x', 'z']);
    expect(values('$..*..reply')).toEqual(['Nested reply', 'Greet reply']);
    expect(values('$.intents..*').filter((v) => typeof v === 'string')).toEqual(['Hello', 'Hi there', 'Greet reply', 'Goodbye']);
  });

  it('handles odd keys and misses', () => {
    expect(values("$['odd key']['a.b']")).toEqual(['dotted']);
    expect(values(`$['odd key']["it's"]`)).toEqual(['quoted']);
    expect(paths("$['odd key'].*")).toEqual(["$['odd key']['a.b']", "$['odd key']['it\\'s']"]);
    expect(values('$.nothing.here')).toEqual([]);
    expect(values('$.messages.body')).toEqual([]); // a list has no keys
    expect(values('$.meta[0]')).toEqual([]); // a mapping has no indexes
    expect(values('$.messages[7]')).toEqual([]);
    expect(select(parseDocument('just text').contents, '$').map((m) => (m.node as { value: unknown }).value)).toEqual(['just text']);
    expect(select(parseDocument('').contents, '$.a')).toEqual([]);
  });

  it('formats paths', () => {
    expect(formatPath([])).toBe('$');
    expect(formatPath(['messages', 0, 'body'])).toBe('$.messages[0].body');
    expect(formatPath(['a b', 'x-y', '1st'])).toBe("$['a b'].x-y['1st']");
  });
});

describe('globs', () => {
  it('compiles globs', () => {
    expect(compileGlob('*.json')('a.json')).toBe(true);
    expect(compileGlob('*.json')('x/a.json')).toBe(false);
    expect(compileGlob('**/*.json')('a.json')).toBe(true);
    expect(compileGlob('**/*.json')('x/y/a.json')).toBe(true);
    expect(compileGlob('bot/**')('bot/x/y.yml')).toBe(true);
    expect(compileGlob('bot/*.{json,yml}')('bot/a.yml')).toBe(true);
    expect(compileGlob('bot/*.{json,yml}')('bot/a.yaml')).toBe(false);
    expect(compileGlob('file?.json')('file1.json')).toBe(true);
    expect(compileGlob('[ab].json')('b.json')).toBe(true);
    expect(compileGlob('[!ab].json')('b.json')).toBe(false);
    expect(compileGlob('a.b(c)+.json')('a.b(c)+.json')).toBe(true);
  });

  it('matches paths relative to a base folder; basename patterns anywhere; `!` excludes', () => {
    const match = globMatcher(['bot/**/*.json', '*.flow.yml', '!**/settings.json'], '/repo');
    expect(match('/repo/bot/a.json')).toBe(true);
    expect(match('/repo/bot/deep/b.json')).toBe(true);
    expect(match('/repo/other/a.json')).toBe(false);
    expect(match('/repo/x/y/z.flow.yml')).toBe(true);
    expect(match('/repo/bot/settings.json')).toBe(false);
    expect(globMatcher(['./bot/*.json'], '/repo')('/repo/bot/a.json')).toBe(true);
    expect(globMatcher(['**/*.json', '*.json'], '/repo')('/elsewhere/a.json')).toBe(false); // outside the base folder
    expect(globMatcher(['bot/'], '/repo')('/repo/bot/a/b.yml')).toBe(true);
  });
});

describe('validateSelectorFormat', () => {
  const valid: SelectorFormat = { files: 'bot/*.json', text: ['$.messages[*].text'], context: { channel: 'messenger', tag: '^.tag', locale: '$.meta.locale', promotional: 'false' } };

  it('accepts valid entries', () => {
    expect(() => validateSelectorFormat(valid, 'formats[0]')).not.toThrow();
    expect(() => validateSelectorFormat({ files: ['a.json'], text: '$..reply' }, 'formats[1]')).not.toThrow();
    expect(() => validateSelectorFormat({ files: 'a.json', text: '$.a', context: { tag: '\\^literal' } }, 'f')).not.toThrow();
  });

  it.each([
    [null, 'formats[0]', 'a format entry must be a mapping with `files` and `text` (got null)'],
    [['x'], 'formats[0]', 'got a list'],
    [{ text: '$.a' }, 'formats[0]', '`files` is required'],
    [{ files: 'a.json' }, 'formats[0]', '`text` is required'],
    [{ files: [], text: '$.a' }, 'formats[0].files', 'must be a string or a non-empty list of strings (got a list)'],
    [{ files: ['a.json', 3], text: '$.a' }, 'formats[0].files[1]', 'must be a non-empty string (got number 3)'],
    [{ files: 'a.json', txt: '$.a' }, 'formats[0].txt', 'unknown key `txt`; did you mean `text`?'],
    [{ files: 'a.json', text: 'messages[*].text' }, 'formats[0].text', '`messages[*].text` must start with `$` (the document root)'],
    [{ files: 'a.json', text: ['$.a', '$.b]'] }, 'formats[0].text[1]', 'unexpected `]` at position 4 of `$.b]`'],
    [{ files: 'a.json', text: '$.a', context: 'x' }, 'formats[0].context', 'must be a mapping of context fields'],
    [{ files: 'a.json', text: '$.a', context: { tags: '^.tag' } }, 'formats[0].context.tags', 'unknown context field `tags`; did you mean `tag`?'],
    [{ files: 'a.json', text: '$.a', context: { channel: 'sms' } }, 'formats[0].context.channel', 'must be one of messenger, instagram, whatsapp, generic'],
    [{ files: 'a.json', text: '$.a', context: { component: 'label' } }, 'formats[0].context.component', 'must be one of text, quick_reply'],
    [{ files: 'a.json', text: '$.a', context: { promotional: 'no' } }, 'formats[0].context.promotional', 'must be `true`, `false`'],
    [{ files: 'a.json', text: '$.a', context: { tag: '^tag' } }, 'formats[0].context.tag', 'unexpected `t` at position 2 of `^tag`'],
    [{ files: 'a.json', text: '$.a', context: { tag: 3 } }, 'formats[0].context.tag', 'must be a non-empty string'],
  ])('rejects %j', (entry, path, message) => {
    let error: unknown;
    try {
      validateSelectorFormat(entry, 'formats[0]');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SelectorFormatError);
    expect((error as SelectorFormatError).path).toBe(path);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message.startsWith(`\`${path}\`: `)).toBe(true);
  });
});

describe('createSelectorAdapter', () => {
  const entry: SelectorFormat = {
    files: 'bot/*.json',
    text: ['$.messages[*].body', '$.intents.*.responses[*]', '$..reply'],
    context: { channel: '$.meta.channel', locale: '$.meta.locale', tag: '^.tag', id: '^.id', kind: '^^.kind' },
  };
  const adapter = createSelectorAdapter(entry, { baseDir: FIXTURES });

  function load(name: string) {
    const filePath = join(FIXTURES, name);
    const text = decode(readFileSync(filePath)).text;
    const lines = new LineIndex(text);
    const at = (offset: number) => {
      const p = lines.at(offset);
      return `${p.line}:${p.column}`;
    };
    return { filePath, text, input: makeInput(filePath, text), at };
  }

  it('detects files by glob, relative to the base folder', () => {
    expect(adapter.detect(load('bot/messages.json').input)).toBe(true);
    expect(adapter.detect(makeInput(join(FIXTURES, 'other/messages.json'), '{}'))).toBe(false);
    expect(adapter.id).toBe('selectors');
    expect(adapter.extensions).toEqual(['.json', '.yml', '.yaml']);
  });

  it('extracts the selected strings with context and exact positions', () => {
    const { input, text, at } = load('bot/messages.json');
    const { messages, errors } = adapter.extract(input, { channel: 'whatsapp', promotional: false });
    expect(errors).toEqual([]);
    const byId = new Map(messages.map((m) => [m.id!, m]));
    expect([...byId.keys()]).toEqual([
      'welcome',
      'promo',
      '$.messages[2].body',
      '$.intents.greet.responses[0]',
      '$.intents.greet.responses[1]',
      '$.intents.bye.responses[0]',
      '$.messages[1].quick.reply',
    ]);
    const welcome = byId.get('welcome')!;
    expect(welcome.context).toMatchObject({ channel: 'messenger', locale: 'en-GB', tag: 'POST_PURCHASE_UPDATE', component: 'text', promotional: false });
    expect(welcome.context.extra).toEqual({ path: '$.messages[0].body', selector: '$.messages[*].body' });
    expect(at(welcome.sourceMap.toFile(0))).toBe('4:32');
    const promo = byId.get('promo')!;
    expect(at(promo.sourceMap.toFile(promo.text.indexOf('20%')))).toBe('5:34');
    expect(at(promo.context.fieldSpans!.tag![0])).toBe('5:63');
    expect(text.slice(...promo.context.fieldSpans!.tag!)).toBe('"POST_PURCHASE_UPDATE"');
    const third: Message = byId.get('$.messages[2].body')!;
    expect(third.text).toBe("Your parcel is on it's way.\nTrack it here.");
    expect(third.context.tag).toBeUndefined();
    expect(at(third.sourceMap.toFile(third.text.indexOf('\n')))).toBe('6:42');
    expect(at(third.sourceMap.toFile(third.text.indexOf('Track')))).toBe('6:44');
    expect(at(byId.get('$.intents.greet.responses[0]')!.sourceMap.toFile(0))).toBe('9:30');
    expect(byId.get('$.intents.greet.responses[0]')!.context.kind).toBeUndefined();
    expect(byId.get('$.intents.bye.responses[0]')!.context.kind).toBe('closing'); // ^^.kind: the intent's `kind`
    expect(at(byId.get('$.intents.bye.responses[0]')!.context.fieldSpans!.kind![0])).toBe('10:47');
  });

  it('reads YAML, reports invalid context values and the file locale', () => {
    const flows = createSelectorAdapter(
      { files: '**/flows.yml', text: '$.flows[*].steps[*].say', context: { channel: '^^^.channel', kind: 'reply', topic: '^^^.name' } },
      { baseDir: FIXTURES },
    );
    const { input, at } = load('bot/flows.yml');
    expect(flows.detect(input)).toBe(true);
    const { messages, errors, directives } = flows.extract(input, { locale: 'fi' });
    expect(messages.map((m) => [m.id, m.text, m.context.channel, m.context.kind, m.context.topic, m.context.locale])).toEqual([
      ['$.flows[0].steps[0].say', 'Your order ships today.', 'generic', 'reply', 'order status', 'fi'],
      ['$.flows[0].steps[1].say', 'It should arrive on Friday.\n', 'generic', 'reply', 'order status', 'fi'],
    ]);
    expect(at(messages[1].sourceMap.toFile(messages[1].text.indexOf('on')))).toBe('9:11');
    expect(errors!.map((e) => [e.message, at(e.offset)])).toEqual([
      ['`channel` must be one of messenger, instagram, whatsapp, generic (got `sms`)', '4:14'],
    ]);
    expect(directives).toEqual([{ kind: 'disable', rules: ['readability'], offset: 0 }]);
  });

  it('skips JSON comment and suppression fields hit by wildcards', () => {
    const a = createSelectorAdapter({ files: '*.json', text: '$.replies.*' }, { baseDir: '/p' });
    const { messages } = a.extract(makeInput('/p/x.json', '{"replies": {"//": "note", "msglint-disable": "spelling", "a": "Hi", "//b": "x", "b": "Yo"}}'), {});
    expect(messages.map((m) => m.id)).toEqual(['$.replies.a', '$.replies.b']);
  });

  it('reports a file where no selector matches a string', () => {
    const { input } = load('bot/settings.json');
    const a = createSelectorAdapter({ files: 'bot/*.json', text: ['$.messages.count', '$.intents', '$.none'] }, { baseDir: FIXTURES });
    const { messages, errors } = a.extract(input, {});
    expect(messages).toEqual([]);
    expect(errors!.map((e) => e.message)).toEqual([
      'No string in this file matches the `text` selectors `$.messages.count`, `$.intents`, `$.none`; `$.messages.count` matched 1 node that is not a string; `$.intents` matched 1 node that is not a string (select the strings inside, e.g. add `[*]` or `.text`)',
    ]);
  });
});

describe('selectors end to end (Linter)', () => {
  // `.lintrc` `formats:` is wired by the engine; until then the test registers the adapter
  // itself (module state is per test file in vitest).
  const adapter = createSelectorAdapter(
    { files: 'bot/messages.json', text: '$.messages[*].body', context: { tag: '^.tag', id: '^.id', channel: '$.meta.channel' } },
    { baseDir: FIXTURES },
  );
  beforeAll(() => {
    adapters.unshift(adapter);
  });
  afterAll(() => {
    adapters.splice(adapters.indexOf(adapter), 1);
  });

  it('lints the selected strings with their context and positions', () => {
    const result = new Linter({ useConfigFiles: false }).lintFile(join(FIXTURES, 'bot/messages.json'))!;
    expect(result.fatalErrorCount).toBe(0);
    const promo = result.findings.find((f) => f.ruleId === 'no-promotional-content' && f.messageId === 'promo');
    expect(promo).toMatchObject({ line: 5, column: 34 });
    expect(result.source!.slice(promo!.range[0], promo!.range[1])).toContain('20% off');
    for (const f of result.findings) expect([4, 5, 6]).toContain(f.line);
  });
});

describe('docs/formats/selectors.md example', () => {
  it('gives the messages the doc describes', () => {
    const doc = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/formats/selectors.md'), 'utf8');
    const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(doc)![1];
    const jsonBlock = /```json\n([\s\S]*?)```/.exec(doc)![1];
    const entry = (parseDocument(yamlBlock).toJSON() as { formats: unknown[] }).formats[0];
    validateSelectorFormat(entry, 'formats[0]');
    const adapter = createSelectorAdapter(entry, { baseDir: '/project' });
    const input = makeInput('/project/bot/messages.json', jsonBlock);
    expect(adapter.detect(input)).toBe(true);
    expect(adapter.detect(makeInput('/project/other/messages.json', jsonBlock))).toBe(false);
    const { messages, errors } = adapter.extract(input, {});
    expect(errors).toEqual([]);
    expect(messages.map((m) => [m.id, m.context.tag, m.context.kind, m.context.locale, m.context.channel])).toEqual([
      ['welcome', undefined, undefined, 'en-GB', 'messenger'],
      ['promo', 'POST_PURCHASE_UPDATE', undefined, 'en-GB', 'messenger'],
      ['$.intents.greet.responses[0]', undefined, undefined, 'en-GB', 'messenger'],
      ['$.intents.greet.responses[1]', undefined, undefined, 'en-GB', 'messenger'],
      ['$.intents.bye.responses[0]', undefined, 'closing', 'en-GB', 'messenger'],
    ]);
  });
});
