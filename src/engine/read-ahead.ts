// Files read a few at a time, ahead of linting them. Between two lints the kernel's and the
// CPU's caches hold the linter's data, not the file system's: read one by one between lints,
// the 5,000 small files of the benchmark took ~110 ms of the main thread (open() alone half
// of it), read in batches ~50 ms. A batch stops at BATCH_FILES files or BATCH_BYTES bytes, so
// that little is held at a time; files the caller will not lint (ignored) are not read.
import { readBytes } from './decode.js';

/** A file's bytes, or what reading it threw (FileTooLargeError, a system error). */
export type ReadOutcome = { bytes: Buffer; error?: undefined } | { bytes?: undefined; error: unknown };

export const BATCH_FILES = 32;
export const BATCH_BYTES = 512 * 1024;

/** Reads a file as `Linter.lintFile` does, with the error kept instead of thrown. */
export function readOutcome(path: string, maxSize: number): ReadOutcome {
  try {
    return { bytes: readBytes(path, maxSize) };
  } catch (error) {
    return { error };
  }
}

export class ReadAhead {
  /** outcomes of paths[first], paths[first + 1], … (undefined: not wanted) */
  private batch: (ReadOutcome | undefined)[] = [];
  private first = 0;

  /**
   * @param paths absolute paths, in the order they will be taken
   * @param wanted whether paths[i] will be taken (an ignored file is not read ahead)
   */
  constructor(
    private readonly paths: readonly string[],
    private readonly maxSize: number,
    private readonly wanted: (index: number) => boolean = () => true,
    private readonly read: (path: string, maxSize: number) => ReadOutcome = readOutcome,
  ) {}

  /** The outcome for paths[index], from the current batch or a new one starting there. */
  take(index: number): ReadOutcome {
    const at = index - this.first;
    const kept = at >= 0 && at < this.batch.length ? this.batch[at] : undefined;
    if (kept) {
      this.batch[at] = undefined; // taken once: the bytes are not held longer than needed
      return kept;
    }
    this.fill(index);
    const outcome = this.batch[0]!;
    this.batch[0] = undefined;
    return outcome;
  }

  private fill(from: number): void {
    this.first = from;
    this.batch = [this.read(this.paths[from], this.maxSize)];
    let bytes = this.batch[0]!.bytes?.length ?? 0;
    for (let i = from + 1; i < this.paths.length && this.batch.length < BATCH_FILES && bytes < BATCH_BYTES; i++) {
      const outcome = this.wanted(i) ? this.read(this.paths[i], this.maxSize) : undefined;
      bytes += outcome?.bytes?.length ?? 0;
      this.batch.push(outcome);
    }
  }
}
