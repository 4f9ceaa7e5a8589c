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
    for (const [w, f] of tables.escaped) this.addEntry(w, this.parseFlagText(f));
  }

  private parseFlagText(f: string): number[] {
    if (!f) return [];
    if (this.aliases && /^\d+$/.test(f)) return this.aliases[parseInt(f, 10)] ?? [];
    return decodeFlags(f, this.mode);
  }

  /** First homonym of `word`, or NONE. */
  lookup(word: string): number {
    const wl = word.length;
    if (wl === 0) return NONE;
    const table = this.table;
    const mask = this.mask;
    const text = this.text;
    let h = hashString(word) & mask;
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
