/**
 * Affix rules in flat typed arrays, with hash indexes by appended text.
 *
 * French and Spanish have 5,000–7,000 affix entries; as JavaScript objects (entries, groups,
 * a Map of appends) they cost 10–25 ms to deserialise from the compiled cache. As typed
 * arrays they deserialise as memory copies. The index is an open-addressing hash table
 * whose key hash is computed incrementally while walking the word from its end (suffixes)
 * or its start (prefixes), so a lookup slices no strings.
 */
import type { AffData, AffixEntry, CondElem } from './aff.js';

export const BIT_PERMIT = 1;
export const BIT_ONLYINCOMPOUND = 2;
export const BIT_NEEDAFFIX = 4;
export const BIT_CIRCUMFIX = 8;

/** Every affix entry of a dictionary (suffixes first, then prefixes), by entry id. */
export interface AffixTables {
  count: number;
  /** first prefix id (ids below are suffixes) */
  firstPrefix: number;
  flag: Int32Array;
  cross: Uint8Array;
  bits: Uint8Array;
  /** index into `conts`, -1 for none */
  contId: Int32Array;
  /** index into `conds`, -1 for none */
  condId: Int32Array;
  condLen: Uint8Array;
  stripId: Int32Array;
  appendId: Int32Array;
  strs: string[];
  conts: number[][];
  conds: CondElem[][];
}

/** Entries of one kind (or a subset) sorted by (append, strip), indexed by append. */
export interface AffixIndex {
  /** entry ids, sorted by append then strip */
  ids: Int32Array;
  /** per distinct append: its text and its range in `ids` */
  keys: string[];
  start: Int32Array;
  /** hash table of key indexes + 1 (0 = empty) */
  table: Int32Array;
  /** lens[k] = 1 when some append has k characters */
  lens: Uint8Array;
  maxLen: number;
  /** key index of the empty append, -1 when none */
  empty: number;
  /** suffix index (hash from the end) or prefix index (hash from the start) */
  fromEnd: boolean;
}

const SEED = 0x811c9dc5;
const PRIME = 0x01000193;

export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, PRIME);
}

function keyHash(key: string, fromEnd: boolean): number {
  let h = SEED;
  if (fromEnd) for (let i = key.length - 1; i >= 0; i--) h = hashStep(h, key.charCodeAt(i));
  else for (let i = 0; i < key.length; i++) h = hashStep(h, key.charCodeAt(i));
  return h;
}

function contBits(e: AffixEntry, aff: AffData): number {
  const has = (f: number) => f !== 0 && e.cont !== null && e.cont.includes(f);
  let b = 0;
  if (has(aff.compoundPermitFlag)) b |= BIT_PERMIT;
  if (has(aff.onlyInCompound)) b |= BIT_ONLYINCOMPOUND;
  if (has(aff.needAffix)) b |= BIT_NEEDAFFIX;
  if (has(aff.circumfix)) b |= BIT_CIRCUMFIX;
  return b;
}

export function buildTables(aff: AffData): AffixTables {
  const all = [...aff.suffixes, ...aff.prefixes];
  const n = all.length;
  const strIds = new Map<string, number>();
  const strs: string[] = [];
  const str = (s: string) => {
    let i = strIds.get(s);
    if (i === undefined) {
      i = strs.length;
      strs.push(s);
      strIds.set(s, i);
    }
    return i;
  };
  const contIds = new Map<number[], number>();
  const conts: number[][] = [];
  const condIds = new Map<CondElem[], number>();
  const conds: CondElem[][] = [];
  const t: AffixTables = {
    count: n,
    firstPrefix: aff.suffixes.length,
    flag: new Int32Array(n),
    cross: new Uint8Array(n),
    bits: new Uint8Array(n),
    contId: new Int32Array(n),
    condId: new Int32Array(n),
    condLen: new Uint8Array(n),
    stripId: new Int32Array(n),
    appendId: new Int32Array(n),
    strs,
    conts,
    conds,
  };
  all.forEach((e, i) => {
    t.flag[i] = e.flag;
    t.cross[i] = e.cross ? 1 : 0;
    t.bits[i] = contBits(e, aff);
    if (e.cont) {
      let c = contIds.get(e.cont);
      if (c === undefined) {
        c = conts.length;
        conts.push(e.cont);
        contIds.set(e.cont, c);
      }
      t.contId[i] = c;
    } else t.contId[i] = -1;
    if (e.cond) {
      let c = condIds.get(e.cond);
      if (c === undefined) {
        c = conds.length;
        conds.push(e.cond);
        condIds.set(e.cond, c);
      }
      t.condId[i] = c;
    } else t.condId[i] = -1;
    t.condLen[i] = Math.min(255, e.condLen);
    t.stripId[i] = str(e.strip);
    t.appendId[i] = str(e.append);
  });
  return t;
}

/** Build an index over some entry ids (all of one kind: suffixes or prefixes). */
export function buildIndex(t: AffixTables, ids: number[], fromEnd: boolean): AffixIndex {
  const sorted = [...ids].sort((a, b) => {
    const aa = t.strs[t.appendId[a]];
    const ab = t.strs[t.appendId[b]];
    if (aa !== ab) return aa < ab ? -1 : 1;
    const sa = t.strs[t.stripId[a]];
    const sb = t.strs[t.stripId[b]];
    if (sa !== sb) return sa < sb ? -1 : 1;
    return a - b; // keep the file order inside a group
  });
  const keys: string[] = [];
  const starts: number[] = [];
  let maxLen = 0;
  for (let i = 0; i < sorted.length; i++) {
    const a = t.strs[t.appendId[sorted[i]]];
    if (i === 0 || a !== keys[keys.length - 1]) {
      keys.push(a);
      starts.push(i);
      if (a.length > maxLen) maxLen = a.length;
    }
  }
  starts.push(sorted.length);
  let size = 16;
  while (size < keys.length * 2) size <<= 1;
  const table = new Int32Array(size);
  const lens = new Uint8Array(maxLen + 1);
  let empty = -1;
  keys.forEach((k, i) => {
    lens[k.length] = 1;
    if (k === '') empty = i;
    let h = keyHash(k, fromEnd) & (size - 1);
    while (table[h] !== 0) h = (h + 1) & (size - 1);
    table[h] = i + 1;
  });
  return { ids: Int32Array.from(sorted), keys, start: Int32Array.from(starts), table, lens, maxLen, empty, fromEnd };
}

/**
 * Key index of the append of length k at the end (suffix index) or start (prefix index) of
 * `word`, given the incremental hash `h` of those k characters; -1 when no affix appends them.
 */
export function findKey(idx: AffixIndex, word: string, k: number, h: number): number {
  const table = idx.table;
  const mask = table.length - 1;
  const keys = idx.keys;
  const at = idx.fromEnd ? word.length - k : 0;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const v = table[s];
    if (v === 0) return -1;
    const key = keys[v - 1];
    if (key.length === k && word.startsWith(key, at)) return v - 1;
  }
}

export function emptyIndex(fromEnd: boolean): AffixIndex {
  return {
    ids: new Int32Array(0),
    keys: [],
    start: new Int32Array(1),
    table: new Int32Array(16),
    lens: new Uint8Array(1),
    maxLen: -1,
    empty: -1,
    fromEnd,
  };
}
