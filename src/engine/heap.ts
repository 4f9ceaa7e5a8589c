// V8 lets the heap grow well past what is live before a full collection: a 1 MB run peaked at
// 250–320 MB with ~100 MB live. Growing it by 50% at a time keeps the peak near 170–190 MB at
// the same speed (bench/README.md). A soft setting (big inputs still get the memory they
// need), switched on only for big runs: a pre-commit run is a few ms faster without it.
import { setFlagsFromString } from 'node:v8';

let done = false;

export function growHeapSlowly(): void {
  if (done) return;
  done = true;
  try {
    setFlagsFromString('--heap-growing-percent=50');
  } catch {
    // an engine without this flag: nothing to tune
  }
}

/** Runs of this many files, or files of this many bytes, are big. */
export const BIG_RUN_FILES = 100;
export const BIG_FILE_BYTES = 256 * 1024;
