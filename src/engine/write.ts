// Atomic writes for --fix and the TUI: write a temp file beside the file, give it the
// original's owner and mode, fsync, then rename over it — unless the file changed on disk
// since it was read. A write that could not keep what the user set up is refused instead:
// a read-only file, or a file with several hard links (a rename would split them, and an
// in-place write cannot be atomic). A symbolic link is kept: its target is written.
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class ChangedOnDiskError extends Error {
  constructor(readonly filePath: string) {
    super(`${filePath} changed on disk since msglint read it; not written (run msglint again)`);
    this.name = 'ChangedOnDiskError';
  }
}

/** The file cannot be replaced without changing what the user set up; it is left as it is. */
export class WriteRefusedError extends Error {
  constructor(
    readonly filePath: string,
    reason: string,
  ) {
    super(`${filePath} ${reason}; not written`);
    this.name = 'WriteRefusedError';
  }
}

/** Replaces `filePath` with `bytes` atomically; `expected` is the content msglint read. */
export function writeFileAtomic(filePath: string, bytes: Uint8Array, expected: Uint8Array): void {
  // Through a symbolic link, replace its target: renaming over the link would turn it into
  // a regular file and leave the target unfixed.
  const target = realpathSync(filePath);
  const stat = statSync(target);
  const current = readFileSync(target);
  if (!current.equals(Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength))) throw new ChangedOnDiskError(filePath);
  // The rename needs write permission on the folder only: honour the file's own (as an
  // in-place write would; root may write any file, as with any editor).
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new WriteRefusedError(filePath, 'is read-only');
  }
  if (stat.nlink > 1) {
    throw new WriteRefusedError(filePath, `has ${stat.nlink} hard links (replacing it would split them, and writing in place is not atomic); fix it by hand`);
  }
  const temp = join(dirname(target), `.${basename(target)}.msglint-${process.pid}-${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    writeSync(fd, bytes);
    keepOwner(fd, stat);
    fchmodSync(fd, stat.mode & 0o7777); // after chown, which clears set-id bits
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
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

/** Gives the temp file the original's owner and group (root, `sudo`: files stay the user's).
 * Best effort: a user who may not give the file away keeps the group when a member of it. */
function keepOwner(fd: number, stat: { uid: number; gid: number }): void {
  if (typeof process.getuid !== 'function') return; // Windows: no POSIX owners
  try {
    fchownSync(fd, stat.uid, stat.gid);
  } catch {
    try {
      fchownSync(fd, -1, stat.gid);
    } catch {
      // not permitted: the file becomes the running user's, as with any editor that renames
    }
  }
}
