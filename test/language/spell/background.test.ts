// Spelling suggestions deferred to a worker thread (src/language/spell/background.ts): the
// same lists as computed on the main thread, whoever computes them, also when the worker
// cannot start. The worker runs the built code (bin/suggest-worker.js → dist/).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { deferSuggestions, expectManySuggestions, START_AFTER, suggestNowOrLater, type Later } from '../../../src/language/spell/background.js';
import { loadSpeller } from '../../../src/language/spell/index.js';

// Real English words, each misspelled by swapping two letters: enough to start the worker.
const WORDS = `account address answer arrive balance basket benefit billing booking cancel careful certain
  change charge choose circle company confirm contact content correct country courier credit
  customer damage deliver delivery deposit detail discount dispatch download early easily
  enough expect expense express family feature finish follow forward friend general ground
  happen health helpful history holiday important include invoice journey kitchen language
  letter little machine manager market member message minute moment monthly morning number
  office online option order package parcel partner payment people perfect person picture
  pocket popular possible pretty problem product promise purchase question quickly receipt
  receive refund region remember replace request return review schedule second service
  shipping simple status store subject summer support surface ticket tomorrow travel update
  useful voucher warranty weather welcome window winter wonder yesterday`
  .split(/\s+/)
  .filter(Boolean);
const TYPOS = WORDS.map((w) => w.slice(0, 2) + w[3] + w[2] + w.slice(4));

const speller = () => loadSpeller('en')!.speller;
const direct = (word: string) => speller().suggest(word, 3);

/** Asks for every typo; returns each answer (a list now, or a Later). */
function askAll(): (string[] | Later<string[]>)[] {
  return TYPOS.map((word) => suggestNowOrLater('en', word, 3, () => direct(word)));
}

function valueOf(answer: string[] | Later<string[]>): string[] | undefined {
  if (Array.isArray(answer)) return answer;
  let value: string[] | undefined;
  answer.whenReady((v) => (value = v));
  return value;
}

describe('deferred spelling suggestions', () => {
  it('computes everything here when no run defers them', () => {
    const answers = askAll();
    expect(answers.every(Array.isArray)).toBe(true);
  });

  it('answers from the worker with the lists the main thread computes', async () => {
    expect(TYPOS.length).toBeGreaterThan(START_AFTER + 48);
    const expected = TYPOS.map(direct);
    const run = deferSuggestions();
    const answers = askAll();
    // the first START_AFTER words are computed here, as without deferral
    expect(answers.slice(0, START_AFTER - 1).every(Array.isArray)).toBe(true);
    expect(answers.slice(START_AFTER - 1).every((a) => !Array.isArray(a))).toBe(true);
    expect(answers.slice(START_AFTER).some((a) => !Array.isArray(a))).toBe(true);
    expect(run.stats.workerStarted).toBe(true);
    // let the worker load and answer (later requests collect its answers)
    const until = Date.now() + 20_000;
    while (run.stats.answeredByWorker === 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      suggestNowOrLater('en', 'recieve', 3, () => direct('recieve'));
    }
    run.settle();
    expect(run.stats.answeredByWorker).toBeGreaterThan(0);
    expect(answers.map(valueOf)).toEqual(expected);
    // settled: nothing is deferred any more
    expect(Array.isArray(suggestNowOrLater('en', 'tomorow', 3, () => direct('tomorow')))).toBe(true);
  }, 30_000);

  it('completes every finding on the main thread when the worker cannot start', () => {
    const expected = TYPOS.map(direct);
    const run = deferSuggestions(pathToFileURL(join(tmpdir(), 'msglint-no-such-worker.js')));
    const answers = askAll();
    run.settle();
    expect(answers.map(valueOf)).toEqual(expected);
    expect(run.stats.answeredByWorker).toBe(0);
    expect(run.stats.here + run.stats.settledHere).toBe(TYPOS.length);
  });

  it('starts the worker at the first word of a run known to be big', () => {
    const run = deferSuggestions();
    expectManySuggestions();
    const answers = askAll();
    expect(run.stats.workerStarted).toBe(true);
    expect(answers.every((a) => !Array.isArray(a))).toBe(true);
    run.settle();
    expect(answers.map(valueOf)).toEqual(TYPOS.map(direct));
  });

  it('calls every waiter of a word once, also when it asks after the answer', () => {
    const run = deferSuggestions(pathToFileURL(join(tmpdir(), 'msglint-no-such-worker.js')));
    const answers = askAll();
    const last = answers[answers.length - 1];
    expect(Array.isArray(last)).toBe(false);
    const seen: string[][] = [];
    (last as Later<string[]>).whenReady((v) => seen.push(v));
    run.settle();
    (last as Later<string[]>).whenReady((v) => seen.push(v));
    expect(seen).toEqual([direct(TYPOS[TYPOS.length - 1]), direct(TYPOS[TYPOS.length - 1])]);
  });
});
