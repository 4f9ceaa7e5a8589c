import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/engine/decode.js';
import { LineIndex } from '../../src/engine/positions.js';
import { Linter } from '../../src/engine/lint.js';
import { detectFormat, makeInput } from '../../src/formats/index.js';
import { scriptAdapter, stripTurn } from '../../src/formats/script.js';
import type { Message, MessageContext } from '../../src/types.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/script');

function extract(name: string, defaults: Partial<MessageContext> = {}) {
  const filePath = join(FIXTURES, name);
  const text = decode(readFileSync(filePath)).text;
  const input = makeInput(filePath, text);
  expect(detectFormat(input)?.id, name).toBe('script');
  const extraction = scriptAdapter.extract(input, defaults);
  const lines = new LineIndex(text);
  const byId = new Map(extraction.messages.map((m) => [m.id!, m]));
  const at = (m: Message, i: number) => {
    const p = lines.at(m.sourceMap.toFile(i));
    return `${p.line}:${p.column}`;
  };
  const pos = (offset: number) => {
    const p = lines.at(offset);
    return `${p.line}:${p.column}`;
  };
  const span = (m: Message, start: number, end: number) => text.slice(m.sourceMap.toFile(start), m.sourceMap.toFile(end, 'end'));
  return { text, extraction, byId, at, pos, span };
}

