// The fast YAML reader (src/formats/yaml-fast.ts) against the `yaml` library: on every file it
// accepts, both must build the same tree (values, types, ranges, source tokens, blank-line
// marks, plain JS value); files outside its subset must be left to the library.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readSimpleYaml } from '../../src/formats/yaml-fast.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OPTIONS = { keepSourceTokens: true, uniqueKeys: false } as const;

/**
 * What the adapters read of a node, as plain data. `json`: ranges as [start, end] (the
 * reader does not reproduce where trailing whitespace ends in JSON; no adapter reads it).
 */
function shape(node: unknown, json = false): unknown {
  const range = (r: unknown) => (json && Array.isArray(r) ? r.slice(0, 2) : r);
  if (isScalar(node)) {
    const token = (node as unknown as { srcToken?: { type: string; offset: number; indent: number; source: string } }).srcToken;
    const keys = Object.keys(node).filter((k) => (node as unknown as Record<string, unknown>)[k] !== undefined).sort();
    return {
      scalar: node.value,
      type: node.type,
      range: range(node.range),
      source: node.source,
      token: token && { type: token.type, offset: token.offset, indent: token.indent, source: token.source },
      spaceBefore: node.spaceBefore,
      comment: node.comment,
      keys,
    };
  }
  if (isMap(node) || isSeq(node)) {
    return {
      kind: isMap(node) ? 'map' : 'seq',
      range: range(node.range),
      flow: node.flow,
      spaceBefore: node.spaceBefore,
      items: node.items.map((item) => (isPair(item) ? { key: shape(item.key, json), value: shape(item.value, json) } : shape(item, json))),
    };
  }
  return node;
}

function docShape(doc: Document.Parsed, json: boolean): unknown {
  return { range: json ? doc.range.slice(0, 1) : doc.range, errors: doc.errors.length, warnings: doc.warnings.length, contents: shape(doc.contents, json), js: doc.toJS() };
}

