/**
 * The word list of a Hunspell dictionary (`.dic`), kept in the text it was read from.
 *
 * Building a `Map` of ~100k strings costs 25–60 ms per language; instead every entry is a
 * (word range, flag range) pair into the original text, found through an open-addressing
 * hash table in an Int32Array. Loading is one pass over the text, no per-word strings.
 * Flags are tested directly on the text of the flag field.
 *
 * Words added at run time (project dictionary, hidden capitalised forms) live in a small
 * overflow store; their ids continue after the main entries.
 */
import { decodeFlags, type FlagMode, NO_FLAG } from './aff.js';

export const NONE = -1;

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const FNV_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The arrays built from a `.dic` text: what the compiled cache stores. */
export interface WordTables {
  size: number;
  wordStart: Int32Array;
  wordLen: Uint16Array;
  flagStart: Int32Array;
  flagEnd: Int32Array;
  nextHom: Int32Array;
  table: Int32Array;
  /** lines with escaped slashes, added as overflow entries: [word, flag text] */
  escaped: Array<[string, string]>;
  /** the suggester's first-letter index, when compiled with the tables (firstLetterIndex in suggest.ts) */
  firstLetters?: FirstLetterIndex;
  /** first characters of the entries that can be COMPOUNDRULE parts, when compiled with the tables */
  ruleFirstChars?: string[];
  /** the prefix filter of the listed entries, when compiled with the tables */
  prefixFilter?: PrefixFilter;
}

/** The prefix filter of the listed entries (see WordStore#pfxBits). */
export interface PrefixFilter {
  bits: Int32Array;
  shift: number;
}

export function prefixFilter(text: string, wordStart: Int32Array, wordLen: Uint16Array, size: number): PrefixFilter {
  // ~32 bits a word: 7% of the bits set, 512 KB for German (a larger table is slower
  // to build, as its writes miss the cache, and rejects little more)
  let log = 16;
  while (log < 24 && 1 << log < size * 32) log++;
  const bits = new Int32Array(1 << (log - 5));
  const shift = 32 - log;
  for (let e = 0; e < size; e++) {
    let h = FNV_SEED;
    for (let i = wordStart[e], end = i + wordLen[e]; i < end; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
      const b = h >>> shift;
      bits[b >>> 5] |= 1 << (b & 31);
    }
  }
  return { bits, shift };
}

/**
 * Entry ids grouped by the base letter of their first character (accents removed, lower
 * case), each group in entry order: group i is ids[starts[i]..starts[i + 1]).
 */
export interface FirstLetterIndex {
  letters: string[];
  starts: Int32Array;
  ids: Int32Array;
}

