// Reading JSON and YAML for the structured formats (src/formats/index.ts makeInput,
// yaml-document.ts, json-error.ts, structured.ts): syntax error positions, the nesting limit,
// duplicate keys and aliases.
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/lint.js';
import { catalogueAdapter } from '../../src/formats/catalogue.js';
import { makeInput } from '../../src/formats/index.js';
import { jsonErrorOffset } from '../../src/formats/json-error.js';
import { FormatError } from '../../src/formats/types.js';
import { MAX_NESTING } from '../../src/formats/yaml-document.js';

/** The FormatError that reading `text` as `path` throws. */
function parseError(path: string, text: string): FormatError {
  try {
    makeInput(path, text).document();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('no error');
}

const linter = new Linter({ useConfigFiles: false });
const brief = (path: string, text: string) =>
  linter.lintText(text, path).findings.map((f) => `${f.ruleId ?? 'error'} ${f.line}:${f.column}${f.fatal ? ' fatal' : ''} ${f.ruleId ? '' : f.message}`.trim());

describe('JSON syntax errors', () => {
  it('finds the offset V8 names, also where its message has none', () => {
    const cases: [string, number][] = [
      ['{"messages": [{"text": "Hello there."},]}', 39], // Node 20: "Unexpected token ']', …" (no position)
      ['[1,]', 3],
      ['/* c */ {}', 0],
      ['{"a": tru}', 9],
      ['{"a": 1} x', 9],
      ['{"a" 1}', 5],
      ['"a\\x"', 3],
      ['"\\u12"', 5],
      ['-x', 1],
      ['1e+', 3],
      ['', 0],
      ['[', 1],
      ['{"a": [1, 2]}', -1],
    ];
    for (const [text, offset] of cases) expect(jsonErrorOffset(text), text).toBe(offset);
    // Where V8 gives a position, it agrees.
    for (const [text] of cases) {
      try {
        JSON.parse(text);
      } catch (error) {
        const at = /position (\d+)/.exec((error as Error).message);
        if (at) expect(jsonErrorOffset(text), text).toBe(Number(at[1]));
      }
    }
  });

  it('reports a trailing comma where it is, on one line of text', () => {
    const error = parseError('a.json', '{\n  "messages": [\n    {"text": "Hello there."},\n  ]\n}\n');
    expect(error.offset).toBe('{\n  "messages": [\n    {"text": "Hello there."},\n  '.length);
    expect(error.message).toBe("Cannot parse JSON: Unexpected token ']'");
    expect(parseError('a.json', '{"a": 1,}').message).toMatch(/^Cannot parse JSON: [^\n]+$/);
    expect(parseError('a.json', 'undefined').message).toBe('Cannot parse JSON: Unexpected token');
    // V8 quotes the source with `...` before, after or on both sides: never in the message.
    expect(parseError('a.json', '// a comment\n{}').message).toBe("Cannot parse JSON: Unexpected token '/'");
    expect(parseError('a.json', `[${'1,'.repeat(50)}]`).message).toBe("Cannot parse JSON: Unexpected token ']'");
  });
});

describe('nesting limit', () => {
  const deep = (n: number) => ({
    json: `{"messages": [{"text": "Hi.", "x": ${'['.repeat(n)}${']'.repeat(n)}}]}`,
    flow: `messages:\n  - text: Hi.\n    x: ${'{"a": '.repeat(n)}1${'}'.repeat(n)}\n`,
    block: `messages:\n  - text: Hi.\n    x:\n      ${'- '.repeat(n)}x\n`,
  });

  it(`refuses more than ${MAX_NESTING} levels with a positioned error, before the yaml composer runs`, () => {
    for (let round = 0; round < 3; round++) {
      // 10,000 levels, several times in one process: the yaml composer would overflow the stack
      // (and after an overflow inside its regexps, a later file aborts node).
      const { json, flow, block } = deep(10_000);
      expect(parseError('a.json', json)).toMatchObject({ message: expect.stringMatching(/^Nesting too deep: more than 256 levels/), offset: json.indexOf('[[') + MAX_NESTING - 3 });
      expect(parseError('a.yml', flow).offset).toBeGreaterThan(flow.indexOf('{'));
      expect(parseError('a.yml', block).offset).toBeGreaterThan(block.indexOf('- -'));
    }
  });

  it('reads files at the limit', () => {
    const { json, flow, block } = deep(MAX_NESTING - 3); // the document, `messages`, its item, then x
    for (const [path, text] of [['a.json', json], ['a.yml', flow], ['a.yml', block]]) {
      expect(makeInput(path, text).document().errors).toEqual([]);
    }
  });

  it('also in Markdown front matter', () => {
    const src = `---\ntopic: ${'['.repeat(1000)}${']'.repeat(1000)}\n---\nHello.\n`;
    expect(brief('a.md', src)).toEqual([`error 2:${7 + MAX_NESTING} fatal Nesting too deep: more than ${MAX_NESTING} levels of lists and mappings inside each other`]);
  });
});

describe('duplicate keys', () => {
  it('lints the value that takes effect (the last, as JSON.parse) and reports the repeated key', () => {
    const json = '{"messages": [{"tag": "HUMAN_AGENT", "messaging_type": "MESSAGE_TAG", "text": "Thanks for waiting.", "text": "Thanks for waitng."}]}';
    expect(JSON.parse(json).messages[0].text).toBe('Thanks for waitng.');
    const { messages, errors } = catalogueAdapter.extract(makeInput('c.json', json), {});
    expect(messages.map((m) => m.text)).toEqual(['Thanks for waitng.']);
    expect(errors?.map((e) => [e.message, e.offset])).toEqual([['Duplicate key `text`: the last value replaces the earlier one', json.lastIndexOf('"text"')]]);
    expect(brief('c.json', json)).toEqual(['error 1:102 fatal Duplicate key `text`: the last value replaces the earlier one', 'spelling 1:122']);
  });

  it('in YAML too, in every structured format', () => {
    expect(brief('c.yml', 'messages:\n  - text: Thanks for waiting.\n    text: Thanks for waitng.\n')).toEqual([
      'error 3:5 fatal Duplicate key `text`: the last value replaces the earlier one',
      'spelling 3:22',
    ]);
    expect(brief('locales/en.json', '{"a": "Helo there.", "b": "x", "a": "Hello there."}')).toEqual(['error 1:32 fatal Duplicate key `a`: the last value replaces the earlier one']);
    expect(brief('domain.yml', 'responses:\n  utter_greet:\n    - text: Helo.\n  utter_greet:\n    - text: Hello.\n')).toEqual([
      'error 4:3 fatal Duplicate key `utter_greet`: the last value replaces the earlier one',
      'personalize-greeting 5:13', // on the response that takes effect
    ]);
  });
});

describe('YAML aliases', () => {
  it('are read as the node their anchor names; findings point at the anchored text', () => {
    const src = 'x-text: &t Thanks for waitng.\nx-replies: &r [Yes, Noo]\nmessages:\n  - &m\n    text: *t\n    quick_replies: *r\n  - *m\n';
    const { messages, errors } = catalogueAdapter.extract(makeInput('c.yml', src), {});
    expect(errors).toEqual([]);
    // The repeated item `- *m` is the same message: linted once.
    expect(messages.map((m) => [m.id, m.text])).toEqual([
      ['messages[0]', 'Thanks for waitng.'],
      ['messages[0].quick_replies[0]', 'Yes'],
      ['messages[0].quick_replies[1]', 'Noo'],
    ]);
    expect(brief('c.yml', src)).toEqual(['spelling 1:23', 'spelling 2:21']);
  });

  it('are never expanded: an alias bomb costs nothing, and an alias does not name its own ancestor', () => {
    const levels = ['x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 30; i++) levels.push(`x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    const src = `${levels.join('\n')}\nmessages:\n  - text: *a29\n    quick_replies: *a29\n  - &self\n    text: Hello.\n    quick_replies: [*self]\n`;
    const start = performance.now();
    const { messages, errors } = catalogueAdapter.extract(makeInput('c.yml', src), {});
    expect(performance.now() - start).toBeLessThan(1000);
    expect(errors?.map((e) => e.message)).toEqual(['messages[0] has no `text` string']);
    expect(messages.map((m) => m.text)).toEqual(['Hello.']);
  });
});

describe('an anchored text used by several messages', () => {
  it('is reported once per problem, at the anchor', () => {
    const text = 'messages:\n  - text: &t "Helo there, your order shiped."\n  - text: *t\n  - text: *t\n';
    const result = new Linter({ useConfigFiles: false, ruleOverrides: { spelling: 'warn' } }).lintText(text, 'c.yml');
    const spelling = result.findings.filter((f) => f.ruleId === 'spelling');
    expect(spelling.map((f) => [f.line, f.column, f.actual])).toEqual([
      [2, 15, 'Helo'],
      [2, 38, 'shiped'],
    ]);
  });
});
