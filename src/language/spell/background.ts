// Spelling suggestions on the second core. A big run reports thousands of unknown words and
// each suggestion costs 0.2 ms (en) to 2 ms (de): a sixth of an English run, 40% of a German
// one, all on the main thread. While a CLI run has deferred them (`deferSuggestions`), the
// spelling rule reports an unknown word at once and its suggestions complete the finding
// later; a worker thread computes them while the main thread goes on linting. `settle()`
// completes every finding before anything reads them: the main thread computes the words the
// worker has not answered yet, from the back of the queue, while the worker answers from the
// front, so neither core waits, and a worker that failed only costs time.
//
// Small runs never start the worker (it needs ~100 ms of the other core to load the code and
// the dictionary, which made pre-commit runs 30–90 ms slower): the first START_AFTER words are
// computed here, as without deferral. A run known to be big (`expectManySuggestions`) starts
// it at the first word: the first words, suggested by code not yet compiled, are the dearest
// (German: 64 words took ~300 ms).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessagePort, Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../../paths.js';
import type { SuggestReply, SuggestRequest } from './suggest-worker.js';

/** A value computed later; `whenReady` calls back at once when it is already known. */
export interface Later<T> {
  whenReady(use: (value: T) => void): void;
}

/** Words suggested on the main thread before the worker starts. */
export const START_AFTER = 64;
/** Words per message to the worker: a message costs ~0.1 ms here, as much as an English suggestion. */
const BATCH = 16;
/** Words sent and not answered yet: what the main thread may still have to compute at the end. */
const MAX_IN_FLIGHT = 48;

const WORKER_ENTRY = pathToFileURL(join(PACKAGE_ROOT, 'bin', 'suggest-worker.js'));

class PendingSuggestions implements Later<string[]> {
  value: string[] | undefined;
  private uses: ((value: string[]) => void)[] = [];

  constructor(
    readonly locale: string,
    readonly word: string,
    readonly max: number,
    readonly computeHere: () => string[],
  ) {}

  whenReady(use: (value: string[]) => void): void {
    if (this.value) use(this.value);
    else this.uses.push(use);
  }

  /** The first answer counts (the worker's and the main thread's are the same list). */
  resolve(value: string[]): void {
    if (this.value) return;
    this.value = value;
    for (const use of this.uses) use(value);
    this.uses = [];
  }
}

/** How a run's suggestions were computed (tests, benchmarks). */
export interface SuggestionStats {
  /** before the worker started, or after it failed */
  here: number;
  answeredByWorker: number;
  /** deferred words the main thread computed when it settled */
  settledHere: number;
  workerStarted: boolean;
}

class BackgroundSuggestions {
  readonly stats: SuggestionStats = { here: 0, answeredByWorker: 0, settledHere: 0, workerStarted: false };
  private suggestedHere = 0;
  startAfter = START_AFTER;
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private failed = false;
  /** every deferred word, in request order; `sent` of them have gone to the worker */
  private readonly pending: PendingSuggestions[] = [];
  private sent = 0;
  private readonly inFlight = new Map<number, PendingSuggestions[]>();
  private inFlightWords = 0;
  private nextBatch = 0;

  constructor(private readonly workerEntry: URL) {}

  suggest(locale: string, word: string, max: number, computeHere: () => string[]): string[] | Later<string[]> {
    if (!this.port) {
      if (!this.failed && ++this.suggestedHere >= this.startAfter) this.start();
      if (!this.port) {
        this.stats.here++;
        return computeHere();
      }
    }
    const later = new PendingSuggestions(locale, word, max, computeHere);
    this.pending.push(later);
    this.pump();
    return later;
  }

  /** Completes every deferred suggestion (synchronously) and stops the worker. */
  settle(): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      if (this.port) this.pump(true);
      const later = this.pending[i];
      if (!later.value) {
        this.stats.settledHere++;
        later.resolve(later.computeHere());
      }
    }
    this.pending.length = 0;
    this.port?.close();
    void this.worker?.terminate();
    this.port = undefined;
    this.worker = undefined;
  }

  private start(): void {
    try {
      // worker_threads only when a worker starts (loading it costs every run ~3 ms)
      const threads = workerThreads();
      const { port1, port2 } = new threads.MessageChannel();
      const worker = new threads.Worker(this.workerEntry, { workerData: { port: port2 }, transferList: [port2] });
      // Never keeps the process alive; a failure leaves the work to this thread.
      worker.unref();
      const fail = () => {
        this.failed = true;
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      this.worker = worker;
      this.port = port1;
      this.stats.workerStarted = true;
    } catch {
      this.failed = true;
    }
  }

  /** Takes the worker's answers and keeps it supplied with full batches (any batch when `flush`), without waiting. */
  private pump(flush = false): void {
    const port = this.port!;
    if (this.inFlightWords > 0) {
      const { receiveMessageOnPort } = workerThreads();
      for (let reply = receiveMessageOnPort(port); reply; reply = receiveMessageOnPort(port)) this.receive(reply.message as SuggestReply);
    }
    while (!this.failed && this.pending.length - this.sent >= (flush ? 1 : BATCH) && this.inFlightWords < MAX_IN_FLIGHT) this.send(port);
  }

  private send(port: MessagePort): void {
    const locale = this.pending[this.sent].locale;
    const batch: PendingSuggestions[] = [];
    for (; batch.length < BATCH && this.sent < this.pending.length && this.pending[this.sent].locale === locale; this.sent++) {
      const later = this.pending[this.sent];
      if (!later.value) batch.push(later);
    }
    if (batch.length === 0) return;
    const id = this.nextBatch++;
    this.inFlight.set(id, batch);
    this.inFlightWords += batch.length;
    port.postMessage({ batch: id, locale, words: batch.map(({ word, max }) => ({ word, max })) } satisfies SuggestRequest);
  }

  private receive(reply: SuggestReply): void {
    const batch = this.inFlight.get(reply.batch);
    if (!batch) return;
    this.inFlight.delete(reply.batch);
    this.inFlightWords -= batch.length;
    // null: no speller on the worker for this locale; this thread has one.
    if (reply.lists) this.stats.answeredByWorker += batch.length;
    else this.stats.here += batch.length;
    batch.forEach((later, i) => later.resolve(reply.lists ? reply.lists[i] : later.computeHere()));
  }
}

function workerThreads(): typeof import('node:worker_threads') {
  return process.getBuiltinModule('node:worker_threads');
}

let current: BackgroundSuggestions | undefined;

/**
 * Suggestions for `word`: computed now (`computeHere`), or later on the worker while a run
 * has deferred them.
 */
export function suggestNowOrLater(locale: string, word: string, max: number, computeHere: () => string[]): string[] | Later<string[]> {
  return current ? current.suggest(locale, word, max, computeHere) : computeHere();
}

/** The run is big (many files, or a big file): start the worker at the next suggestion. */
export function expectManySuggestions(): void {
  if (current) current.startAfter = 0;
}

/**
 * Defers suggestions until `settle()`, which must be called before the run's findings are
 * read (reported, cached). For the CLI's single-threaded lint of many files only.
 */
export function deferSuggestions(workerEntry = WORKER_ENTRY): { settle(): void; stats: SuggestionStats } {
  const run = new BackgroundSuggestions(workerEntry);
  current = run;
  return {
    settle() {
      if (current === run) current = undefined;
      run.settle();
    },
    stats: run.stats,
  };
}