/** One pass over the `.dic` text: entry ranges and the hash table. */
export function buildWordTables(text: string): WordTables {
  const len = text.length;
  // first line: approximate number of words
  let pos = text.indexOf('\n');
  if (pos < 0) pos = len;
  const declared = parseInt(text.slice(0, pos), 10);
  pos++;
  // count lines for the capacity (the declared count is sometimes wrong)
  let lines = 1;
  for (let p = text.indexOf('\n', pos); p >= 0; p = text.indexOf('\n', p + 1)) lines++;
  const cap = Math.max(lines, Number.isFinite(declared) ? declared : 0) + 1;
  const wordStart = new Int32Array(cap);
  const wordLen = new Uint16Array(cap);
  const flagStart = new Int32Array(cap);
  const flagEnd = new Int32Array(cap);
  const nextHom = new Int32Array(cap).fill(NONE);
  let tsize = 1024;
  while (tsize < cap * 2) tsize <<= 1;
  const table = new Int32Array(tsize);
  const mask = tsize - 1;

  let n = 0;
  let nextSlash = -2;
  const escaped: Array<[string, string]> = [];
  while (pos < len) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = len;
    let lineEnd = eol;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    if (nextSlash !== -1 && nextSlash < pos + 1) nextSlash = text.indexOf('/', pos + 1);
    let wEnd: number;
    let fStart: number;
    let fEnd: number;
    if (nextSlash >= 0 && nextSlash < lineEnd) {
      if (text.charCodeAt(nextSlash - 1) === 92 /* \ */) {
        // escaped slash inside the word: rare, handled by the slow path
        escaped.push(splitEscaped(text.slice(pos, lineEnd)));
        pos = eol + 1;
        continue;
      }
      wEnd = nextSlash;
      fStart = nextSlash + 1;
      fEnd = fStart;
      while (fEnd < lineEnd) {
        const c = text.charCodeAt(fEnd);
        if (c === 9 || c === 32) break;
        fEnd++;
      }
    } else {
      // no flags: the word ends at a tab (morphological fields) or the end of the line
      wEnd = pos;
      while (wEnd < lineEnd && text.charCodeAt(wEnd) !== 9) wEnd++;
      while (wEnd > pos && text.charCodeAt(wEnd - 1) === 32) wEnd--;
      fStart = fEnd = wEnd;
    }
    const wl = wEnd - pos;
    if (wl > 0 && wl < 65536) {
      const e = n++;
      wordStart[e] = pos;
      wordLen[e] = wl;
      flagStart[e] = fStart;
      flagEnd[e] = fEnd;
      let h = hashRange(text, pos, wEnd) & mask;
      for (;;) {
        const v = table[h];
        if (v === 0) {
          table[h] = e + 1;
          break;
        }
        const o = v - 1;
        if (wordLen[o] === wl && sameRange(text, wordStart[o], pos, wl)) {
          // homonym: append to the chain
          let last = o;
          while (nextHom[last] !== NONE) last = nextHom[last];
          nextHom[last] = e;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    pos = eol + 1;
  }
  return { size: n, wordStart, wordLen, flagStart, flagEnd, nextHom, table, escaped };
}

export class WordStore {
  readonly text: string;
  /** number of entries read from the `.dic` text */
  readonly size: number;
  private readonly wordStart: Int32Array;
  private readonly wordLen: Uint16Array;
  private readonly flagStart: Int32Array;
  private readonly flagEnd: Int32Array;
  private readonly nextHom: Int32Array;
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly mode: FlagMode;
  private readonly aliases: number[][] | null;
  /** precompiled with the tables (the compiled cache), else undefined */
  readonly firstLetters: FirstLetterIndex | undefined;
  /** precompiled with the tables (the compiled cache), else undefined */
  readonly ruleFirstChars: string[] | undefined;

  // overflow entries (ids >= size)
  private readonly ovWords: string[] = [];
  private readonly ovFlags: number[][] = [];
  private readonly ovNext: number[] = [];
  private readonly ovHead = new Map<string, number>();

  constructor(text: string, tables: WordTables, mode: FlagMode, aliases: number[][] | null) {
    this.text = text;
    this.mode = mode;
    this.aliases = aliases;
    this.size = tables.size;
    this.wordStart = tables.wordStart;
    this.wordLen = tables.wordLen;
    this.flagStart = tables.flagStart;
    this.flagEnd = tables.flagEnd;
    // written to by addEntry: run-time words are linked to the homonym chains
    this.nextHom = tables.nextHom;
    this.table = tables.table;
    this.mask = tables.table.length - 1;
    this.firstLetters = tables.firstLetters;
    this.ruleFirstChars = tables.ruleFirstChars;
    // Compiled with the tables: every check uses it from the start (added words join it).
    if (tables.prefixFilter) {
      this.pfxBits = tables.prefixFilter.bits;
      this.pfxShift = tables.prefixFilter.shift;
    }
    for (const [w, f] of tables.escaped) this.addEntry(w, this.parseFlagText(f));
  }

  private parseFlagText(f: string): number[] {
    if (!f) return [];
    if (this.aliases && /^\d+$/.test(f)) return this.aliases[parseInt(f, 10)] ?? [];
    return decodeFlags(f, this.mode);
  }

  // ---------------------------------------------------------------- prefix filter

  /**
   * One bit per hash of every prefix of every word (like a Bloom filter with one hash
   * function): a clear bit proves that no word starts with that text. Suggestions look up
   * thousands of affix stems of misspelt candidates; the filter rejects almost all of them
   * after a few characters. It comes with the compiled cache (prefixFilter(), 0.1–0.5 MB);
   * without one it is built once a run has checked many suggestion candidates
   * (usePrefixFilter; a run with a few typos would not earn back its ~10 ms). Spell checks
   * use it once it is there.
   */
  private pfxBits: Int32Array | null = null;
  private pfxShift = 0;

  private buildPrefixFilter(): void {
    const { bits, shift } = prefixFilter(this.text, this.wordStart, this.wordLen, this.size);
    this.pfxBits = bits;
    this.pfxShift = shift;
    for (const w of this.ovWords) this.addPrefixes(w);
  }

  private addPrefixes(w: string): void {
    const bits = this.pfxBits;
    if (bits === null) return;
    const shift = this.pfxShift;
    let h = FNV_SEED;
    for (let i = 0; i < w.length; i++) {
      h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
      const b = h >>> shift;
      bits[b >>> 5] |= 1 << (b & 31);
    }
  }

  /** Build the prefix filter if it is not built yet (the suggester asks for it). */
  usePrefixFilter(): void {
    if (this.pfxBits === null) this.buildPrefixFilter();
  }

  /**
   * How many leading characters of `s` may begin a word: no word starts with
   * `s.slice(0, n + 1)` for the returned n (n = s.length when all prefixes pass, or when
   * the filter is not built). Fills `ph[j]` with the hash state after j characters
   * (j <= n), for lookupWithTail.
   */
  prefixReach(s: string, ph: Int32Array): number {
    const bits = this.pfxBits;
    const shift = this.pfxShift;
    let h = FNV_SEED;
    ph[0] = h;
    for (let j = 0; j < s.length; j++) {
      h = Math.imul(h ^ s.charCodeAt(j), FNV_PRIME);
      if (bits !== null) {
        const b = h >>> shift;
        if ((bits[b >>> 5] & (1 << (b & 31))) === 0) return j;
      }
      ph[j + 1] = h;
    }
    return s.length;
  }

  /**
   * lookup(s.slice(0, n) + tail) without building the string: `h` is the hash state after
   * those n characters (from prefixReach, which also proved them a possible word start).
   */
  lookupWithTail(h: number, s: string, n: number, tail: string): number {
    const bits = this.pfxBits;
    const shift = this.pfxShift;
    for (let i = 0; i < tail.length; i++) {
      h = Math.imul(h ^ tail.charCodeAt(i), FNV_PRIME);
      if (bits !== null) {
        const b = h >>> shift;
        if ((bits[b >>> 5] & (1 << (b & 31))) === 0) return NONE;
      }
    }
    const wl = n + tail.length;
    if (wl === 0) return NONE;
    const table = this.table;
    const mask = this.mask;
    const text = this.text;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = table[slot];
      if (v === 0) break;
      const o = v - 1;
      if (this.wordLen[o] === wl && sameJoined(text, this.wordStart[o], s, n, tail)) return o;
    }
    if (this.ovHead.size !== 0) {
      const ov = this.ovHead.get(s.slice(0, n) + tail);
      if (ov !== undefined) return ov;
    }
    return NONE;
  }

  /** hash state after the text reachJoined() passed in full */
  private joinedHash = 0;

  /** prefixReach() of `a + s.slice(from)`, without building the string */
  reachJoined(a: string, s: string, from: number): number {
    const bits = this.pfxBits;
    const shift = this.pfxShift;
    let h = FNV_SEED;
    for (let i = 0; i < a.length; i++) {
      h = Math.imul(h ^ a.charCodeAt(i), FNV_PRIME);
      if (bits !== null) {
        const b = h >>> shift;
        if ((bits[b >>> 5] & (1 << (b & 31))) === 0) return i;
      }
    }
    for (let i = from; i < s.length; i++) {
      h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
      if (bits !== null) {
        const b = h >>> shift;
        if ((bits[b >>> 5] & (1 << (b & 31))) === 0) return a.length + i - from;
      }
    }
    this.joinedHash = h;
    return a.length + s.length - from;
  }

  /** lookup(a + s.slice(from)) right after reachJoined() passed all of it */
  lookupJoined(a: string, s: string, from: number): number {
    const wl = a.length + s.length - from;
    if (wl === 0) return NONE;
    const table = this.table;
    const mask = this.mask;
    const text = this.text;
    for (let slot = this.joinedHash & mask; ; slot = (slot + 1) & mask) {
      const v = table[slot];
      if (v === 0) break;
      const o = v - 1;
      if (this.wordLen[o] === wl && startsJoined(text, this.wordStart[o], a, s, from)) return o;
    }
    if (this.ovHead.size !== 0) {
      const ov = this.ovHead.get(a + s.slice(from));
      if (ov !== undefined) return ov;
    }
    return NONE;
  }

  /** First homonym of `word`, or NONE. */
  lookup(word: string): number {
    const wl = word.length;
    if (wl === 0) return NONE;
    const table = this.table;
    const mask = this.mask;
    const text = this.text;
    let h: number;
    const bits = this.pfxBits;
    if (bits !== null) {
      // with the prefix filter: most misses end after a few characters
      const shift = this.pfxShift;
      h = FNV_SEED;
      for (let i = 0; i < wl; i++) {
        h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
        const b = h >>> shift;
        if ((bits[b >>> 5] & (1 << (b & 31))) === 0) return NONE;
      }
      h &= mask;
    } else h = hashString(word) & mask;
    for (;;) {
      const v = table[h];
      if (v === 0) break;
      const o = v - 1;
      if (this.wordLen[o] === wl && text.startsWith(word, this.wordStart[o])) return o;
      h = (h + 1) & mask;
    }
    if (this.ovHead.size !== 0) {
      const ov = this.ovHead.get(word);
      if (ov !== undefined) return ov;
    }
    return NONE;
  }

  next(e: number): number {
    return e < this.size ? this.nextHom[e] : this.ovNext[e - this.size];
  }

  /** length of an entry's word */
  length(e: number): number {
    return e < this.size ? this.wordLen[e] : this.ovWords[e - this.size].length;
  }

  /** offset of an entry's word in `text` (main entries only) */
  start(e: number): number {
    return e < this.size ? this.wordStart[e] : -1;
  }

  word(e: number): string {
    return e < this.size ? this.text.substr(this.wordStart[e], this.wordLen[e]) : this.ovWords[e - this.size];
  }

  /** true when the entry has any flag */
  hasFlags(e: number): boolean {
    return e < this.size ? this.flagEnd[e] > this.flagStart[e] : this.ovFlags[e - this.size].length > 0;
  }

  hasFlag(e: number, flag: number): boolean {
    if (flag === NO_FLAG) return false;
    if (e >= this.size) return this.ovFlags[e - this.size].includes(flag);
    const text = this.text;
    let i = this.flagStart[e];
    const end = this.flagEnd[e];
    if (this.aliases) return this.flags(e).includes(flag);
    switch (this.mode) {
      case 'char':
        for (; i < end; i++) if (text.charCodeAt(i) === flag) return true;
        return false;
      case 'utf8':
        while (i < end) {
          const cp = text.codePointAt(i)!;
          if (cp === flag) return true;
          i += cp > 0xffff ? 2 : 1;
        }
        return false;
      case 'long':
        for (; i + 1 < end; i += 2) if (((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) === flag) return true;
        return false;
      default:
        return this.flags(e).includes(flag);
    }
  }

  /** All flags of an entry (slow path; used for suggestions and hidden forms). */
  flags(e: number): number[] {
    if (e >= this.size) return this.ovFlags[e - this.size];
    return this.parseFlagText(this.text.slice(this.flagStart[e], this.flagEnd[e]));
  }

  /** Add an entry (run-time word or hidden form); returns its id. */
  addEntry(word: string, flags: number[]): number {
    const id = this.size + this.ovWords.length;
    this.ovWords.push(word);
    this.ovFlags.push(flags);
    this.ovNext.push(NONE);
    this.addPrefixes(word);
    // find the main chain first
    let head = NONE;
    {
      const wl = word.length;
      let h = hashString(word) & this.mask;
      for (;;) {
        const v = this.table[h];
        if (v === 0) break;
        const o = v - 1;
        if (this.wordLen[o] === wl && this.text.startsWith(word, this.wordStart[o])) {
          head = o;
          break;
        }
        h = (h + 1) & this.mask;
      }
    }
    const ovFirst = this.ovHead.get(word);
    if (head === NONE && ovFirst === undefined) {
      this.ovHead.set(word, id);
      return id;
    }
    let last = head !== NONE ? head : ovFirst!;
    for (;;) {
      const nx = this.next(last);
      if (nx === NONE) break;
      last = nx;
    }
    if (last < this.size) this.nextHom[last] = id;
    else this.ovNext[last - this.size] = id;
    return id;
  }

  /** Iterate over the ids of all entries. */
  get count(): number {
    return this.size + this.ovWords.length;
  }
}

function sameRange(text: string, a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/** text[at..] starts with s.slice(0, n) + tail */
function sameJoined(text: string, at: number, s: string, n: number, tail: string): boolean {
  for (let i = 0; i < n; i++) if (text.charCodeAt(at + i) !== s.charCodeAt(i)) return false;
  return text.startsWith(tail, at + n);
}

/** text[at..] starts with a + s.slice(from) */
function startsJoined(text: string, at: number, a: string, s: string, from: number): boolean {
  if (!text.startsWith(a, at)) return false;
  at += a.length - from;
  for (let i = from; i < s.length; i++) if (text.charCodeAt(at + i) !== s.charCodeAt(i)) return false;
  return true;
}

function splitEscaped(line: string): [string, string] {
  let word = '';
  let i = 0;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && line[i + 1] === '/') {
      word += '/';
      i++;
    } else if (c === '/' && i > 0) break;
    else word += c;
  }
  let flags = line.slice(i + 1);
  const ws = flags.search(/\s/);
  if (ws >= 0) flags = flags.slice(0, ws);
  return [word, i < line.length ? flags : ''];
}
