import { describe, expect, it } from 'vitest';
import { parseDocument, isMap, isScalar, type Scalar } from 'yaml';
import { decodeScalar } from '../../src/formats/yaml-scalar.js';

function scalars(src: string): Scalar[] {
  const doc = parseDocument(src, { keepSourceTokens: true });
  const out: Scalar[] = [];
  if (isMap(doc.contents)) for (const pair of doc.contents.items) if (isScalar(pair.value)) out.push(pair.value);
  return out;
}

/** Every decoded character that appears literally in the source must map onto itself. */
function expectExact(src: string) {
  for (const node of scalars(src)) {
    const decoded = decodeScalar(node, src)!;
    expect(decoded.exact, JSON.stringify(node.value)).toBe(true);
    expect(decoded.text).toBe(node.value);
    for (let i = 0; i < decoded.text.length; i++) {
      const ch = decoded.text[i];
      const at = decoded.sourceMap.toFile(i);
      if (/[A-Za-z0-9]/.test(ch) && src[at] === ch) continue;
      if (/[A-Za-z0-9]/.test(ch)) throw new Error(`char ${i} '${ch}' of ${JSON.stringify(decoded.text)} maps to '${src[at]}' at ${at}`);
    }
  }
}

describe('decodeScalar', () => {
  it('maps plain, quoted and escaped scalars', () => {
    expectExact('a: plain text here\nb: "dq \\"x\\" \\n y \\u00e9 z"\nc: \'it\'\'s ok\'\n');
  });
  it('maps JSON escapes including surrogate pairs', () => {
    const src = '{"k": "Hi \\ud83d\\ude00 there\\nnew line \\"q\\" end"}';
    const [node] = scalars(src);
    const d = decodeScalar(node, src)!;
    expect(d.exact).toBe(true);
    const idx = d.text.indexOf('there');
    expect(src.slice(d.sourceMap.toFile(idx), d.sourceMap.toFile(idx + 5, 'end'))).toBe('there');
    const end = d.text.indexOf('end');
    expect(src.slice(d.sourceMap.toFile(end), d.sourceMap.toFile(end + 3, 'end'))).toBe('end');
  });
  it('maps literal and folded block scalars with chomping', () => {
    expectExact('a: |\n  hello\n  world\nb: >\n  fold\n  ed\n\n  para\nc: |-\n  x\n  y\n\nd: >+\n  keep\n\n');
    expectExact('a: >\n  one\n    more\n  two\n');
  });
  it('maps multi-line plain and quoted scalars', () => {
    expectExact('a: first line\n  second line\n\n  third\nb: "dq first\n  second"\n');
  });
  it('handles CRLF', () => {
    expectExact('a: |\r\n  hello\r\n  world\r\nb: "x\\ny"\r\nc: fold\r\n  ed\r\n');
  });
  it('maps block scalars in sequences with explicit indentation', () => {
    const src = 'list:\n  - text: |2\n       indented\n      body\n';
    const doc = parseDocument(src, { keepSourceTokens: true });
    const node = (doc.getIn(['list', 0, 'text'], true) as Scalar);
    const d = decodeScalar(node, src)!;
    expect(d.text).toBe(node.value);
    expect(d.exact).toBe(true);
  });
});
