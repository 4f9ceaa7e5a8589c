// Atomic writes for --fix and the TUI: write a temp file in the same directory, keep the
// original's mode, then rename over it — unless the file changed on disk since it was read.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class ChangedOnDiskError extends Error {
  constructor(readonly filePath: string) {
    super(`${filePath} changed on disk since msglint read it; not written (run msglint again)`);
    this.name = 'ChangedOnDiskError';
  }
}

/** Replaces `filePath` with `bytes` atomically; `expected` is the content msglint read. */
export function writeFileAtomic(filePath: string, bytes: Uint8Array, expected: Uint8Array): void {
  const stat = statSync(filePath);
  const current = readFileSync(filePath);
  if (!current.equals(Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength))) throw new ChangedOnDiskError(filePath);
  const temp = join(dirname(filePath), `.${basename(filePath)}.msglint-${process.pid}-${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', stat.mode & 0o7777);
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(temp, stat.mode & 0o7777);
    renameSync(temp, filePath);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or never created
    }
    throw error;
  }
}
