// Reading input: line breaks for positions, decoding errors with a position, the file size
// limit (`--max-file-size`), symlink loops named on the command line, and standard input.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, DecodeError, DEFAULT_MAX_FILE_SIZE, FileTooLargeError, formatSize, readBytes } from '../../src/engine/decode.js';
import { LineIndex } from '../../src/engine/positions.js';
import { Linter } from '../../src/engine/lint.js';
import { discover, UsageError } from '../../src/engine/discover.js';
import { parseCli } from '../../src/cli/args.js';
import { main, type Io } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'msglint-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decodeError(bytes: number[]): DecodeError {
  try {
    decode(Uint8Array.from(bytes));
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  throw new Error('decoded without error');
}

describe('LineIndex', () => {
  it('breaks lines at \\r\\n, \\n and a lone \\r (\\r\\n is one break)', () => {
    const lines = new LineIndex('a\r\nbb\ncc\rd\r\r\ne');
    expect(lines.lineCount).toBe(6);
    expect(lines.at(3)).toEqual({ line: 2, column: 1 }); // after \r\n
    expect(lines.at(6)).toEqual({ line: 3, column: 1 }); // after \n
    expect(lines.at(9)).toEqual({ line: 4, column: 1 }); // after a lone \r
    expect(lines.at(11)).toEqual({ line: 5, column: 1 }); // \r then \r\n: two breaks
    expect(lines.at(13)).toEqual({ line: 6, column: 1 });
    expect([1, 2, 3, 4, 5, 6].map((n) => lines.lineText(n))).toEqual(['a', 'bb', 'cc', 'd', '', 'e']);
  });
});

describe('decode errors', () => {
  it('positions invalid UTF-8 at its line and column in the text before it', () => {
    const error = decodeError([...Buffer.from('ab\r\ncd\ref '), 0xff]);
    expect(error.message).toBe('Invalid UTF-8 at byte 10; save the file as UTF-8');
    expect([error.line, error.column, error.offset]).toEqual([3, 4, 10]);
  });

  it('names the invalid byte, not a U+FFFD written in the file before it (with a BOM too)', () => {
    const error = decodeError([0xef, 0xbb, 0xbf, ...Buffer.from('x\uFFFDy\n\uFFFD'), 0xc3, 0x28]);
    expect(error.message).toMatch(/^Invalid UTF-8 at byte 12;/);
    expect([error.line, error.column]).toEqual([2, 2]);
  });

  it('reports binary content at 1:1', () => {
    const error = decodeError([...Buffer.from('line one\nline'), 0]);
    expect(error.message).toMatch(/^Binary content \(NUL byte at byte 13\)/);
    expect([error.line, error.column]).toEqual([1, 1]);
  });
});

describe('the file size limit', () => {
  const small = join(dir, 'small.txt');
  const big = join(dir, 'big.txt');
  writeFileSync(small, 'Hello frend.\n');
  writeFileSync(big, 'Hello frend. '.repeat(100));

  it('readBytes refuses a file over the limit before reading it; 0 is no limit', () => {
    expect(readBytes(small, 100).length).toBe(13);
    expect(() => readBytes(big, 100)).toThrow(FileTooLargeError);
    expect(readBytes(big, 0).length).toBe(1300);
    expect(DEFAULT_MAX_FILE_SIZE).toBe(2 * 1024 * 1024);
    expect([formatSize(2 * 1024 * 1024), formatSize(52_428_800), formatSize(1536), formatSize(812)]).toEqual(['2 MB', '50 MB', '1.5 KB', '812 bytes']);
  });

  it('a named file over the limit is a fatal error; one found by a walk is skipped with a notice', () => {
    const skipped: string[] = [];
    const linter = new Linter({ cwd: dir, useConfigFiles: false, maxFileSize: 1000, onSkip: (path, reason) => skipped.push(`${path}: ${reason}`) });
    const named = linter.lintFile('big.txt', true)!;
    expect(named.fatalErrorCount).toBe(1);
    expect(named.findings[0].message).toBe('File too large to lint: big.txt is 1.3 KB, over the 1000 bytes limit; raise it with --max-file-size (0: no limit)');
    expect(linter.lintFile('big.txt', false)).toBeUndefined();
    expect(skipped).toEqual(['big.txt: 1.3 KB, over the 1000 bytes limit (--max-file-size)']);
    expect(linter.lintFile('small.txt', true)!.findings.some((f) => f.ruleId === 'spelling')).toBe(true);
    const unlimited = new Linter({ cwd: dir, useConfigFiles: false, maxFileSize: 0 });
    expect(unlimited.lintFile('big.txt', true)!.fatalErrorCount).toBe(0);
  });

  it('--max-file-size reads bytes, KB, MB and GB (binary units); rejects nonsense', () => {
    const size = (value: string) => parseCli(['--max-file-size', value, 'x']).maxFileSize;
    expect([size('0'), size('1048576'), size('500KB'), size('5MB'), size('1.5mb'), size('2 GB'), size('10b')]).toEqual([0, 1048576, 512000, 5242880, 1572864, 2147483648, 10]);
    expect(parseCli(['x']).maxFileSize).toBeUndefined();
    expect(() => size('lots')).toThrow(UsageError);
    expect(() => size('-1')).toThrow(UsageError);
  });
});

