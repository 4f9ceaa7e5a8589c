// --fix round trips on every format: only the fixed ranges change, CRLF, BOM and mode are
// kept, a second --fix changes nothing, --fix-dry-run writes nothing.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fix.js';
import { encode } from '../../src/engine/decode.js';

const BIN = fileURLToPath(new URL('../../bin/msglint.js', import.meta.url));
const LINTRC = JSON.stringify({ customRules: { terms: { type: 'substitution', swap: { 'e-mail': 'email', 'web site': 'website' } } }, rules: { spelling: 'off', readability: 'off', 'preview-length': 'off', 'max-length': 'off' } });

function run(dir: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

function fixRoundTrip(name: string, before: string | Uint8Array, after: string | Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'msglint-fix-'));
  writeFileSync(join(dir, '.lintrc'), LINTRC);
  writeFileSync(join(dir, name), before);
  chmodSync(join(dir, name), 0o640);
  const first = run(dir, ['--fix', name]);
  expect(first.status, first.stderr + first.stdout).toBe(0);
  const fixed = readFileSync(join(dir, name));
  expect(fixed.equals(Buffer.from(typeof after === 'string' ? after : after))).toBe(true);
  expect(statSync(join(dir, name)).mode & 0o777).toBe(0o640);
  run(dir, ['--fix', name]);
  expect(readFileSync(join(dir, name)).equals(fixed)).toBe(true);
  return dir;
}

describe('--fix', () => {
  it('plain text and Markdown', () => {
    fixRoundTrip('a.txt', 'E-mail us via our web site.\n', 'Email us via our website.\n');
    fixRoundTrip('a.md', '---\nchannel: messenger\n---\n**E-mail** us via our [web site](https://x.y).\n', '---\nchannel: messenger\n---\n**Email** us via our [website](https://x.y).\n');
  });

  it('catalogue YAML in every scalar style, with CRLF', () => {
    const yaml = [
      'messages:',
      '  - text: "Send an e-mail, \\"now\\"."',
      "  - text: 'Our web site''s page.'",
      '  - text: Plain e-mail text.',
      '  - text: |',
      '      Block e-mail',
      '      and web site.',
    ].join('\r\n') + '\r\n';
    const expected = yaml.replace(/e-mail/g, 'email').replace(/web site/g, 'website');
    fixRoundTrip('c.yml', yaml, expected);
  });

  it('JSON with escapes and a UTF-8 BOM', () => {
    const json = '\uFEFF{"messages": [{"text": "\\u00c9t\\u00e9: e-mail us \\ud83d\\ude00\\nor visit the web site."}]}\n';
    fixRoundTrip('c.json', encode(json.slice(1), 'utf8'), encode(json.slice(1).replace('e-mail', 'email').replace('web site', 'website'), 'utf8'));
  });

  it('UTF-16 files keep their BOM', () => {
    fixRoundTrip('u.txt', encode('E-mail us.\n', 'utf16le'), encode('Email us.\n', 'utf16le'));
  });

  it('does not fix across an escape it cannot re-encode', () => {
    // "web\u0020site" decodes to "web site" but re-encoding would change the escape: left alone.
    const json = '{"messages": [{"text": "Visit our web\\u0020site."}]}';
    const dir = mkdtempSync(join(tmpdir(), 'msglint-fix-'));
    writeFileSync(join(dir, '.lintrc'), LINTRC);
    writeFileSync(join(dir, 'c.json'), json);
    run(dir, ['--fix', 'c.json']);
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).toBe(json);
  });

  it('--fix-dry-run prints a diff and writes nothing; --fix-type filters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msglint-fix-'));
    writeFileSync(join(dir, '.lintrc'), LINTRC);
    writeFileSync(join(dir, 'a.txt'), 'Line one.\nE-mail us.\n');
    const dry = run(dir, ['--fix-dry-run', 'a.txt']);
    expect(dry.stdout).toContain('-E-mail us.\n+Email us.');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('Line one.\nE-mail us.\n');
    run(dir, ['--fix', '--fix-type', 'problem', 'a.txt']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('Line one.\nE-mail us.\n');
    expect(run(dir, ['--fix-type', 'nonsense', '--fix', 'a.txt']).status).toBe(2);
  });

  it('applyFixes skips overlapping edits (they wait for the next pass)', () => {
    expect(applyFixes('abcdef', [{ range: [1, 3], text: 'X' }, { range: [2, 4], text: 'Y' }, { range: [5, 6], text: 'Z' }])).toEqual({ output: 'aXdeZ', applied: 2 });
  });
});
