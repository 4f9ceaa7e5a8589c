// The shortcuts that make suggestions fast must not change any answer: the prefix filter
// of the word store (dic.ts), the compound-only second pass (checkCompoundsForSuggest) and
// the suggestion lists themselves (recorded before the shortcuts were added).
import { describe, expect, it } from 'vitest';
import { buildWordTables, NONE, WordStore } from '../../../src/language/spell/dic.js';
import { _DICTIONARIES, loadChecker, loadSpeller } from '../../../src/language/spell/index.js';

const DIC = '6\nhaus/A\nhausen\nmaus\nblau/B\nblume\nHaustür\n';
const PROBES = ['haus', 'hau', 'hausen', 'hausbau', 'maus', 'mau', 'blume', 'blumen', 'blau', 'bla', 'Haustür', 'Haus', 'xyz', 'zhaus', ''];

function store(): WordStore {
  return new WordStore(DIC, buildWordTables(DIC), 'char', null);
}

describe('word store prefix filter', () => {
  it('answers lookups as without the filter', () => {
    const plain = store();
    const filtered = store();
    filtered.usePrefixFilter();
    for (const w of PROBES) expect(filtered.lookup(w), w).toBe(plain.lookup(w));
  });

  it('never rules out a word or its prefixes, and rules out other starts', () => {
    const dic = store();
    dic.usePrefixFilter();
    const ph = new Int32Array(32);
    for (const w of ['haus', 'hausen', 'maus', 'blau', 'blume', 'Haustür']) expect(dic.prefixReach(w, ph), w).toBe(w.length);
    expect(dic.prefixReach('hausbau', ph)).toBeGreaterThanOrEqual(4);
    expect(dic.prefixReach('xyz', ph)).toBe(0);
  });

  it('lookupWithTail and lookupJoined find what lookup finds', () => {
    for (const built of [false, true]) {
      const dic = store();
      if (built) dic.usePrefixFilter();
      const ph = new Int32Array(32);
      for (const w of PROBES) {
        for (let n = 0; n <= w.length; n++) {
          const head = w.slice(0, n);
          const tail = w.slice(n);
          const expected = dic.lookup(w);
          // suffix side: the hash of the head from prefixReach, then the tail
          const reach = dic.prefixReach(head, ph);
          if (reach === head.length) expect(dic.lookupWithTail(ph[n], head, n, tail), `${head}|${tail}`).toBe(expected);
          else expect(expected).toBe(NONE);
          // prefix side: a head string, then the rest of a word from an offset
          const joined = dic.reachJoined(head, w, n);
          if (joined === w.length) expect(dic.lookupJoined(head, w, n), `${head}+${tail}`).toBe(expected);
          else expect(expected).toBe(NONE);
        }
      }
    }
  });

  it('knows words added after the filter was built', () => {
    const dic = store();
    dic.usePrefixFilter();
    expect(dic.lookup('xylofon')).toBe(NONE);
    const id = dic.addEntry('xylofon', []);
    expect(dic.lookup('xylofon')).toBe(id);
    expect(dic.prefixReach('xylofon', new Int32Array(16))).toBe(7);
  });
});

describe('compound-only second pass', () => {
  it('gives what a full check gives for candidates the first pass deferred', () => {
    const c = loadChecker(_DICTIONARIES.de)!.checker;
    const words: string[] = [];
    for (const base of ['Lieferadresse', 'Sendungsnummer', 'Kundenservice', 'Wasserkocher', 'bestellen']) {
      for (let i = 0; i < base.length; i++) {
        words.push(base.slice(0, i) + base.slice(i + 1));
        for (const ch of 'aenrs') words.push(base.slice(0, i) + ch + base.slice(i + 1), base.slice(0, i) + ch + base.slice(i));
      }
    }
    let deferred = 0;
    for (const w of words) {
      const plain = c.checkForSuggest(w, false);
      const wasDeferred = c.lastDeferred;
      const full = c.checkForSuggest(w, true);
      if (plain >= 0) expect(full, w).toBe(plain);
      else if (!wasDeferred) expect(full, w).toBe(NONE);
      else {
        deferred++;
        expect(c.checkCompoundsForSuggest(w), w).toBe(full);
      }
    }
    expect(deferred).toBeGreaterThan(100);
  });
});

describe('suggestions are unchanged', () => {
  // recorded with the engine before the speed-ups (suggest(w, 3))
  it.each([
    ['Herrzlich', ['Herzlich', 'Herrlich']],
    ['gescchrieben', ['geschrieben']],
    ['Kurir', ['Kurier', 'Kurie']],
    ['Lieferaddresse', ['Lieferraddresse', 'Lieferadresse', 'Liegeraddresse']],
    ['Kontoeinstelungen', ['Kontoeinstehlungen', 'Kontoeinstellungen', 'Kontoeinseelungen']],
    ['Kartendatten', ['Kartendaten', 'Kartendatteln', 'Kartendutten']],
    ['Sendungsnummer', []],
  ])('de %s', (word, expected) => {
    expect(loadSpeller('de')!.speller.suggest(word, 3)).toEqual(expected);
  });

  it('exhaustive and longer German lists (both passes, then n-grams)', () => {
    const s = loadSpeller('de')!.speller;
    expect(s.suggest('Wasserkocherr', 2, true)).toEqual(['Wasserkochherr', 'Wasserkocher']);
    expect(s.suggest('soobald', 2, true)).toEqual(['sobald', 'Solobad']);
    expect(s.suggest('Wasserkocherr', 5)).toEqual(['Wasserkochherr', 'Wasserkocher', 'Wasserkochern', 'Wasserkochers', 'Wasserkocherz']);
    expect(s.suggest('Kartendatten', 5)).toEqual(['Kartendaten', 'Kartendatteln', 'Kartendutten', 'Kartendattel', 'Kartengatten']);
  });
});
