// The body of the suggestion thread (src/language/spell/background.ts), started by
// bin/suggest-worker.js: answers batches of unknown words with the suggestions the spelling
// rule would have computed itself (same speller, same arguments).
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
  port.on('message', (request: SuggestRequest) => {
    const speller = loadSpeller(request.locale)?.speller;
    const lists = speller ? request.words.map(({ word, max }) => speller.suggest(word, max)) : null;
    port.postMessage({ batch: request.batch, lists } satisfies SuggestReply);
  });
}