describe('script adapter: YAML / JSON', () => {
  it('reads a mapping with context keys and a `conversation:` list', () => {
    const { extraction, byId, at, pos, span } = extract('refund.yml');
    expect(extraction.errors).toEqual([]);
    expect(extraction.messages.map((m) => [m.id, m.context.kind, m.context.component])).toEqual([
      ['turn-2', 'greeting', 'text'],
      ['turn-4', 'update', 'text'], // explicit kind wins over the position
      ['turn-4.quick_replies[0]', 'choice', 'quick_reply'],
      ['turn-4.quick_replies[1]', 'choice', 'quick_reply'],
      ['turn-5', 'closing', 'text'],
    ]);
    const greeting = byId.get('turn-2')!;
    expect(greeting.context).toMatchObject({ channel: 'messenger', locale: 'en-US', tag: 'HUMAN_AGENT' });
    expect(greeting.context.extra).toEqual({ turn: 2, from: 'business', businessTurn: 1, businessTurns: 3, position: 'first' });
    expect(at(greeting, 0)).toBe('9:11');
    expect(pos(greeting.context.fieldSpans!.tag![0])).toBe('4:6');
    const update = byId.get('turn-4')!;
    expect(update.text).toBe('Thanks. Your refund is approved\nand will arrive in 3 days.\n');
    expect(update.context.counts).toEqual({ quickReplies: 2, buttons: 0 });
    expect(at(update, update.text.indexOf('and'))).toBe('16:7');
    expect(pos(update.context.fieldSpans!.kind![0])).toBe('13:11');
    expect(at(byId.get('turn-4.quick_replies[1]')!, 0)).toBe('19:9');
    const closing = byId.get('turn-5')!;
    expect(closing.text).toBe('Is there anything else I can help you with today?\nHave a nice day!');
    expect(at(closing, 0)).toBe('21:12');
    expect(at(closing, closing.text.indexOf('\n'))).toBe('21:61');
    expect(at(closing, closing.text.indexOf('Have'))).toBe('21:63');
    expect(span(closing, closing.text.indexOf('Have'), closing.text.length)).toBe('Have a nice day!');
  });

  it('reads a top-level JSON list; customer turns are not messages', () => {
    const { extraction, byId, at } = extract('list.json');
    expect(extraction.messages.map((m) => [m.id, m.context.kind])).toEqual([
      ['turn-2', 'greeting'],
      ['turn-4', 'closing'],
    ]);
    const hello = byId.get('turn-2')!;
    expect(hello.text).toBe('Hello! It shipped yesterday, "tracking" is in your email.');
    expect(hello.context.channel).toBe('generic');
    expect(at(hello, 0)).toBe('3:33');
    expect(at(hello, hello.text.indexOf('tracking'))).toBe('3:64');
    expect(at(byId.get('turn-4')!, 0)).toBe('5:33');
  });

  it('uses config defaults under the file context', () => {
    const { byId } = extract('list.json', { channel: 'whatsapp', locale: 'en-GB' });
    expect(byId.get('turn-2')!.context).toMatchObject({ channel: 'whatsapp', locale: 'en-GB' });
    const refund = extract('refund.yml', { channel: 'whatsapp' });
    expect(refund.byId.get('turn-2')!.context.channel).toBe('messenger'); // the file says messenger
  });

  it('reports bad turns and keeps the good ones', () => {
    const { extraction, pos } = extract('bad.yml');
    expect(extraction.messages.map((m) => [m.id, m.context.kind, m.text])).toEqual([['turn-3', 'greeting', 'Hello there, how can I help?']]);
    expect(extraction.errors!.map((e) => [e.message, pos(e.offset)])).toEqual([
      ['conversation[1]: `from: robot` must be `customer` or `business`', '4:11'],
      ['Unknown key `colour` in conversation[2] (known: from, text, kind, id, component, tag, messaging_type, category, promotional, topic, quick_replies, buttons, note, msglint-disable)', '7:5'],
      ['conversation[3] must be a mapping with `from` and `text`', '9:5'],
    ]);
  });

  it('accepts JSON comment and suppression fields', () => {
    const json = JSON.stringify({ '//': 'drafted by support', conversation: [{ from: 'customer', text: 'Hi' }, { from: 'business', text: 'Tpyo here.', 'msglint-disable': 'spelling' }, { from: 'business', text: 'Tpyo there.' }] }, null, 2);
    const input = makeInput('chat.json', json);
    expect(detectFormat(input)?.id).toBe('script');
    const { messages, errors } = scriptAdapter.extract(input, {});
    expect(errors).toEqual([]);
    expect(messages.map((m) => m.text)).toEqual(['Tpyo here.', 'Tpyo there.']);
    const result = new Linter({ useConfigFiles: false }).lintText(json, 'chat.json');
    expect(result.findings.filter((f) => f.ruleId === 'spelling').map((f) => result.source!.slice(f.range[0], f.range[1]))).toEqual(['Tpyo']);
    expect(result.findings.find((f) => f.ruleId === 'spelling')!.messageId).toBe('turn-3');
  });

  it('does not claim other YAML lists or mappings', () => {
    const detect = (path: string, content: string) => detectFormat(makeInput(path, content))?.id;
    expect(detect('a.yml', '- one\n- two\n')).toBeUndefined();
    expect(detect('a.yml', '- from: customer\n  text: hi\n- other: x\n')).toBeUndefined(); // bare list: turns only
    expect(detect('a.yml', 'conversation:\n  - from: alien\n    text: hi\n')).toBeUndefined();
    expect(detect('a.yml', 'messages:\n  - text: Hi there\n')).toBe('catalogue');
    expect(detect('a.yml', 'script:\n  - from: bot\n    text: Hi there\n')).toBe('script'); // YAML aliases
  });
});

