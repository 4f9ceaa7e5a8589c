// Parallel linting for big runs: worker threads (src/cli/lint-worker.ts) take batches of
// files from a queue; results come back in the order of the files, so reports are the same
// as a single-threaded run's. A thread costs ~0.2 s to start and warm up (modules,
// dictionaries), so small runs stay on the main thread (see `threadsFor`).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../engine/lint.js';
import type { FileResult } from '../types.js';
import type { WorkerReply, WorkerRequest } from './lint-worker.js';

/** Below this many files, one thread is faster (measured: bench/README.md). */
export const PARALLEL_MIN_FILES = 200;
const BATCH = 25;

/**
 * Threads for a run of `files` files: `--concurrency off` → 1; a number → that many (at most
 * one per file); `auto` → one per core (at most 4) for runs of PARALLEL_MIN_FILES or more.
 */
export function threadsFor(setting: 'auto' | 'off' | number, files: number): number {
  if (setting === 'off') return 1;
  if (typeof setting === 'number') return Math.max(1, Math.min(setting, files));
  return files >= PARALLEL_MIN_FILES ? Math.max(1, Math.min(availableParallelism(), 4)) : 1;
}

export interface ParallelHooks {
  onSkip: (path: string, reason: string) => void;
  stderr: (text: string) => void;
  onFileDone: (path: string, result: FileResult | undefined) => void | Promise<void>;
}

/** Lints `files` on `threads` worker threads; the results in the order of `files`. */
export async function lintInParallel(
  files: { path: string; explicit: boolean }[],
  options: Omit<LintOptions, 'onSkip'>,
  threads: number,
  hooks: ParallelHooks,
): Promise<(FileResult | undefined)[]> {
  const results: (FileResult | undefined)[] = new Array(files.length);
  let next = 0;
  const takeBatch = () => {
    const batch = files.slice(next, next + BATCH).map((file, i) => ({ index: next + i, ...file }));
    next += batch.length;
    return batch;
  };
  const workerUrl = new URL('./lint-worker.js', import.meta.url);
  const runWorker = () =>
    new Promise<void>((resolvePromise, reject) => {
      const worker = new Worker(workerUrl, { workerData: options });
      let pending = Promise.resolve();
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'skip') hooks.onSkip(reply.path, reply.reason);
        else if (reply.type === 'stderr') hooks.stderr(reply.text);
        else if (reply.type === 'result') {
          results[reply.index] = reply.result;
          const path = files[reply.index].path;
          pending = pending.then(() => hooks.onFileDone(path, reply.result));
        } else {
          const batch = takeBatch();
          worker.postMessage((batch.length > 0 ? { type: 'batch', files: batch } : { type: 'stop' }) satisfies WorkerRequest);
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        pending.then(() => (code === 0 ? resolvePromise() : reject(new Error(`a lint worker stopped with exit code ${code}`))), reject);
      });
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
  return results;
}
