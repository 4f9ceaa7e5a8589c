// A worker thread of a parallel run (src/cli/parallel.ts): lints the batches of files it is
// sent with one Linter (so dictionaries and processors load once per thread) and posts each
// file's result back. Errors are handled per file as in the single-threaded run.
// bin/lint-worker.js starts it (from the bundle or the modules, as the CLI was loaded).
import { parentPort, workerData } from 'node:worker_threads';
import { Linter, type LintOptions } from '../engine/lint.js';
import { lintOrFail } from './file-error.js';
import type { FileResult } from '../types.js';

export type WorkerRequest = { type: 'batch'; files: { index: number; path: string; explicit: boolean }[] } | { type: 'stop' };

export type WorkerReply =
  | { type: 'result'; index: number; result: FileResult | undefined }
  | { type: 'skip'; path: string; reason: string }
  | { type: 'stderr'; text: string }
  | { type: 'idle' };

export function runLintWorker(): void {
  const port = parentPort!;
  const post = (reply: WorkerReply) => port.postMessage(reply);
  const options = workerData as Omit<LintOptions, 'onSkip'>;
  const linter = new Linter({ ...options, onSkip: (path, reason) => post({ type: 'skip', path, reason }) });
  const stderr = (text: string) => post({ type: 'stderr', text });
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'stop') {
      port.close();
      return;
    }
    // Ask for the next batch first: it arrives while this one is linted.
    post({ type: 'idle' });
    for (const file of request.files) post({ type: 'result', index: file.index, result: lintOrFail(linter, file.path, file.explicit, stderr) });
  });
  post({ type: 'idle' });
}
