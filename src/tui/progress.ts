// Progress for long runs. On an interactive stderr: an Ink progress bar, with each finished
// file printed above it through <Static>; in CI: a few plain lines (start, every 10 %, end);
// elsewhere (stderr piped or redirected): nothing. Ink is imported only when the bar is
// shown (about 0.4–1 s of start-up), so use this for runs with many files.
import type { Io } from '../cli/main.js';

export interface ProgressReporter {
  start(total: number): void;
  /** Call after each file; await it so that the bar can redraw (it yields at most every 50 ms). */
  fileDone(path: string, findingsCount: number): Promise<void>;
  /** Draws the final state and releases the terminal. */
  end(): Promise<void>;
}

export interface ProgressOptions {
  /** `auto` (default): ink on an interactive stderr outside CI, plain in CI, else silent */
  mode?: 'auto' | 'ink' | 'plain' | 'silent';
  /** the stream the bar is drawn on (default process.stderr) */
  stream?: NodeJS.WriteStream;
  /** which finished files are listed above the bar (default: all) */
  list?: 'all' | 'with-findings' | 'none';
}

export interface ProgressSnapshot {
  total: number;
  done: number;
  findings: number;
  current?: string;
  finished: { path: string; findings: number }[];
  elapsedMs: number;
  ended: boolean;
}

const YIELD_EVERY_MS = 50;

function inCi(env: NodeJS.ProcessEnv): boolean {
  return ['CI', 'CONTINUOUS_INTEGRATION'].some((k) => k in env && env[k] !== '0' && env[k] !== 'false');
}

export function resolveProgressMode(io: Io, options: ProgressOptions = {}): 'ink' | 'plain' | 'silent' {
  const mode = options.mode ?? 'auto';
  if (mode !== 'auto') return mode;
  const stream = options.stream ?? process.stderr;
  if (inCi(io.env)) return 'plain';
  if (stream.isTTY && io.env.TERM !== 'dumb') return 'ink';
  return 'silent';
}

export function progressReporter(io: Io, options: ProgressOptions = {}): ProgressReporter {
  const mode = resolveProgressMode(io, options);
  const list = options.list ?? 'all';
  const snapshot: ProgressSnapshot = { total: 0, done: 0, findings: 0, finished: [], elapsedMs: 0, ended: false };
  let startedAt = Date.now();
  let lastYield = Date.now();

  if (mode === 'silent') {
    return { start() {}, fileDone: async () => {}, end: async () => {} };
  }

  if (mode === 'plain') {
    let nextStep = 0;
    return {
      start(total) {
        startedAt = Date.now();
        snapshot.total = total;
        nextStep = Math.max(1, Math.ceil(total / 10));
        io.stderr(`msglint: linting ${total} file${total === 1 ? '' : 's'}\n`);
      },
      async fileDone(_path, count) {
        snapshot.done++;
        snapshot.findings += count;
        if (snapshot.done % nextStep === 0 && snapshot.done < snapshot.total) {
          io.stderr(`msglint: ${snapshot.done}/${snapshot.total} files (${Math.round((100 * snapshot.done) / snapshot.total)}%), ${snapshot.findings} findings\n`);
        }
      },
      async end() {
        const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
        io.stderr(`msglint: linted ${snapshot.done} file${snapshot.done === 1 ? '' : 's'} in ${seconds} s, ${snapshot.findings} finding${snapshot.findings === 1 ? '' : 's'}\n`);
      },
    };
  }

  // Ink: loaded in the background when the run starts; updates are batched.
  let view: Promise<import('./progress-view.js').ProgressHandle | undefined> | undefined;
  const draw = async () => {
    snapshot.elapsedMs = Date.now() - startedAt;
    const handle = await view;
    handle?.update({ ...snapshot, finished: [...snapshot.finished] });
  };
  return {
    start(total) {
      startedAt = Date.now();
      snapshot.total = total;
      view = import('./progress-view.js')
        .then((m) => m.mountProgress(options.stream ?? process.stderr, io.env, { ...snapshot }))
        .catch(() => undefined);
    },
    async fileDone(path, count) {
      snapshot.done++;
      snapshot.findings += count;
      snapshot.current = path;
      if (list === 'all' || (list === 'with-findings' && count > 0)) snapshot.finished.push({ path, findings: count });
      const now = Date.now();
      if (now - lastYield >= YIELD_EVERY_MS) {
        lastYield = now;
        await draw();
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async end() {
      snapshot.ended = true;
      snapshot.current = undefined;
      await draw();
      const handle = await view;
      await handle?.close();
    },
  };
}