describe('paths named on the command line', () => {
  it('a symlink loop is a target (its read error is reported); a missing path is a usage error', async () => {
    symlinkSync('loop-b.txt', join(dir, 'loop-a.txt'));
    symlinkSync('loop-a.txt', join(dir, 'loop-b.txt'));
    expect(await discover(['loop-a.txt'], dir)).toEqual([{ path: 'loop-a.txt', explicit: true }]);
    const result = new Linter({ cwd: dir, useConfigFiles: false }).lintFile('loop-a.txt')!;
    expect(result.findings[0]).toMatchObject({ fatal: true, message: 'Cannot read file: ELOOP' });
    await expect(discover(['nowhere.txt'], dir)).rejects.toThrow(UsageError);
  });
});

describe('standard input', () => {
  const io = (input: Uint8Array | string) => {
    const out: string[] = [];
    const value: Io = { stdout: (t) => out.push(t), stderr: () => {}, readStdin: () => input, isTTY: false, env: { NO_COLOR: '1' }, cwd: dir };
    return { io: value, json: () => JSON.parse(out.join('')) as { messages: { ruleId: string | null; message: string; line: number; column: number }[] }[] };
  };
  const args = ['--format', 'json', '--no-config', '--stdin', '--stdin-filename', 'draft.txt'];

  it('is decoded like a file: UTF-16 with a BOM, invalid UTF-8 positioned, exit 2', async () => {
    const utf16 = io(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Hi.\nHello frend.\n', 'utf16le').swap16()]));
    expect(await main(args, utf16.io)).toBeLessThan(2);
    expect(utf16.json()[0].messages.some((m) => m.ruleId === 'spelling' && m.line === 2 && m.column === 7)).toBe(true);
    const invalid = io(Buffer.from([0x48, 0x69, 0x0a, 0x20, 0xff]));
    expect(await main(args, invalid.io)).toBe(2);
    expect(invalid.json()[0].messages[0]).toMatchObject({ message: 'Invalid UTF-8 at byte 4; save the file as UTF-8', line: 2, column: 2 });
  });

  it('a string (library and test shims) is taken as UTF-8; over the size limit is an error', async () => {
    const text = io('\uFEFFHello frend.\n');
    expect(await main(args, text.io)).toBeLessThan(2);
    expect(text.json()[0].messages.some((m) => m.ruleId === 'spelling' && m.line === 1 && m.column === 7)).toBe(true);
    const big = io('Hello there. '.repeat(100));
    expect(await main([...args, '--max-file-size', '1KB'], big.io)).toBe(2);
    expect(big.json()[0].messages[0].message).toMatch(/^File too large to lint: draft\.txt is 1\.3 KB, over the 1 KB limit/);
  });
});