describe('script adapter: Markdown', () => {
  it('reads turns, front matter, conversations split by headings, explicit kinds', () => {
    const { extraction, byId, at, pos, span } = extract('support.script.md');
    expect(extraction.errors).toEqual([]);
    expect(extraction.messages.map((m) => [m.id, m.context.kind])).toEqual([
      ['conversation-1.turn-2', 'greeting'],
      ['conversation-1.turn-4', 'closing'],
      ['conversation-2.turn-2', 'away'],
      ['conversation-2.turn-4', 'closing'],
    ]);
    const first = byId.get('conversation-1.turn-2')!;
    expect(first.text).toBe("Hi {{first_name}}! Let me check that for you.\nIt's on its way and should arrive\ntomorrow, see tracking.");
    expect(first.context).toMatchObject({ channel: 'instagram', locale: 'en', component: 'text' });
    expect(first.context.extra).toMatchObject({ turn: 2, conversation: 1, position: 'first' });
    expect(at(first, 0)).toBe('11:15');
    expect(at(first, first.text.indexOf('on its way'))).toBe('12:7');
    expect(span(first, first.text.indexOf('on its way'), first.text.indexOf('on its way') + 10)).toBe('on its way');
    expect(at(first, first.text.indexOf('tracking'))).toBe('13:16');
    expect(at(byId.get('conversation-1.turn-4')!, 0)).toBe('17:15');
    const away = byId.get('conversation-2.turn-2')!;
    expect(away.text).toBe("We're closed right now.");
    expect(at(away, 0)).toBe('22:24');
    expect(pos(away.context.fieldSpans!.kind![0])).toBe('22:15');
    const last = byId.get('conversation-2.turn-4')!;
    expect(last.text).toBe('Thanks for waiting, how can I help?'); // the fenced example is not part of it
    expect(at(last, 0)).toBe('24:17');
    expect(extraction.directives!.map((d) => [d.kind, d.rules, pos(d.offset)])).toEqual([['disable-line', ['spelling'], '22:48']]);
  });

  it('detects any .md with two turn markers, through CRLF', () => {
    const { extraction, at } = extract('notes.md');
    expect(extraction.messages).toHaveLength(1);
    const [only] = extraction.messages;
    expect(only.id).toBe('turn-2');
    expect(only.context.kind).toBe('greeting'); // a single business turn counts as the first
    expect(only.context.extra).toMatchObject({ position: 'only' });
    expect(only.text).toBe('Yes, within 30 days.\nReply RETURN to start.');
    expect(at(only, 0)).toBe('4:15');
    expect(at(only, only.text.indexOf('Reply'))).toBe('5:1');
    expect(at(only, only.text.indexOf('RETURN'))).toBe('5:8');
  });

  it('leaves ordinary Markdown to the markdown adapter', () => {
    const filePath = join(FIXTURES, 'single.md');
    expect(detectFormat(makeInput(filePath, readFileSync(filePath, 'utf8')))?.id).toBe('markdown');
    expect(detectFormat(makeInput('x.md', '**Customer:** a\n\n**Customer:** b\n'))?.id).toBe('markdown'); // no business turn
    expect(detectFormat(makeInput('x.md', 'Use `**Customer:**` and\n**Business:** markers\n'))?.id).toBe('markdown'); // one marker at a line start
  });

  it('reports a .script.md without turns', () => {
    const input = makeInput('empty.script.md', '# Nothing yet\n');
    expect(detectFormat(input)?.id).toBe('script');
    const extraction = scriptAdapter.extract(input, {});
    expect(extraction.messages).toEqual([]);
    expect(extraction.errors![0].message).toMatch(/No `\*\*Customer:\*\*` \/ `\*\*Business:\*\*` turns/);
  });
});

describe('stripTurn', () => {
  const strip = (src: string, start = 0, end = src.length) => {
    const { text, sourceMap } = stripTurn(src, start, end);
    // every kept character maps onto itself in the source
    for (let i = 0; i < text.length; i++) if (text[i] !== '\n') expect(src[sourceMap.toFile(i)], `char ${i} of ${text}`).toBe(text[i]);
    return text;
  };
  it('keeps placeholders and intraword underscores, removes emphasis', () => {
    expect(strip('Hi {{first_name}}, order_id ${user_name} is _really_ **ready** ~~now~~ *ok*')).toBe('Hi {{first_name}}, order_id ${user_name} is really ready now ok');
    expect(strip('__bold__ and 2 * 3 = 6 and snake_case_name')).toBe('bold and 2 * 3 = 6 and snake_case_name');
  });
  it('unescapes, keeps link labels, drops code spans, comments and HTML', () => {
    expect(strip('Price \\*not\\* final, see [the FAQ](https://x.y) <b>now</b> `code` <!-- c -->')).toBe('Price *not* final, see the FAQ now');
  });
  it('stops at the end offset and handles CRLF, lists, quotes and fences', () => {
    const src = '**Business:** first\r\n> quoted *line*\r\n- item\r\n```\r\n**x**\r\n```\r\nlast\r\n**Customer:** no';
    const start = src.indexOf(' first');
    const end = src.indexOf('**Customer');
    expect(strip(src, start, end)).toBe('first\nquoted line\nitem\n\n\n\nlast');
    const { sourceMap, text } = stripTurn(src, start, end);
    expect(src.slice(sourceMap.toFile(text.indexOf('last')), sourceMap.toFile(text.length, 'end'))).toBe('last');
  });
  it('returns nothing for a blank turn', () => {
    expect(stripTurn('**Business:**   \n\n', 13, 18).text).toBe('');
  });
});

