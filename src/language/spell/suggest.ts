/**
 * Suggestions for misspelled words.
 *
 * Candidates come from three sources (all validated with the checker):
 *  1. edits at distance 1 (deletion, transposition, substitution and insertion with the
 *     `.aff` TRY characters), REP table replacements, MAP (accent) variants, keyboard
 *     neighbours (KEY), case variants, and splits into two words;
 *  2. when that gives too little, an n-gram scan of the dictionary stems that start with
 *     the same letter, expanded with their affixes (like Hunspell's n-gram suggestions),
 *     which finds words at distance 2 and more.
 * All candidates are ranked by one weighted Damerau–Levenshtein cost (doubled letters,
 * swaps, accents, keyboard neighbours and vowels are cheap; changing the first letter is
 * expensive) plus a bonus for REP matches, so the order does not depend on the source.
 */
import { NO_FLAG, ONLYUPCASE_FLAG } from './aff.js';
import { Cap, capType, contHas, type HunspellChecker, initCap, lowerCase, pfxCond, sfxCond } from './hunspell.js';
import { type FirstLetterIndex, NONE } from './dic.js';

const DEFAULT_KEYS: Record<string, string> = {
  de: 'qwertzuiopü|asdfghjklöä|yxcvbnm',
  fr: 'azertyuiop|qsdfghjklm|wxcvbn',
  default: 'qwertyuiop|asdfghjkl|zxcvbnm',
};

/** extra cost of a candidate that is only valid as a compound */
const COMPOUND_COST = 0.3;

const VOWELS = new Set('aeiouyàáâäãåæèéêëìíîïòóôöõøùúûüýÿœ');

