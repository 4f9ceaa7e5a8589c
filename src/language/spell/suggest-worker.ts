// The body of the suggestion thread (src/language/spell/background.ts), started by
// bin/suggest-worker.js: answers batches of unknown words with the suggestions the spelling
// rule would have computed itself (same speller, same arguments).
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { workerData, type MessagePort } from 'node:worker_threads';
import { loadSpeller } from './index.js';

export interface SuggestRequest {
  batch: number;
  locale: string;
  words: { word: string; max: number }[];
}

/** `lists` is null when the locale has no speller here: the main thread then computes them. */
export interface SuggestReply {
  batch: number;
  lists: string[][] | null;
}

export function runSuggestWorker(): void {
  const port = (workerData as { port: MessagePort }).port;
  const pace = new Pace();
  port.on('message', (request: SuggestRequest) => {
    pace.starting();
    const speller = loadSpeller(request.locale)?.speller;
    const lists = speller ? request.words.map(({ word, max }) => speller.suggest(word, max)) : null;
    port.postMessage({ batch: request.batch, lists } satisfies SuggestReply);
    pace.done();
  });
}

/** Batches looked at together, and how many of them must have found the thread waiting. */
const WINDOW = 16;
const WAITED_IN_WINDOW = 8;
/** A batch that arrives this long after the last one was answered found the thread waiting. */
const WAITING_MS = 1;
/** nice value of the threads that give way (0 is the default, 19 the lowest priority) */
export const GIVE_WAY_NICE = 10;

/**
 * Once this thread keeps ahead of the main thread, it and V8's helper threads give way to it.
 * While the main thread lints it is the run's critical path, but on a 2-core machine the
 * scheduler shared the cores equally between it, V8's compiler and garbage-collector threads
 * and this one: the main thread got ~65% of a core while V8 warmed up. English, French,
 * Italian and Spanish words are suggested faster than the main thread finds them: there the
 * other threads get a lower priority (a higher nice value; they still use an idle core in
 * full). German words (~2 ms each, compounds) are not, and the main thread computes what is
 * left when it settles: lowering the priorities there made German runs slower (the suggestion
 * thread fell further behind, V8 optimised the main thread's code later). So this thread
 * watches whether batches find it waiting (half of a window of 16) and only then lowers the
 * priorities, once: an unprivileged thread cannot raise them again. Linux only, where the
 * nice value belongs to each thread (elsewhere setpriority() would change the whole process).
 */
export class Pace {
  private lastDone = -1;
  private batches = 0;
  private waited = 0;
  private gaveWay = false;

  constructor(
    private readonly now = () => performance.now(),
    private readonly act = process.platform === 'linux' ? giveWay : () => {},
  ) {}

  /** a batch arrived */
  starting(): void {
    if (this.lastDone >= 0 && this.now() - this.lastDone > WAITING_MS) this.waited++;
  }

  /** its answer was sent */
  done(): void {
    this.lastDone = this.now();
    if (this.gaveWay || ++this.batches < WINDOW) return;
    if (this.waited >= WAITED_IN_WINDOW) {
      this.gaveWay = true;
      this.act();
    }
    this.batches = 0;
    this.waited = 0;
  }
}

/** Lowers the priority of every thread of the process but the main one (whose id is the pid). */
function giveWay(): void {
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      if (Number(tid) !== process.pid) setPriority(Number(tid), GIVE_WAY_NICE);
    }
  } catch {
    // no /proc, or refused: run as is
  }
}