/** The fast reader's tree, or undefined when it leaves the file to the library (checked equal). */
function compare(text: string): boolean {
  const fast = readSimpleYaml(text, OPTIONS);
  if (!fast) return false;
  const slow = parseDocument(text, OPTIONS);
  const json = /^[ \r\n]*[[{]/.test(text);
  expect(docShape(fast, json), JSON.stringify(text)).toEqual(docShape(slow, json));
  return true;
}

/**
 * A text the library rejects must be left to it; any other the fast reader reads must give
 * the library's tree. True when the fast reader read it.
 */
function agrees(text: string, label = JSON.stringify(text.slice(0, 200))): boolean {
  if (parseDocument(text, OPTIONS).errors.length > 0) {
    expect(readSimpleYaml(text, OPTIONS), label).toBeUndefined();
    return false;
  }
  return compare(text);
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (/\.(ya?ml|json)$/i.test(name)) out.push(path);
  }
  return out;
}

describe('fast YAML reader', () => {
  it('builds the library\'s tree for the subset it reads', () => {
    const cases = [
      'messages:\n  - id: m1\n    text: "Hi {{first_name}}! Your order ships today."\n  - id: m2\n    text: Plain text here  \n',
      'a: b\nc:\n  - x\n  - y\n',
      'a:\n- x\n- y\nb: z\n',
      '- a: one\n  b: two\r\n\r\n- x\r\n',
      'a: "x\\"y\\u00e9\\n\\\\ \\/ \\t"\nb: \'it\'\'s\'\n\n\n',
      'top:\n  nested:\n    deeper: value\n\n  other: "v"\nlast: w',
      'responses:\n  utter_greet:\n    - text: "Hey! How can I help?"\n    - text: Hi there\n\n  utter_bye:\n    - text: Bye\n',
      '-\n  a: b\n- c\n',
      'k: v # not a comment for this reader\n',
      'emoji: "😀 ok"\nsurrogates: "\\ud83d\\ude00"\n',
      'key with spaces: value\n',
      '\n\n  \nstarts: after blank lines\n',
      'a:\n  - x\n\nb: after a blank line\n',
      'a:\n  b:\n    - c\n\n\n  d: e\n',
      'url: https://example.com/a#b\n',
      'text: "Caf\u00e9 — ok: yes"\n',
    ];
    let fast = 0;
    for (const text of cases) if (compare(text)) fast++;
    expect(fast).toBeGreaterThanOrEqual(9);
  });

  it('reads JSON like the library', () => {
    const cases = [
      '{\n  "messages": [\n    {\n      "id": "m1",\n      "n": 1.50,\n      "ok": true, "x": null, "e": [], "f": {}\n    }\n  ]\n}\n',
      '{"a": [ "x" ,"y" ],\r\n "b": {"c": -0.10, "d": 2E+3, "u": "\\u00e9\\ud83d\\ude00 \\" \\\\ \\/"}}',
      '[\n"a",\n"b"\n]',
      '  {"indented": "first line"}',
      '\n\n{"after": "blank lines"}\n\n',
      '{"greeting": {"text": "Hi {{user_first_name}}! 😀", "quick_replies": [{"title": "Yes"}, {"title": "No"}]}}',
      '[1, -2, 3.5, 0, -0.5, 1e3, 12345678901]',
      '{\n\t"tabs": {\n\t\t"greeting": "Welcome {{userName}}!"\n\t}\n}\n',
      '{"a":\t1,\t"b" :\t[ 2 ,\t3 ]}',
    ];
    for (const text of cases) expect(compare(text), text).toBe(true);
  });

  it('agrees with the library on generated JSON (property test)', () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2, 4, '\t', ' \t'), fc.boolean(), (value, indent, crlf) => {
        let text = JSON.stringify(value, null, indent);
        if (crlf) text = text.replace(/\n/g, '\r\n');
        if (agrees(text)) fast++;
      }),
      { numRuns: 1000, seed: 20261207 },
    );
    expect(fast).toBeGreaterThan(200);
  });

  it('agrees with the library on the fuzzer\'s hostile inputs (mutated real files, grammars)', async () => {
    // bench/fuzz/generate.mjs: deterministic per (seed, index)
    const { generate, loadCorpus } = (await import(join(ROOT, 'bench', 'fuzz', 'generate.mjs'))) as {
      generate: (seed: number, index: number, corpus: unknown[]) => { text: string };
      loadCorpus: (root: string, dirs: string[]) => unknown[];
    };
    const corpus = loadCorpus(ROOT, ['examples', 'test/formats/fixtures', 'test/fixtures/bad']);
    let fast = 0;
    for (let i = 0; i < 6000; i++) {
      if (agrees(generate(11, i, corpus).text)) fast++;
    }
    expect(fast).toBeGreaterThan(500);
  });

  it('leaves everything outside the subset to the library', () => {
    const outside = [
      '# a comment\na: b\n',
      'a: b # comment\n',
      'a: |\n  block\n',
      'a: >\n  folded\n',
      'a: [1, 2]\n',
      'a: {b: c}\n',
      '{a: b}\n',
      '{"a": b}\n',
      '{"a": 1, "a": 2}\n',
      '{"a": 1} # comment\n',
      '{"a": 1}\n{"b": 2}\n',
      '[1, 2,]\n',
      '{"a": 0x1F}\n',
      '{"a": 007}\n',
      '{"a": .5}\n',
      '{"a": 1.7976931348623157e+308}\n',
      'a: &x b\nc: *x\n',
      'a: !tag b\n',
      'a: 12\n',
      'a: true\n',
      'a: null\n',
      'a: ~\n',
      'a: 1.5\n',
      'a:\n',
      'a: b\na: c\n',
      '---\na: b\n',
      'a: plain\n  continued\n',
      'a: "two\n  lines"\n',
      "a: 'two\n  lines'\n",
      'a:\tb\n',
      '\ta: b\n',
      '"quoted key": v\n',
      'a: "unterminated\n',
      'a: b: c\n',
      'key # not a key: value\n',
      `${'k'.repeat(1100)}: long key\n`,
      `{"${'k'.repeat(1100)}": "long key"}\n`,
      '{"a"\r\n: "colon on the next line"}\n',
      '- - x\n',
      '',
      '   \n',
      'just a scalar\n',
      'a: "\\x41"\n',
      '\ufeffa: b\n',
      'a: b\r',
      '  a: b\n',
      'a: b\n c: d\n',
    ];
    for (const text of outside) expect(readSimpleYaml(text, OPTIONS), JSON.stringify(text)).toBeUndefined();
  });

  it('reads the real YAML files of the corpora and fixtures like the library', () => {
    const files = [...yamlFiles(join(ROOT, '..', 'shared', 'corpora')), ...yamlFiles(join(ROOT, 'test')), ...yamlFiles(join(ROOT, 'examples'))];
    expect(files.filter((f) => f.endsWith('.json')).length).toBeGreaterThan(20);
    expect(files.length).toBeGreaterThan(10);
    let fast = 0;
    for (const file of files) {
      if (agrees(readFileSync(file, 'utf8'), file)) fast++;
    }
    expect(fast).toBeGreaterThan(0);
  });

  it('agrees with the library on generated message files (property test)', () => {
    const word = fc.stringMatching(/^[a-z][a-z_]{0,7}$/);
    const text = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.!?{}_'’-]{0,30}[A-Za-z.!?]$/),
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', "'", '\\', ':', '#', '-', 'é', '😀', '\n', '{', '}', '1', 'n'), maxLength: 20 }),
    );
    const scalar = fc.oneof(
      text,
      text.map((t) => JSON.stringify(t)),
      text.filter((t) => !/[\n]/.test(t)).map((t) => `'${t.replace(/'/g, "''")}'`),
    );
    const entry = fc.tuple(word, scalar, fc.boolean(), fc.constantFrom('\n', '\r\n'), fc.constantFrom('', '  ', ' '));
    const file = fc.tuple(fc.array(fc.array(entry, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), fc.constantFrom('messages', 'responses'), fc.boolean());
    let fast = 0;
    fc.assert(
      fc.property(file, ([items, top, asSeq]) => {
        let out = `${top}:\n`;
        for (const entries of items) {
          entries.forEach(([key, value, blank, eol, trail], i) => {
            const lead = i === 0 ? (asSeq ? '  - ' : '  ') : '    ';
            out += `${blank ? eol : ''}${asSeq ? lead : '  '}${asSeq ? key : `${key}${i}`}: ${value}${trail}${eol}`;
          });
        }
        if (agrees(out)) fast++;
      }),
      { numRuns: 400, seed: 20261207 },
    );
    expect(fast).toBeGreaterThan(50);
  });
});
