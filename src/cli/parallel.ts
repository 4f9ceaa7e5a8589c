// Parallel linting for big runs: the main thread and worker threads (src/cli/lint-worker.ts,
// started by bin/lint-worker.js) take batches of files from one queue; results come back in
// the order of the files, so reports are the same as a single-threaded run's. Threads start
// from the bundle and its code cache, but each still warms up (compiles hot code, loads its
// dictionaries and lexicons), so small runs stay on the main thread (see `threadsFor`).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintOptions } from '../engine/lint.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { FileResult } from '../types.js';
import type { WorkerReply, WorkerRequest } from './lint-worker.js';

/** Below this many files, one thread is faster (measured: bench/README.md). */
export const PARALLEL_MIN_FILES = 200;
/** Files per batch sent to a worker (it asks for the next one as it starts a batch). */
const BATCH = 25;
/** Files the main thread lints between two looks at the workers' messages. */
const MAIN_BATCH = 8;

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
  /** lints one file on the main thread (errors already turned into results) */
  lintHere: (path: string, explicit: boolean) => FileResult | undefined;
  /** once every worker has loaded the code (process-wide V8 flags may change from then on) */
  onWorkersLoaded?: () => void;
}

const WORKER_ENTRY = pathToFileURL(join(PACKAGE_ROOT, 'bin', 'lint-worker.js'));

/** Lints `files` on the main thread and `threads - 1` workers; the results in the order of `files`. */
export async function lintInParallel(
  files: { path: string; explicit: boolean }[],
  options: Omit<LintOptions, 'onSkip'>,
  threads: number,
  hooks: ParallelHooks,
): Promise<(FileResult | undefined)[]> {
  const results: (FileResult | undefined)[] = new Array(files.length);
  let next = 0;
  const takeBatch = (size: number) => {
    const batch = files.slice(next, next + size).map((file, i) => ({ index: next + i, ...file }));
    next += batch.length;
    return batch;
  };
  let pending = Promise.resolve();
  const done = (index: number, result: FileResult | undefined) => {
    results[index] = result;
    pending = pending.then(() => hooks.onFileDone(files[index].path, result));
  };
  // A V8 code cache is rejected when the engine's flags differ from those it was written
  // with: flags set at run time (heap.ts) must wait until the workers have loaded the bundle.
  let loading = threads - 1;
  const loaded = () => {
    if (--loading === 0) hooks.onWorkersLoaded?.();
  };
  const runWorker = () =>
    new Promise<void>((resolvePromise, reject) => {
      // worker_threads only for runs on threads (loading it costs every run ~3 ms)
      const { Worker } = process.getBuiltinModule('node:worker_threads');
      const worker = new Worker(WORKER_ENTRY, { workerData: options });
      let first = true;
      worker.on('message', (reply: WorkerReply) => {
        if (first) {
          first = false;
          loaded();
        }
        if (reply.type === 'skip') hooks.onSkip(reply.path, reply.reason);
        else if (reply.type === 'stderr') hooks.stderr(reply.text);
        else if (reply.type === 'result') done(reply.index, reply.result);
        else {
          const batch = takeBatch(BATCH);
          worker.postMessage((batch.length > 0 ? { type: 'batch', files: batch } : { type: 'stop' }) satisfies WorkerRequest);
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`a lint worker stopped with exit code ${code}`))));
    });
  const runHere = async () => {
    for (let batch = takeBatch(MAIN_BATCH); batch.length > 0; batch = takeBatch(MAIN_BATCH)) {
      for (const file of batch) done(file.index, hooks.lintHere(file.path, file.explicit));
      // let the workers' requests and results in
      await new Promise((resolveTick) => setImmediate(resolveTick));
    }
  };
  await Promise.all([runHere(), ...Array.from({ length: threads - 1 }, runWorker)]);
  await pending;
  return results;
}