describe('script adapter end to end (Linter)', () => {
  const linter = new Linter({ useConfigFiles: false });

  it('checks greeting and closing by position', () => {
    const result = linter.lintFile(join(FIXTURES, 'abrupt.yml'))!;
    expect(result.fatalErrorCount).toBe(0);
    const greeting = result.findings.find((f) => f.ruleId === 'require-greeting');
    expect(greeting).toMatchObject({ messageId: 'turn-2', line: 4, column: 9 });
    const closing = result.findings.find((f) => f.ruleId === 'require-closing');
    expect(closing).toMatchObject({ messageId: 'turn-4', line: 8, column: 9 });
    expect(result.source!.slice(closing!.range[0], closing!.range[1])).toBe('Your order has been cancelled.');
  });

  it('passes polite scripts and positions platform-limit findings', () => {
    const list = linter.lintFile(join(FIXTURES, 'list.json'))!;
    expect(list.findings.filter((f) => f.ruleId === 'require-greeting' || f.ruleId === 'require-closing')).toEqual([]);
    const refund = linter.lintFile(join(FIXTURES, 'refund.yml'))!;
    const limit = refund.findings.find((f) => f.ruleId === 'platform-limits');
    // "Talk to a human agent now" is 25 characters; a quick reply title may have 20.
    expect(limit).toMatchObject({ messageId: 'turn-4.quick_replies[1]', line: 19, column: 29, endLine: 19, endColumn: 34 });
    const md = linter.lintFile(join(FIXTURES, 'support.script.md'))!;
    expect(md.fatalErrorCount).toBe(0);
    expect(md.findings.filter((f) => f.ruleId === 'require-greeting' || f.ruleId === 'require-closing')).toEqual([]);
  });

  it('reports format errors as fatal findings at their position', () => {
    const result = linter.lintFile(join(FIXTURES, 'bad.yml'))!;
    expect(result.findings.filter((f) => f.fatal).map((f) => `${f.line}:${f.column}`)).toEqual(['4:11', '7:5', '9:5']);
  });
});

describe('docs/formats/script.md examples', () => {
  const docPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/formats/script.md');
  const doc = readFileSync(docPath, 'utf8');

  it('reads the YAML example', () => {
    const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(doc)![1];
    const input = makeInput('refund.yml', yamlBlock);
    expect(detectFormat(input)?.id).toBe('script');
    const { messages, errors } = scriptAdapter.extract(input, {});
    expect(errors).toEqual([]);
    expect(messages.map((m) => [m.id, m.context.kind, m.context.component])).toEqual([
      ['turn-2', 'greeting', 'text'],
      ['turn-4', 'update', 'text'],
      ['turn-4.quick_replies[0]', 'choice', 'quick_reply'],
      ['turn-4.quick_replies[1]', 'choice', 'quick_reply'],
      ['turn-5', 'closing', 'text'],
    ]);
  });

  it('reads the Markdown example, and the doc itself is not a script', () => {
    const mdBlock = /````markdown\n([\s\S]*?)````/.exec(doc)![1];
    const input = makeInput('support.script.md', mdBlock);
    const { messages, errors } = scriptAdapter.extract(input, {});
    expect(errors).toEqual([]);
    expect(messages.map((m) => [m.id, m.context.kind, m.context.channel])).toEqual([
      ['conversation-1.turn-2', 'greeting', 'instagram'],
      ['conversation-1.turn-4', 'closing', 'instagram'],
      ['conversation-2.turn-2', 'away', 'instagram'],
    ]);
    expect(detectFormat(makeInput(docPath, doc))?.id).toBe('markdown');
  });
});