/** Base letter without accents, lowercase ("É" -> "e"). */
const baseCache = new Map<string, string>();
function baseLetter(c: string): string {
  const code = c.charCodeAt(0);
  if (c.length === 1 && code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  let b = baseCache.get(c);
  if (b === undefined) {
    b = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    baseCache.set(c, b);
  }
  return b;
}

interface Candidate {
  word: string;
  bonus: number;
}

export interface SuggestOptions {
  /** checks allowed in the n-gram phase before giving up (bounds the time per word) */
  maxNgramRoots?: number;
}

/** The state of one suggest() call: what was tried, accepted and deferred. */
class CandidateRun {
  /** suggestion (dictionary case) -> bonus */
  readonly results = new Map<string, number>();
  tried = new Set<string>();
  /**
   * Without compounds: the candidates that only the compound analysis could still accept,
   * as [candidate, bonus, its capitalised form or '']; a candidate is in it when it or its
   * capitalised form is deferred (lastDeferred), and an undeferred one stays out: the second
   * pass replays these with only the compound analysis left.
   */
  readonly deferred: Array<[string, number, string]> = [];
  compounds = true;

  /** @param capitalise German: lower-case candidates are also tried capitalised */
  constructor(readonly capitalise: boolean) {}

  accept(w: string, bonus: number): void {
    const prev = this.results.get(w);
    if (prev === undefined || bonus < prev) this.results.set(w, bonus);
  }
}

export class Suggester {
  private readonly c: HunspellChecker;
  private readonly tryChars: string[];
  private readonly tryCharsAll: string[];
  private readonly neighbours: Map<string, string>;
  private readonly mapGroups = new Map<string, string[]>();
  private readonly rep: Array<[string, string]>;
  /** German: nouns are capitalised, so lower-case candidates are also tried capitalised */
  private readonly capitalisedNouns: boolean;
  private byFirst: Map<string, Int32Array | number[]> | null = null;
  private sfxByFlag: Map<number, number[]> | null = null;
  private pfxByFlag: Map<number, number[]> | null = null;

  constructor(checker: HunspellChecker, lang: string) {
    this.c = checker;
    const aff = checker.aff;
    const tryAll = [...new Set(Array.from(aff.try || 'esianrtolcdugmphbyfvkwz'))];
    this.tryCharsAll = tryAll;
    this.tryChars = tryAll.filter((ch) => ch === ch.toLowerCase());
    const keyRows = aff.key.length ? aff.key : (DEFAULT_KEYS[lang] ?? DEFAULT_KEYS.default).split('|');
    this.neighbours = keyboardNeighbours(keyRows);
    for (const group of aff.map) {
      const lower = [...new Set(group.map((g) => g.toLowerCase()))];
      for (const g of lower) this.mapGroups.set(g, lower.filter((x) => x !== g));
    }
    this.rep = aff.rep;
    this.capitalisedNouns = lang === 'de';
  }

  /** Forget the first-letter index (after words were added). */
  invalidate(): void {
    this.byFirst = null;
  }

  suggest(input: string, max = 5, exhaustive = false): string[] {
    if (max <= 0) return [];
    const c = this.c;
    const curly = input.indexOf('\u2019') >= 0;
    let word = c.normalize(input).trim();
    if (!word) return [];
    const ct = capType(word);
    const base = ct === Cap.No || ct === Cap.Init || ct === Cap.All ? lowerCase(word) : word;
    const alphabet = ct === Cap.Huh || ct === Cap.HuhInit ? this.tryCharsAll : this.tryChars;
    const run = new CandidateRun(this.capitalisedNouns && ct !== Cap.Huh && ct !== Cap.HuhInit);
    const { results } = run;
    // the second pass of generate(), from the first pass's deferred candidates
    const replayDeferred = () => {
      for (const [cand, bonus, ic] of run.deferred) {
        if (cand && c.checkCompoundsForSuggest(cand) >= 0) run.accept(cand, bonus + COMPOUND_COST);
        else if (ic && c.checkCompoundsForSuggest(ic) >= 0) run.accept(ic, bonus + COMPOUND_COST);
      }
    };
    const generate = () => {
      run.tried = new Set([base]);
      // case variants: the word itself with other capitalisation
      this.test(run, initCap(base));
      if (ct === Cap.Huh || ct === Cap.HuhInit) this.test(run, lowerCase(word));
      this.test(run, base.toUpperCase());
      // REP table
      for (const [from, to] of this.rep) this.applyRep(base, from, to, run);
      // MAP (accents)
      this.mapVariants(base, run);
      this.edits1(base, alphabet, run);
      // two words
      for (let i = 1; i < base.length; i++) {
        const l = base.slice(0, i);
        const r = base.slice(i);
        if (l.endsWith('-') || r.startsWith('-') || l.endsWith("'")) continue;
        this.test(run, l + ' ' + r);
      }
    };

    // Compound analysis of every candidate is most of the cost in German (~3 ms a word):
    // candidates are first checked as listed words only, and as compounds only when that
    // finds nothing good (the quality sets: same top-1 and "among the suggestions" rates).
    if (c.compounds) {
      run.compounds = false;
      const hidden = c.hiddenReady;
      generate();
      const plain = this.rank(base, word, results);
      if (exhaustive || plain.length === 0 || plain[0].cost > 0.8) {
        run.compounds = true;
        // the same candidates again, with compounds: only the deferred ones can change
        // (unless a split part's check added the hidden forms, changing the dictionary)
        if (c.hiddenReady === hidden) replayDeferred();
        else generate();
      }
    } else generate();

    let ranked = this.rank(base, word, results);
    // The n-gram search (the slowest part) only when edits found nothing good: on the quality
    // sets it changed no top-1 and no "correction among the suggestions" (bench/quality).
    if (ranked.length < (exhaustive ? Math.min(max, 3) : 1) || ranked[0].cost > 0.8) {
      for (const w of this.ngramCandidates(base)) {
        if (!results.has(w) && !run.tried.has(w) && !results.has(initCap(w))) {
          run.tried.add(w);
          results.set(w, 0);
        }
      }
      ranked = this.rank(base, word, results);
    }

    const out: string[] = [];
    const seen = new Set<string>();
    const edgeHyphen = /^-|-$/.test(word);
    for (const { word: w } of ranked) {
      if (!edgeHyphen && (w.startsWith('-') || w.endsWith('-'))) continue; // German compound parts (-adresse)
      let s = w;
      if (ct === Cap.Init) s = initCap(s);
      else if (ct === Cap.All && !this.isKeepCase(w)) s = s.toUpperCase();
      if (curly) s = s.replace(/'/g, '\u2019');
      if (s === input || seen.has(s)) continue;
      seen.add(s);
      out.push(s);
      if (out.length >= max) break;
    }
    return out;
  }

  /**
   * Tries a candidate of one suggest() call (its state in `run`). A method, not a closure made
   * per call: the generators call it from many places, and a new closure per word made V8
   * throw their optimised code away ("wrong call target") and compile them again, ~60 ms of
   * compiler time each.
   */
  private test(run: CandidateRun, cand: string, bonus = 0): void {
    if (!cand || run.tried.has(cand)) return;
    run.tried.add(cand);
    const c = this.c;
    const compounds = run.compounds;
    if (cand.indexOf(' ') > 0) {
      const parts = cand.split(' ');
      if (parts.every((p) => p && c.spell(p) && this.suggestable(p))) run.accept(cand, bonus);
      return;
    }
    // words valid only as compounds (German Verb+ideen) are less likely than listed ones
    if (c.checkForSuggest(cand, compounds) >= 0) {
      run.accept(cand, bonus + (c.lastCompound ? COMPOUND_COST : 0));
      return;
    }
    const candDeferred = c.lastDeferred;
    let ic = '';
    if (run.capitalise) {
      ic = initCap(cand);
      if (ic === cand) ic = '';
      else if (c.checkForSuggest(ic, compounds) >= 0) {
        run.accept(ic, bonus + (c.lastCompound ? COMPOUND_COST : 0));
        ic = '';
      } else if (!c.lastDeferred) ic = '';
    }
    if (candDeferred || ic) run.deferred.push([candDeferred ? cand : '', bonus, ic]);
  }

  private suggestable(word: string): boolean {
    // NOSUGGEST / forbidden parts of a split are not suggested
    const rv = this.c.checkForSuggest(word);
    if (rv >= 0) return true;
    const lw = lowerCase(word);
    return lw !== word ? this.c.checkForSuggest(lw) >= 0 : this.c.spell(word);
  }

  private isKeepCase(w: string): boolean {
    const aff = this.c.aff;
    if (aff.keepCase === NO_FLAG) return false;
    const rv = this.c.checkForSuggest(w);
    return rv >= 0 && this.c.dic.hasFlag(rv, aff.keepCase);
  }

  private applyRep(w: string, from: string, to: string, run: CandidateRun): void {
    let pattern = from;
    const atStart = pattern.startsWith('^');
    if (atStart) pattern = pattern.slice(1);
    const atEnd = pattern.endsWith('$');
    if (atEnd) pattern = pattern.slice(0, -1);
    if (!pattern) return;
    for (let i = w.indexOf(pattern); i >= 0; i = w.indexOf(pattern, i + 1)) {
      if (atStart && i !== 0) break;
      if (atEnd && i + pattern.length !== w.length) continue;
      this.test(run, w.slice(0, i) + to + w.slice(i + pattern.length), -0.45);
    }
  }

  private mapVariants(w: string, run: CandidateRun): void {
    if (this.mapGroups.size === 0) return;
    const chars = Array.from(w);
    let count = 0;
    const rec = (i: number, cur: string[], changed: number) => {
      if (count > 300) return;
      if (i === chars.length) {
        if (changed) {
          count++;
          this.test(run, cur.join(''), -0.1);
        }
        return;
      }
      rec(i + 1, cur, changed);
      const alts = this.mapGroups.get(chars[i]);
      if (alts && changed < 3) {
        const keep = cur[i];
        for (const a of alts) {
          cur[i] = a;
          rec(i + 1, cur, changed + 1);
        }
        cur[i] = keep;
      }
    };
    rec(0, chars.slice(), 0);
  }

  private edits1(w: string, alphabet: string[], run: CandidateRun): void {
    const n = w.length;
    // transpositions (adjacent, then one apart)
    for (let i = 0; i + 1 < n; i++) {
      if (w[i] !== w[i + 1]) this.test(run, w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    }
    for (let i = 0; i + 2 < n; i++) {
      if (w[i] !== w[i + 2]) this.test(run, w.slice(0, i) + w[i + 2] + w[i + 1] + w[i] + w.slice(i + 3));
    }
    // deletions
    for (let i = 0; i < n; i++) this.test(run, w.slice(0, i) + w.slice(i + 1));
    // doubled two characters: vacacation -> vacation
    for (let i = 0; i + 3 < n; i++) {
      if (w[i] === w[i + 2] && w[i + 1] === w[i + 3]) this.test(run, w.slice(0, i) + w.slice(i + 2));
    }
    // keyboard neighbours
    for (let i = 0; i < n; i++) {
      const nb = this.neighbours.get(w[i]);
      if (nb) for (const ch of nb) this.test(run, w.slice(0, i) + ch + w.slice(i + 1));
    }
    // substitutions
    for (let i = 0; i < n; i++) {
      const head = w.slice(0, i);
      const tail = w.slice(i + 1);
      for (const ch of alphabet) if (ch !== w[i]) this.test(run, head + ch + tail);
    }
    // insertions
    for (let i = 0; i <= n; i++) {
      const head = w.slice(0, i);
      const tail = w.slice(i);
      for (const ch of alphabet) this.test(run, head + ch + tail);
    }
    // moved character (up to 4 places): "hlelo" style errors beyond a swap
    for (let i = 0; i < n; i++) {
      for (let d = 3; d <= 4; d++) {
        if (i + d < n) this.test(run, w.slice(0, i) + w.slice(i + 1, i + d + 1) + w[i] + w.slice(i + d + 1));
        if (i - d >= 0) this.test(run, w.slice(0, i - d) + w[i] + w.slice(i - d, i) + w.slice(i + 1));
      }
    }
  }

  // ------------------------------------------------------------ ranking

  private rank(base: string, original: string, results: Map<string, number>): Array<{ word: string; cost: number }> {
    const ranked: Array<{ word: string; cost: number; sim: number }> = [];
    const baseChars = Array.from(base);
    for (const [w, bonus] of results) {
      const cost = Math.max(0.05, editCost(base, w, original, this.neighbours, baseChars) + bonus);
      ranked.push({ word: w, cost, sim: ngramSimilarity(base, lowerCase(w)) });
    }
    ranked.sort((a, b) => a.cost - b.cost || b.sim - a.sim || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    return ranked;
  }

  /** Weighted Damerau–Levenshtein (optimal string alignment) between the input and a candidate. */
  cost(input: string, cand: string, original = input): number {
    return editCost(input, cand, original, this.neighbours);
  }

  // ------------------------------------------------------------ n-gram phase

  private ngramCandidates(base: string): string[] {
    const first = base[0];
    if (!first) return [];
    const c = this.c;
    const dic = c.dic;
    const roots = this.rootsStartingWith(first);
    const len = base.length;
    // bigrams of the input as numbers: scoring reads the dictionary text without slicing
    const hasGram = inputBigrams(base);
    const text = dic.text;
    // score stems by shared bigrams, prefer similar length
    const top: Array<{ e: number; s: number }> = [];
    const K = 24;
    let minTop = -Infinity;
    for (const e of roots) {
      if (e >= dic.size) {
        // run-time words: always worth a look
        top.push({ e, s: 1 });
        continue;
      }
      const wl = dic.length(e);
      if (wl > len + 3 || wl < len - 6 || wl < 2) continue;
      const at = dic.start(e);
      let shared = 0;
      let pre = 0;
      let prefixOpen = true;
      let prev = lowerCode(text.charCodeAt(at));
      if (prev === base.charCodeAt(0)) pre = 1;
      else prefixOpen = false;
      for (let i = 1; i < wl; i++) {
        const code = lowerCode(text.charCodeAt(at + i));
        if (hasGram(prev, code)) shared++;
        if (prefixOpen && i < len && code === base.charCodeAt(i)) pre++;
        else prefixOpen = false;
        prev = code;
      }
      const s = (2 * shared) / (wl - 1 + len - 1) + pre * 0.05 - Math.abs(wl - len) * 0.02;
      if (top.length < K || s > minTop) {
        top.push({ e, s });
        if (top.length > K) {
          top.sort((x, y) => y.s - x.s);
          top.length = K;
        }
        minTop = top.length === K ? top.reduce((m, t) => Math.min(m, t.s), Infinity) : -Infinity;
      }
    }
    // forms of the best stems, pre-ranked by shared bigrams; the weighted edit distance
    // (the expensive part) only for the 150 most similar
    const sims = new Map<string, number>();
    for (const { e } of top) {
      if (dic.hasFlag(e, c.aff.noSuggest) || dic.hasFlag(e, c.aff.forbiddenWord)) continue;
      if (sims.size > 8000) break;
      for (const f of this.expand(e, 1000)) {
        if (Math.abs(f.length - len) > 2 || sims.has(f)) continue;
        let shared = 0;
        const lf = lowerCase(f);
        for (let i = 0; i + 1 < lf.length; i++) if (hasGram(lf.charCodeAt(i), lf.charCodeAt(i + 1))) shared++;
        sims.set(f, shared / (lf.length + len - 2 || 1));
      }
    }
    // (Loops, not map/filter: V8 dropped this function's optimised code when a search found
    // no form, an empty array of another kind.)
    const bySimilarity = [...sims].sort((x, y) => y[1] - x[1]);
    const best: [string, number][] = [];
    for (let i = 0; i < bySimilarity.length && i < 150; i++) {
      const f = bySimilarity[i][0];
      const cost = this.cost(base, f);
      if (cost <= 2.6) best.push([f, cost]);
    }
    best.sort((x, y) => x[1] - y[1]);
    if (best.length > 12) best.length = 12;
    const out: string[] = [];
    for (const [f] of best) if (c.checkForSuggest(f) >= 0) out.push(f);
    return out;
  }

  private rootsStartingWith(ch: string): ArrayLike<number> & Iterable<number> {
    if (this.byFirst === null) this.byFirst = this.indexByFirst();
    return this.byFirst.get(baseLetter(ch)) ?? [];
  }

  /**
   * The entries by the base letter of their first character, each list in entry order: the
   * listed entries from the compiled cache's index (building it cost 5–15 ms, most of the first
   * n-gram search of a run), then the run-time words.
   */
  private indexByFirst(): Map<string, Int32Array | number[]> {
    const dic = this.c.dic;
    const listed = dic.firstLetters ?? firstLetterIndex(dic.text, (e) => dic.start(e), dic.size);
    const m = new Map<string, Int32Array | number[]>();
    listed.letters.forEach((letter, i) => m.set(letter, listed.ids.subarray(listed.starts[i], listed.starts[i + 1])));
    for (let e = dic.size; e < dic.count; e++) {
      // run-time words; hidden capitalised forms are not words of their own
      if (dic.hasFlag(e, ONLYUPCASE_FLAG)) continue;
      const letter = baseLetter(dic.word(e)[0] ?? '');
      const list = m.get(letter);
      m.set(letter, list ? [...list, e] : [e]);
    }
    return m;
  }

  /** Word forms of a dictionary entry (one suffix, one prefix, twofold suffixes). */
  expand(e: number, limit = 3000): string[] {
    const c = this.c;
    const aff = c.aff;
    const dic = c.dic;
    const t = c.t;
    if (this.sfxByFlag === null || this.pfxByFlag === null) {
      this.sfxByFlag = new Map();
      this.pfxByFlag = new Map();
      for (let i = 0; i < t.count; i++) {
        const m = i < t.firstPrefix ? this.sfxByFlag : this.pfxByFlag;
        let l = m.get(t.flag[i]);
        if (!l) m.set(t.flag[i], (l = []));
        l.push(i);
      }
    }
    const sfxByFlag = this.sfxByFlag;
    const pfxByFlag = this.pfxByFlag;
    const w = dic.word(e);
    const flags = dic.flags(e);
    const out: string[] = [];
    const okCont = (a: number) => !contHas(t, a, aff.needAffix) && !contHas(t, a, aff.onlyInCompound);
    if (!flags.includes(aff.needAffix) && !flags.includes(aff.onlyInCompound)) out.push(w);
    const applySfx = (a: number, stem: string): string | null => {
      const strip = t.strs[t.stripId[a]];
      if (strip && !stem.endsWith(strip)) return null;
      if (!sfxCond(t, a, stem)) return null;
      return stem.slice(0, stem.length - strip.length) + t.strs[t.appendId[a]];
    };
    const applyPfx = (a: number, stem: string): string | null => {
      const strip = t.strs[t.stripId[a]];
      if (strip && !stem.startsWith(strip)) return null;
      if (!pfxCond(t, a, stem)) return null;
      return t.strs[t.appendId[a]] + stem.slice(strip.length);
    };
    const prefixes: number[] = [];
    for (const f of flags) {
      const pl = pfxByFlag.get(f);
      if (pl) prefixes.push(...pl);
    }
    for (const p of prefixes) {
      const form = applyPfx(p, w);
      if (form && okCont(p)) out.push(form);
    }
    for (const f of flags) {
      const sl = sfxByFlag.get(f);
      if (!sl) continue;
      for (const a of sl) {
        const form = applySfx(a, w);
        if (!form) continue;
        if (okCont(a)) out.push(form);
        const ci = t.contId[a];
        if (ci >= 0) {
          for (const f2 of t.conts[ci]) {
            // twofold suffixes
            const sl2 = sfxByFlag.get(f2);
            if (sl2) {
              for (const a2 of sl2) {
                const form2 = applySfx(a2, form);
                if (form2 && okCont(a2)) out.push(form2);
              }
            }
            // prefixes enabled by the suffix (French elision: l'adresse)
            const pl2 = pfxByFlag.get(f2);
            if (pl2 && t.cross[a]) {
              for (const p of pl2) {
                if (!t.cross[p]) continue;
                const form2 = applyPfx(p, form);
                if (form2) out.push(form2);
              }
            }
          }
        }
        if (t.cross[a]) {
          for (const p of prefixes) {
            if (!t.cross[p]) continue;
            const form2 = applyPfx(p, form);
            if (form2) out.push(form2);
          }
        }
        if (out.length > limit) return out;
      }
    }
    return out;
  }
}

/** Keyboard neighbours (same row, adjacent keys) from KEY-style rows. */
/** The first-letter index of a dictionary's `size` listed entries (see FirstLetterIndex). */
export function firstLetterIndex(text: string, start: (e: number) => number, size: number): FirstLetterIndex {
  const lists = new Map<string, number[]>();
  // the list of each first character code, so that the letter is worked out once a code
  const byCode: Array<number[] | undefined> = new Array(65536);
  for (let e = 0; e < size; e++) {
    const at = start(e);
    const code = text.charCodeAt(at);
    let list = byCode[code];
    if (list === undefined) {
      const letter = baseLetter(text[at] ?? '');
      list = lists.get(letter);
      if (!list) lists.set(letter, (list = []));
      byCode[code] = list;
    }
    list.push(e);
  }
  const letters = [...lists.keys()];
  const starts = new Int32Array(letters.length + 1);
  const ids = new Int32Array(size);
  let at = 0;
  letters.forEach((letter, i) => {
    starts[i] = at;
    for (const e of lists.get(letter)!) ids[at++] = e;
  });
  starts[letters.length] = at;
  return { letters, starts, ids };
}

export function keyboardNeighbours(rows: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) {
    const chars = Array.from(row);
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i];
      const b = chars[i + 1];
      out.set(a, (out.get(a) ?? '') + b);
      out.set(b, (out.get(b) ?? '') + a);
    }
  }
  return out;
}

function subCost(x: string, y: string, neighbours: Map<string, string>): number {
  if (baseLetter(x) === baseLetter(y)) return 0.2;
  const nb = neighbours.get(x);
  if (nb && nb.indexOf(y) >= 0) return 0.8;
  if (VOWELS.has(x) && VOWELS.has(y)) return 0.85;
  return 1;
}

/**
 * Weighted Damerau–Levenshtein (optimal string alignment) between the (lower-case) input
 * and a candidate: see bench/spell/README.md for the weights. `original` is the input as
 * typed, for the capitalisation penalty.
 */
// The distance table, reused: ranking computes one per candidate.
let table = new Float64Array(1024);
const MAX_KEPT_CELLS = 1 << 16;
let insertCosts = new Float64Array(64);

export function editCost(input: string, cand: string, original: string, neighbours: Map<string, string>, inputChars?: string[]): number {
  const a = inputChars ?? Array.from(input);
  let spaceCost = 0;
  let cw = cand;
  if (cw.indexOf(' ') >= 0) {
    // a split costs about as much as one edit, more with one- or two-letter parts
    spaceCost = 1;
    for (const p of cw.split(' ')) {
      const pl = Array.from(p).length;
      spaceCost += pl === 1 ? 0.5 : pl === 2 ? 0.25 : 0;
    }
    cw = cw.replace(/ /g, '');
  }
  const caseDiff = cw[0] !== lowerCase(cw[0]) && original[0] === lowerCase(original[0]);
  const b = Array.from(lowerCase(cw));
  const n = a.length;
  const m = b.length;
  const w1 = m + 1;
  // Every cell is written before it is read (row 0, column 0, then in order): no clearing.
  // A table for freak lengths is not kept.
  const cells = (n + 1) * w1;
  if (table.length < cells && cells <= MAX_KEPT_CELLS) table = new Float64Array(Math.min(2 * cells, MAX_KEPT_CELLS));
  const d = table.length >= cells ? table : new Float64Array(cells);
  for (let i = 0; i <= n; i++) d[i * w1] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  // What inserting b[j-1] costs depends on j only. (Indexes are checked before reading a
  // neighbour: comparing a character with `undefined` past an end made V8 drop editCost's
  // optimised code twice a run.)
  if (insertCosts.length < m + 1) insertCosts = new Float64Array(2 * (m + 1));
  for (let j = 1; j <= m; j++) {
    const bj = b[j - 1];
    // insertion of b[j-1] (the input misses a character: the most frequent typo)
    insertCosts[j] = (j >= 2 && bj === b[j - 2]) || (j < m && bj === b[j]) ? 0.45 : bj === "'" || bj === '-' ? 0.6 : 0.75;
  }
  for (let i = 1; i <= n; i++) {
    const ai = a[i - 1];
    // deletion of a[i-1] (the input has an extra character)
    const deleteCost = (i >= 2 && ai === a[i - 2]) || (i < n && ai === a[i]) ? 0.45 : ai === "'" || ai === '-' ? 0.6 : 0.9;
    for (let j = 1; j <= m; j++) {
      const bj = b[j - 1];
      const del = d[(i - 1) * w1 + j] + deleteCost;
      const ins = d[i * w1 + j - 1] + insertCosts[j];
      let sub = d[(i - 1) * w1 + j - 1];
      if (ai !== bj) sub += subCost(ai, bj, neighbours);
      let best = del < ins ? del : ins;
      if (sub < best) best = sub;
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj && ai !== bj) {
        const tr = d[(i - 2) * w1 + j - 2] + 0.6;
        if (tr < best) best = tr;
      }
      d[i * w1 + j] = best;
    }
  }
  let cost = d[n * w1 + m] + spaceCost;
  if (n > 0 && m > 0 && baseLetter(a[0]) !== baseLetter(b[0]) && !(n > 1 && m > 1 && a[1] === b[0] && a[0] === b[1])) cost += 0.4;
  if (caseDiff) cost += 0.15;
  return cost;
}

