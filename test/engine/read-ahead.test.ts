// Files are read in batches ahead of linting (src/engine/read-ahead.ts): each file exactly
// once, in order, never one the caller said it will not take, with errors kept per file and
// batches bounded by files and bytes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileTooLargeError } from '../../src/engine/decode.js';
import { BATCH_BYTES, BATCH_FILES, ReadAhead, readOutcome, type ReadOutcome } from '../../src/engine/read-ahead.js';

/** A ReadAhead over fake files `f0`, `f1`, … of `size` bytes (`f3` unreadable) that records what it reads. */
function fake(count: number, size = 10, wanted?: (i: number) => boolean, unreadable = 'f3') {
  const reads: string[] = [];
  const paths = Array.from({ length: count }, (_, i) => `f${i}`);
  const read = (path: string): ReadOutcome => {
    reads.push(path);
    return path === unreadable ? { error: new Error('EACCES') } : { bytes: Buffer.alloc(size, path) };
  };
  return { reads, ahead: new ReadAhead(paths, 0, wanted, read) };
}

describe('ReadAhead', () => {
  it('reads each file once, a batch at a time, and gives each its own bytes or error', () => {
    const { reads, ahead } = fake(BATCH_FILES + 5);
    const first = ahead.take(0);
    expect(reads).toHaveLength(BATCH_FILES); // the first batch
    expect(first.bytes?.toString().startsWith('f0')).toBe(true);
    expect(ahead.take(3).error).toEqual(new Error('EACCES'));
    for (let i = 4; i < BATCH_FILES + 5; i++) expect(ahead.take(i).bytes?.toString().startsWith(`f${i}`)).toBe(true);
    expect(reads).toEqual(Array.from({ length: BATCH_FILES + 5 }, (_, i) => `f${i}`));
  });

  it('does not read the files the caller will not take', () => {
    const { reads, ahead } = fake(10, 10, (i) => i % 2 === 0);
    for (let i = 0; i < 10; i += 2) ahead.take(i);
    expect(reads).toEqual(['f0', 'f2', 'f4', 'f6', 'f8']);
  });

  it('stops a batch at BATCH_BYTES', () => {
    const size = BATCH_BYTES / 4;
    const { reads, ahead } = fake(20, size, undefined, 'none');
    ahead.take(0);
    expect(reads).toHaveLength(4);
    ahead.take(4);
    expect(reads).toHaveLength(8);
  });

  it('reads a file again when it is taken twice (the batch does not hold it any more)', () => {
    const { reads, ahead } = fake(3);
    ahead.take(1);
    ahead.take(1);
    expect(reads).toEqual(['f1', 'f2', 'f1', 'f2']);
  });
});

describe('readOutcome', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msglint-read-ahead-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the error of a missing or too-large file instead of throwing it', () => {
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(100));
    expect(readOutcome(join(dir, 'big.txt'), 0).bytes?.length).toBe(100);
    expect(readOutcome(join(dir, 'big.txt'), 50).error).toBeInstanceOf(FileTooLargeError);
    expect((readOutcome(join(dir, 'missing.txt'), 0).error as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});