function lowerCode(code: number): number {
  return code < 128 ? (code >= 65 && code <= 90 ? code + 32 : code) : String.fromCharCode(code).toLowerCase().charCodeAt(0);
}

// The n-gram search tests every character pair of thousands of dictionary stems against the
// input's pairs: a table for pairs of Latin-1 characters (every letter of en/it/fr/es/de but
// œ), reused and cleared after each search, and a set for the others.
const latinPairs = new Uint8Array(1 << 16);
let latinPairsSet: number[] = [];

/** `(a, b) => is a + b a pair of adjacent characters of input`, for one search. */
function inputBigrams(input: string): (a: number, b: number) => boolean {
  for (const key of latinPairsSet) latinPairs[key] = 0;
  latinPairsSet = [];
  const others = new Set<number>();
  for (let i = 0; i + 1 < input.length; i++) {
    const a = input.charCodeAt(i);
    const b = input.charCodeAt(i + 1);
    if (a < 256 && b < 256) {
      latinPairs[(a << 8) | b] = 1;
      latinPairsSet.push((a << 8) | b);
    } else others.add(a * 65536 + b);
  }
  if (others.size === 0) return (a, b) => a < 256 && b < 256 && latinPairs[(a << 8) | b] === 1;
  return (a, b) => (a < 256 && b < 256 ? latinPairs[(a << 8) | b] === 1 : others.has(a * 65536 + b));
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function ngramSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) if (ga.has(b.slice(i, i + 2))) shared++;
  return shared / Math.max(1, a.length + b.length - 2);
}

export { NONE };
