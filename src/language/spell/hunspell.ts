/**
 * A Hunspell-compatible spell checker (checking only; suggestions live in suggest.ts).
 *
 * This is a port of the word-checking path of Hunspell 1.7 (hunspell.cxx `spell`,
 * `checkword`; affixmgr.cxx `affix_check`, `prefix_check`, `suffix_check`, twofold
 * suffixes, `compound_check`; affentry.cxx `checkword`), reduced to the options the
 * dictionaries shipped with msglint use. It checks a word the way Hunspell does: look it up,
 * else strip affixes and look up the stem with the affix flag, else try compounds; with
 * Hunspell's capitalisation rules and BREAK points.
 *
 * Not supported (not used by the en/en-GB/it/fr/es/de dictionaries): COMPLEXPREFIXES,
 * CHECKCOMPOUNDPATTERN/DUP/REP/CASE/TRIPLE, SIMPLIFIEDTRIPLE, COMPOUNDSYLLABLE,
 * COMPOUNDROOT, FORCEUCASE, COMPOUNDMORESUFFIXES, Hungarian special rules, IGNORE.
 */
import { type AffData, NO_FLAG, ONLYUPCASE_FLAG, parseAff } from './aff.js';

import {
  type AffixIndex,
  type AffixTables,
  BIT_CIRCUMFIX,
  BIT_NEEDAFFIX,
  BIT_ONLYINCOMPOUND,
  BIT_PERMIT,
  buildIndex,
  buildTables,
  emptyIndex,
  findKey,
  hashStep,
} from './affix-index.js';
import { buildWordTables, NONE, WordStore } from './dic.js';

/** Suggestion candidates checked before the dictionary's prefix filter is built (~50 words). */
const PREFIX_FILTER_AFTER_CHECKS = 25_000;

const IN_CPD_NOT = 0;
const IN_CPD_BEGIN = 1;
const IN_CPD_END = 2;
const XPRODUCT = 1;
const MAXWORDLEN = 100;
const MAXSHARPS = 5;
/** compound part result: reject the whole word */
const ABORT = -3;
/** not computed (first-part results of the last word) */
const UNKNOWN = -4;

export const enum Cap {
  No = 0,
  Init = 1,
  All = 2,
  HuhInit = 3,
  Huh = 4,
}

interface Info {
  forbidden: boolean;
  initcap: boolean;
}

const NO_CANDIDATES: number[] = [];
const HASH_SEED = 0x811c9dc5;

/** true when the affix entry's continuation class holds `flag` */
export function contHas(t: AffixTables, id: number, flag: number): boolean {
  if (flag === NO_FLAG || id < 0) return false;
  const c = t.contId[id];
  return c >= 0 && t.conts[c].includes(flag);
}

/** the suffix condition, tested on the end of the stem */
export function sfxCond(t: AffixTables, id: number, w: string): boolean {
  const ci = t.condId[id];
  if (ci < 0) return true;
  const c = t.conds[ci];
  const n = c.length;
  const off = w.length - n;
  if (off < 0) return false;
  for (let i = 0; i < n; i++) {
    const el = c[i];
    if (el.chars !== null && el.chars.includes(w[off + i]) === el.negated) return false;
  }
  return true;
}

/** the prefix condition, tested on the start of the stem */
export function pfxCond(t: AffixTables, id: number, w: string): boolean {
  const ci = t.condId[id];
  if (ci < 0) return true;
  const c = t.conds[ci];
  const n = c.length;
  if (w.length < n) return false;
  for (let i = 0; i < n; i++) {
    const el = c[i];
    if (el.chars !== null && el.chars.includes(w[i]) === el.negated) return false;
  }
  return true;
}

/** Hunspell's capitalisation type of a word. */
export function capType(w: string): Cap {
  let ncap = 0;
  let nneutral = 0;
  let nchars = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    nchars++;
    if (c < 128) {
      if (c >= 65 && c <= 90) ncap++;
      else if (!(c >= 97 && c <= 122)) nneutral++;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      // astral character: count as neutral
      i++;
      nneutral++;
    } else {
      const ch = w[i];
      const lo = ch.toLowerCase();
      if (lo !== ch) ncap++;
      else {
        const up = ch.toUpperCase();
        if (up === lo || up.length !== 1) nneutral++;
      }
    }
  }
  if (ncap === 0) return Cap.No;
  const f = w[0];
  const firstcap = f.toLowerCase() !== f;
  if (ncap === 1 && firstcap) return Cap.Init;
  if (ncap === nchars || ncap + nneutral === nchars) return Cap.All;
  if (ncap > 1 && firstcap) return Cap.HuhInit;
  return Cap.Huh;
}

export function initCap(w: string): string {
  if (!w) return w;
  const cp = w.codePointAt(0)!;
  const ch = String.fromCodePoint(cp);
  const up = ch.toUpperCase();
  if (up.length !== ch.length) return w;
  return up + w.slice(ch.length);
}

export function lowerCase(w: string): string {
  return w.toLowerCase();
}

/** true for numbers like 12, 3.5, 1,000 or 2-3 (Hunspell accepts them as words) */
function isNumber(w: string): boolean {
  let state = 0; // 0 begin, 1 number, 2 separator
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) state = 1;
    else if (c === 44 || c === 46 || c === 45) {
      if (state === 2 || i === 0) return false;
      state = 2;
    } else return false;
  }
  return state === 1;
}

/**
 * The `.aff` data with its affix tables and indexes: everything the checker derives from
 * the `.aff` file. The compiled cache stores this object as it is; the affix rules are in
 * typed arrays (see affix-index.ts), so a warm start deserialises them as memory copies.
 */
export interface PreparedAff {
  /** the `.aff` settings; `suffixes`/`prefixes` are emptied (the tables hold them) */
  aff: AffData;
  tables: AffixTables;
  /** suffixes by appended text */
  sfxIndex: AffixIndex;
  /** prefixes by appended text */
  pfxIndex: AffixIndex;
  /** suffixes whose continuation class holds a suffix flag (inner suffixes of twofold suffixes) */
  sfxByCont: Map<number, AffixIndex>;
  /** outer suffixes of twofold suffixes */
  sfxOuter: AffixIndex;
}

export function prepareAff(parsed: AffData): PreparedAff {
  const tables = buildTables(parsed);
  const nSfx = parsed.suffixes.length;
  const sfxIds: number[] = [];
  const pfxIds: number[] = [];
  for (let i = 0; i < tables.count; i++) (i < nSfx ? sfxIds : pfxIds).push(i);
  // only suffix flags can be the outer suffix of a twofold suffix (French continuation
  // classes are mostly prefix flags: l', d', qu' after a suffix)
  const sfxFlags = new Set(sfxIds.map((i) => tables.flag[i]));
  const byCont = new Map<number, number[]>();
  for (const i of sfxIds) {
    const c = tables.contId[i];
    if (c < 0) continue;
    for (const f of tables.conts[c]) {
      if (!sfxFlags.has(f)) continue;
      let l = byCont.get(f);
      if (!l) byCont.set(f, (l = []));
      l.push(i);
    }
  }
  const sfxByCont = new Map<number, AffixIndex>();
  for (const [f, l] of byCont) sfxByCont.set(f, buildIndex(tables, l, true));
  const outer = sfxIds.filter((i) => byCont.has(tables.flag[i]));
  const aff: AffData = { ...parsed, suffixes: [], prefixes: [] };
  return {
    aff,
    tables,
    sfxIndex: buildIndex(tables, sfxIds, true),
    pfxIndex: buildIndex(tables, pfxIds, false),
    sfxByCont,
    sfxOuter: outer.length ? buildIndex(tables, outer, true) : emptyIndex(true),
  };
}

export class HunspellChecker {
  readonly aff: AffData;
  readonly dic: WordStore;
  readonly prepared: PreparedAff;
  private readonly sfxIndex: AffixIndex;
  private readonly pfxIndex: AffixIndex;
  private readonly sfxByCont: Map<number, AffixIndex>;
  private readonly sfxOuter: AffixIndex;
  /** the affix entries (suffixes, then prefixes) */
  readonly t: AffixTables;
  private readonly haveContClass: boolean;
  private readonly hasCompound: boolean;
  private readonly iconvFirst: Set<string>;
  private readonly iconvByFirst = new Map<string, Array<[string, string]>>();
  /** affix found by the last prefix_check / suffix_check (used by compound_check) */
  private pfx = -1;
  private sfx = -1;
  private hiddenBuilt = false;
  private ruleFirstChars: Set<string> | null = null;
  /** when set, compounds of NOSUGGEST words are refused (suggestion mode) */
  private suggestMode = false;
  /** suggestions first try candidates without compounding (see Suggester.suggest) */
  private skipCompounds = false;
  /** does this dictionary form compounds at all? */
  get compounds(): boolean {
    return this.hasCompound || this.aff.compoundRules.length > 0;
  }
  /** the last checkForSuggest() accepted the word as a compound only */
  lastCompound = false;
  /** the last checkForSuggest(word, false) refused the word only because it skipped compounds */
  lastDeferred = false;

  /** Parse `.aff` and `.dic` texts. */
  static fromText(affText: string, dicText: string): HunspellChecker {
    const prepared = prepareAff(parseAff(affText));
    const aff = prepared.aff;
    return new HunspellChecker(prepared, new WordStore(dicText, buildWordTables(dicText), aff.flagMode, aff.flagAliases));
  }

  constructor(prepared: PreparedAff, dic: WordStore) {
    const aff = prepared.aff;
    this.prepared = prepared;
    this.aff = aff;
    this.dic = dic;
    this.sfxIndex = prepared.sfxIndex;
    this.pfxIndex = prepared.pfxIndex;
    this.sfxByCont = prepared.sfxByCont;
    this.sfxOuter = prepared.sfxOuter;
    this.t = prepared.tables;
    this.haveContClass = this.aff.contClasses.size > 0;
    this.hasCompound = this.aff.compoundFlag !== NO_FLAG || this.aff.compoundBegin !== NO_FLAG;
    this.iconvFirst = new Set();
    for (const [from, to] of this.aff.iconv) {
      if (from === to) continue;
      const f = from[0];
      this.iconvFirst.add(f);
      let list = this.iconvByFirst.get(f);
      if (!list) this.iconvByFirst.set(f, (list = []));
      list.push([from, to]);
    }
    for (const list of this.iconvByFirst.values()) list.sort((a, b) => b[0].length - a[0].length);
  }

  /** Input conversion (ICONV), curly apostrophes to straight ones, NFC. */
  normalize(word: string): string {
    let w = word;
    if (w.indexOf('\u2019') >= 0) w = w.replace(/\u2019/g, "'");
    if (this.iconvFirst.size) {
      let hit = false;
      for (let i = 0; i < w.length; i++) {
        if (this.iconvFirst.has(w[i])) {
          hit = true;
          break;
        }
      }
      if (hit) {
        let out = '';
        for (let i = 0; i < w.length; ) {
          const list = this.iconvByFirst.get(w[i]);
          let done = false;
          if (list) {
            for (const [from, to] of list) {
              if (w.startsWith(from, i)) {
                out += to;
                i += from.length;
                done = true;
                break;
              }
            }
          }
          if (!done) out += w[i++];
        }
        w = out;
      }
    }
    // decomposed accents (e.g. from macOS) to composed form
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c >= 0x300 && c <= 0x36f) return w.normalize('NFC');
    }
    return w;
  }

  /** Spell check one (normalised) word with Hunspell's rules. */
  spell(word: string): boolean {
    let s = word;
    // cleanword: leading blanks and trailing periods
    let b = 0;
    while (b < s.length && (s.charCodeAt(b) === 32 || s.charCodeAt(b) === 9)) b++;
    let e = s.length;
    while (e > b && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 9)) e--;
    let abbv = 0;
    while (e > b && s.charCodeAt(e - 1) === 46) {
      e--;
      abbv++;
    }
    if (b > 0 || e < s.length) s = s.slice(b, e);
    if (s.length === 0) return true;
    if (s.length >= MAXWORDLEN) return false;
    if (isNumber(s)) return true;
    const ct = capType(s);
    const info: Info = { forbidden: false, initcap: false };
    let r = this.spellCase(s, abbv, ct, info);
    if (r.rv >= 0) return true;
    if (ct === Cap.All && !this.hiddenBuilt && !info.forbidden) {
      this.buildHidden();
      info.forbidden = false;
      r = this.spellCase(s, abbv, ct, info);
      if (r.rv >= 0) return true;
    }
    if (info.forbidden) return false;
    return this.spellBreak(r.scw);
  }

  private spellCase(scw: string, abbv: number, ct: Cap, info: Info): { rv: number; scw: string } {
    let rv = NONE;
    if (ct === Cap.No || ct === Cap.Huh || ct === Cap.HuhInit) {
      rv = this.checkword(scw, info);
      if (abbv && rv < 0) rv = this.checkword(scw + '.', info);
      return { rv, scw };
    }
    if (ct === Cap.All) {
      rv = this.checkword(scw, info);
      if (rv >= 0) return { rv, scw };
      if (abbv) {
        rv = this.checkword(scw + '.', info);
        if (rv >= 0) return { rv, scw };
      }
      // Catalan, French, Italian: SANT'ELIA -> Sant'+Elia
      if (scw.indexOf("'") >= 0) {
        scw = lowerCase(scw);
        const apos = scw.indexOf("'");
        if (apos >= 0 && apos < scw.length - 1) {
          let part1 = scw.slice(0, apos + 1);
          const part2 = initCap(scw.slice(apos + 1));
          scw = part1 + part2;
          rv = this.checkword(scw, info);
          if (rv >= 0) return { rv, scw };
          part1 = initCap(part1);
          scw = part1 + part2;
          rv = this.checkword(scw, info);
          if (rv >= 0) return { rv, scw };
        }
      }
      if (this.aff.checkSharps && scw.indexOf('SS') >= 0) {
        scw = lowerCase(scw);
        rv = this.spellSharps(scw, 0, 0, 0, info);
        if (rv < 0) {
          scw = initCap(scw);
          rv = this.spellSharps(scw, 0, 0, 0, info);
        }
        if (rv >= 0) return { rv, scw };
      }
      scw = initCap(lowerCase(scw));
    }
    // INITCAP (and ALLCAP falling through)
    if (ct === Cap.Init) info.initcap = true;
    rv = this.checkword(scw, info);
    if (ct === Cap.Init) info.initcap = false;
    if (info.forbidden) return { rv: NONE, scw };
    if (rv >= 0 && ct === Cap.All && this.dic.hasFlag(rv, this.aff.keepCase)) rv = NONE;
    if (rv >= 0) return { rv, scw };
    const low = lowerCase(scw);
    rv = this.checkword(low, info);
    if (abbv && rv < 0) {
      rv = this.checkword(low + '.', info);
      if (rv < 0) {
        if (ct === Cap.Init) info.initcap = true;
        rv = this.checkword(scw + '.', info);
        if (ct === Cap.Init) info.initcap = false;
        if (rv >= 0 && ct === Cap.All && this.dic.hasFlag(rv, this.aff.keepCase)) rv = NONE;
        return { rv, scw };
      }
    }
    if (
      rv >= 0 &&
      this.dic.hasFlag(rv, this.aff.keepCase) &&
      (ct === Cap.All || !(this.aff.checkSharps && low.indexOf('ß') >= 0))
    )
      rv = NONE;
    return { rv, scw };
  }

  private spellSharps(base: string, nPos: number, n: number, repnum: number, info: Info): number {
    const pos = base.indexOf('ss', nPos);
    if (pos >= 0 && n < MAXSHARPS) {
      const b2 = base.slice(0, pos) + 'ß' + base.slice(pos + 2);
      let h = this.spellSharps(b2, pos + 1, n + 1, repnum + 1, info);
      if (h >= 0) return h;
      h = this.spellSharps(base, pos + 2, n + 1, repnum, info);
      if (h >= 0) return h;
    } else if (repnum > 0) {
      return this.checkword(base, info);
    }
    return NONE;
  }

  private spellBreak(scw: string): boolean {
    const breaks = this.aff.breaks;
    if (breaks.length === 0) return false;
    const wl = scw.length;
    let nbr = 0;
    for (const b of breaks) {
      for (let p = scw.indexOf(b); p >= 0; p = scw.indexOf(b, p + b.length)) nbr++;
    }
    if (nbr >= 10) return false;
    for (const b of breaks) {
      const plen = b.length;
      if (plen === 1 || plen > wl) continue;
      if (b[0] === '^' && scw.startsWith(b.slice(1)) && this.spell(scw.slice(plen - 1))) return true;
      if (b[plen - 1] === '$' && scw.endsWith(b.slice(0, -1)) && this.spell(scw.slice(0, wl - plen + 1))) return true;
    }
    for (const b of breaks) {
      const plen = b.length;
      let found = scw.indexOf(b);
      if (found > 0 && found < wl - plen) {
        const found2 = scw.indexOf(b, found + 1);
        if (found2 > 0 && found2 < wl - plen) found = found2;
        if (!this.spell(scw.slice(found + plen))) continue;
        if (this.spell(scw.slice(0, found))) return true;
      }
    }
    for (const b of breaks) {
      const plen = b.length;
      const found = scw.indexOf(b);
      if (found > 0 && found < wl - plen) {
        if (!this.spell(scw.slice(found + plen))) continue;
        if (this.spell(scw.slice(0, found))) return true;
      }
    }
    return false;
  }

  /**
   * Hunspell's checkword: the entry (root) that makes `word` valid, or NONE.
   * Exposed for the suggester.
   */
  checkword(word: string, info: Info): number {
    const dic = this.dic;
    const aff = this.aff;
    let he = dic.lookup(word);
    if (he >= 0 && dic.hasFlag(he, aff.forbiddenWord)) {
      info.forbidden = true;
      return NONE;
    }
    while (
      he >= 0 &&
      (dic.hasFlag(he, aff.needAffix) ||
        dic.hasFlag(he, aff.onlyInCompound) ||
        (info.initcap && dic.hasFlag(he, ONLYUPCASE_FLAG)))
    )
      he = dic.next(he);
    if (he >= 0) return he;
    he = this.affixCheck(word, NO_FLAG, IN_CPD_NOT);
    if (he >= 0 && (dic.hasFlag(he, aff.onlyInCompound) || (info.initcap && dic.hasFlag(he, ONLYUPCASE_FLAG)))) he = NONE;
    if (he >= 0) {
      if (dic.hasFlag(he, aff.forbiddenWord)) {
        info.forbidden = true;
        return NONE;
      }
      return he;
    }
    if (this.skipCompounds) {
      this.lastDeferred = this.compounds;
      return NONE;
    }
    return this.compoundStage(word);
  }

  /** the end of checkword: the word as a compound */
  private compoundStage(word: string): number {
    let he = NONE;
    if (this.hasCompound) {
      he = this.compoundCheck(word, 0, 100);
      if (he >= 0) {
        this.lastCompound = true;
        return he;
      }
    }
    if (this.aff.compoundRules.length) he = this.compoundRuleCheck(word);
    if (he >= 0) this.lastCompound = true;
    return he;
  }

  /** candidates checked for suggestions so far (see PREFIX_FILTER_AFTER_CHECKS) */
  private suggestChecks = 0;

  /** Simple check used by the suggester: is `word` (as written) a valid word form? */
  checkForSuggest(word: string, compounds = true): number {
    // Hidden capitalised homonyms (Nw for NW) are never suggestions, as in Hunspell's
    // SuggestMgr::checkword: rejected as for capitalised input.
    const info: Info = { forbidden: false, initcap: true };
    // The prefix filter pays off over many suggestions; building it costs ~10 ms, more than
    // the ~15 suggestions of a pre-commit run save.
    if (++this.suggestChecks === PREFIX_FILTER_AFTER_CHECKS) this.dic.usePrefixFilter();
    this.suggestMode = true;
    this.skipCompounds = !compounds;
    this.lastCompound = false;
    this.lastDeferred = false;
    try {
      const rv = this.checkword(word, info);
      if (rv < 0 || info.forbidden) return NONE;
      if (this.dic.hasFlag(rv, this.aff.noSuggest)) return NONE;
      return rv;
    } finally {
      this.suggestMode = false;
      this.skipCompounds = false;
    }
  }

  /**
   * checkForSuggest(word, true) for a word that checkForSuggest(word, false) refused with
   * lastDeferred set: only the compound analysis is left to do.
   */
  checkCompoundsForSuggest(word: string): number {
    this.suggestMode = true;
    this.lastCompound = false;
    try {
      const rv = this.compoundStage(word);
      if (rv < 0 || this.dic.hasFlag(rv, this.aff.noSuggest)) return NONE;
      return rv;
    } finally {
      this.suggestMode = false;
    }
  }

  /**
   * May `part` end a compound, as the dictionary's compound flags say (`nummer` in
   * `Kundennummer`)? For compounds the engine does not build itself (german-compounds.ts).
   */
  isCompoundEnd(part: string): boolean {
    if (!this.compounds) return false;
    const rv = this.compoundLast(part);
    return rv >= 0 && !this.dic.hasFlag(rv, this.aff.forbiddenWord);
  }

  // ---------------------------------------------------------------- affixes

  affixCheck(word: string, needflag: number, inCpd: number): number {
    let rv = this.prefixCheck(word, inCpd, needflag);
    if (rv >= 0) return rv;
    rv = this.suffixCheck(word, 0, -1, NO_FLAG, needflag, inCpd);
    if (this.haveContClass) {
      this.sfx = -1;
      this.pfx = -1;
      if (rv >= 0) return rv;
      rv = this.suffixCheckTwoSfx(word, 0, -1, needflag);
      if (rv >= 0) return rv;
      rv = this.prefixCheckTwoSfx(word, IN_CPD_NOT, needflag);
    }
    return rv;
  }

  private prefixCheck(word: string, inCpd: number, needflag: number): number {
    this.pfx = -1;
    const idx = this.pfxIndex;
    const t = this.t;
    const len = word.length;
    const maxk = Math.min(len, idx.maxLen);
    const fullStrip = this.aff.fullStrip;
    const dic = this.dic;
    let h = HASH_SEED;
    for (let k = 0; k <= maxk; k++) {
      if (k > 0) h = hashStep(h, word.charCodeAt(k - 1));
      if (!idx.lens[k]) continue;
      const key = k === 0 ? idx.empty : findKey(idx, word, k, h);
      if (key < 0) continue;
      const tmpl = len - k;
      if (!(tmpl > 0 || (tmpl === 0 && fullStrip))) continue;
      const ids = idx.ids;
      let strip = -1;
      let tmpword: string | null = null;
      let head = NONE;
      let maySfx = false;
      let cands: number[] | null = null;
      for (let j = idx.start[key], end = idx.start[key + 1]; j < end; j++) {
        const pe = ids[j];
        if (t.stripId[pe] !== strip) {
          strip = t.stripId[pe];
          const st = t.strs[strip];
          // the stem is st + word.slice(k), or starts with up to `maxLen` characters less
          // when a suffix is also stripped: the prefix filter rules out most of them
          const reach = dic.reachJoined(st, word, k);
          const stemLen = st.length + tmpl;
          head = reach === stemLen ? dic.lookupJoined(st, word, k) : NONE;
          maySfx = stemLen - reach <= this.sfxIndex.maxLen;
          tmpword = null;
          cands = null;
        }
        if (head < 0 && !(maySfx && t.cross[pe])) continue;
        const b = t.bits[pe];
        if (inCpd === IN_CPD_NOT ? b & BIT_ONLYINCOMPOUND : inCpd === IN_CPD_END && !(b & BIT_PERMIT)) continue;
        if (tmpword === null) tmpword = t.strs[strip] + word.slice(k);
        if (!pfxCond(t, pe, tmpword)) continue;
        const pflag = t.flag[pe];
        for (let he = head; he >= 0; he = dic.next(he)) {
          if (
            dic.hasFlag(he, pflag) &&
            !(b & BIT_NEEDAFFIX) &&
            (needflag === NO_FLAG || dic.hasFlag(he, needflag) || contHas(t, pe, needflag))
          ) {
            this.pfx = pe;
            return he;
          }
        }
        if (t.cross[pe] && maySfx) {
          // the suffix candidates of a stem are shared by all prefixes of the group
          if (cands === null) cands = this.suffixCandidates(tmpword, this.sfxIndex);
          if (cands === NO_CANDIDATES) continue;
          const he = this.filterSuffixCandidates(cands, XPRODUCT, pe, NO_FLAG, needflag, inCpd);
          if (he >= 0) {
            this.pfx = pe;
            return he;
          }
        }
      }
    }
    return NONE;
  }

  private suffixCheck(word: string, sfxopts: number, ppfx: number, cclass: number, needflag: number, inCpd: number): number {
    let idx = this.sfxIndex;
    if (cclass !== NO_FLAG) {
      const sub = this.sfxByCont.get(cclass);
      if (sub === undefined) return NONE;
      idx = sub;
    }
    const cands = this.suffixCandidates(word, idx);
    if (cands === NO_CANDIDATES) return NONE;
    return this.filterSuffixCandidates(cands, sfxopts, ppfx, cclass, needflag, inCpd);
  }

  /** hash states of the prefixes of the word in suffixCandidatesUncached */
  private stemHash = new Int32Array(64);
  private lastCandWord = '';
  private lastCandIdx: AffixIndex | null = null;
  private lastCands: number[] = NO_CANDIDATES;

  /**
   * Suffix entries whose stem (word minus append plus strip) is in the dictionary and meets
   * the condition, as [entry, first homonym, append length] triples. Nothing else of the
   * suffix rules depends on the caller, so the cross-product checks of every prefix of a
   * group share one call (and an empty prefix shares it with suffix_check).
   */
  private suffixCandidates(word: string, idx: AffixIndex): number[] {
    if (idx === this.lastCandIdx && word === this.lastCandWord) return this.lastCands;
    const out = this.suffixCandidatesUncached(word, idx);
    this.lastCandWord = word;
    this.lastCandIdx = idx;
    this.lastCands = out;
    return out;
  }

  private suffixCandidatesUncached(word: string, idx: AffixIndex): number[] {
    let out: number[] = NO_CANDIDATES;
    const t = this.t;
    const len = word.length;
    const maxk = Math.min(len, idx.maxLen);
    const fullStrip = this.aff.fullStrip;
    const dic = this.dic;
    const ids = idx.ids;
    // every stem starts with word.slice(0, tmpl): no word starts so beyond `reach`
    if (this.stemHash.length <= len) this.stemHash = new Int32Array(len + 16);
    const ph = this.stemHash;
    const reach = dic.prefixReach(word, ph);
    let h = HASH_SEED;
    for (let k = 0; k <= maxk; k++) {
      if (k > 0) h = hashStep(h, word.charCodeAt(len - k));
      const tmpl = len - k;
      if (tmpl > reach || !idx.lens[k]) continue;
      const key = k === 0 ? idx.empty : findKey(idx, word, k, h);
      if (key < 0) continue;
      if (!(tmpl > 0 || (tmpl === 0 && fullStrip))) continue;
      let strip = -1;
      let tmpword = '';
      let head = NONE;
      for (let j = idx.start[key], end = idx.start[key + 1]; j < end; j++) {
        const se = ids[j];
        if (t.stripId[se] !== strip) {
          strip = t.stripId[se];
          const st = t.strs[strip];
          head = dic.lookupWithTail(ph[tmpl], word, tmpl, st);
          // the stem text only for the rare hits (the condition reads it)
          tmpword = head < 0 ? '' : word.slice(0, tmpl) + st;
        }
        if (head < 0) continue;
        if (tmpword.length < t.condLen[se] || !sfxCond(t, se, tmpword)) continue;
        if (out === NO_CANDIDATES) out = [];
        out.push(se, head, k);
      }
    }
    return out;
  }

  private filterSuffixCandidates(cands: number[], sfxopts: number, ppfx: number, cclass: number, needflag: number, inCpd: number): number {
    const aff = this.aff;
    const t = this.t;
    const badflag = inCpd ? NO_FLAG : aff.onlyInCompound;
    const circumfix = aff.circumfix !== NO_FLAG;
    const pb = ppfx < 0 ? 0 : t.bits[ppfx];
    const pflag = ppfx < 0 ? NO_FLAG : t.flag[ppfx];
    const dic = this.dic;
    const xproduct = (sfxopts & XPRODUCT) !== 0;
    for (let i = 0; i < cands.length; i += 3) {
      const se = cands[i];
      const head = cands[i + 1];
      const k = cands[i + 2];
      const b = t.bits[se];
      if (xproduct && !t.cross[se]) continue;
      if (k === 0 && cclass !== NO_FLAG && t.contId[se] < 0) continue;
      if (inCpd === IN_CPD_BEGIN && !(b & BIT_PERMIT)) continue;
      if (circumfix && !(((pb & BIT_CIRCUMFIX) === 0 && (b & BIT_CIRCUMFIX) === 0) || (pb & b & BIT_CIRCUMFIX) !== 0)) continue;
      if (inCpd === IN_CPD_NOT && b & BIT_ONLYINCOMPOUND) continue;
      if (cclass === NO_FLAG && b & BIT_NEEDAFFIX && !(ppfx >= 0 && !(pb & BIT_NEEDAFFIX))) continue;
      if (k !== 0 && inCpd === IN_CPD_END && ppfx < 0 && b & BIT_ONLYINCOMPOUND) continue;
      const sflag = t.flag[se];
      for (let he = head; he >= 0; he = dic.next(he)) {
        if (
          (dic.hasFlag(he, sflag) || (ppfx >= 0 && contHas(t, ppfx, sflag))) &&
          (!xproduct || (ppfx >= 0 && (dic.hasFlag(he, pflag) || contHas(t, se, pflag)))) &&
          (cclass === NO_FLAG || contHas(t, se, cclass)) &&
          (badflag === NO_FLAG || !dic.hasFlag(he, badflag)) &&
          (needflag === NO_FLAG || dic.hasFlag(he, needflag) || contHas(t, se, needflag))
        ) {
          this.sfx = se;
          return he;
        }
      }
    }
    return NONE;
  }

  private suffixCheckTwoSfx(word: string, sfxopts: number, ppfx: number, needflag: number): number {
    const idx = this.sfxOuter;
    if (idx.maxLen < 0) return NONE;
    const t = this.t;
    const len = word.length;
    const maxk = Math.min(len, idx.maxLen);
    const fullStrip = this.aff.fullStrip;
    const xproduct = (sfxopts & XPRODUCT) !== 0;
    const ids = idx.ids;
    if (this.stemHash.length <= len) this.stemHash = new Int32Array(len + 16);
    const reach = this.dic.prefixReach(word, this.stemHash);
    let h = HASH_SEED;
    for (let k = 0; k <= maxk; k++) {
      if (k > 0) h = hashStep(h, word.charCodeAt(len - k));
      if (!idx.lens[k]) continue;
      const key = k === 0 ? idx.empty : findKey(idx, word, k, h);
      if (key < 0) continue;
      const tmpl = len - k;
      if (!(tmpl > 0 || (tmpl === 0 && fullStrip))) continue;
      let stem: string | null = null;
      for (let j = idx.start[key], end = idx.start[key + 1]; j < end; j++) {
        const se = ids[j];
        if (xproduct && !t.cross[se]) continue;
        const strip = t.strs[t.stripId[se]];
        // the inner suffix's stem starts with word.slice(0, tmpl + strip.length - k2):
        // beyond `reach` no word starts so (see suffixCandidatesUncached)
        if (tmpl > reach && tmpl + strip.length - reach > this.innerSfxMax(t.flag[se])) continue;
        if (stem === null) stem = word.slice(0, tmpl);
        const tmpword = stem + strip;
        if (tmpword.length < t.condLen[se] || !sfxCond(t, se, tmpword)) continue;
        const sflag = t.flag[se];
        let he: number;
        if (ppfx >= 0 && !contHas(t, se, t.flag[ppfx])) he = this.suffixCheck(tmpword, sfxopts, ppfx, sflag, needflag, IN_CPD_NOT);
        else he = this.suffixCheck(tmpword, 0, -1, sflag, needflag, IN_CPD_NOT);
        if (he >= 0) return he;
      }
    }
    return NONE;
  }

  /** longest append of the suffixes that may precede flag's suffixes (-1: none) */
  private innerSfxMax(flag: number): number {
    const sub = this.sfxByCont.get(flag);
    return sub === undefined ? -1 : sub.maxLen;
  }

  private prefixCheckTwoSfx(word: string, inCpd: number, needflag: number): number {
    this.pfx = -1;
    if (inCpd === IN_CPD_BEGIN || this.sfxOuter.maxLen < 0) return NONE;
    const idx = this.pfxIndex;
    const t = this.t;
    const len = word.length;
    const maxk = Math.min(len, idx.maxLen);
    const fullStrip = this.aff.fullStrip;
    const ids = idx.ids;
    let h = HASH_SEED;
    for (let k = 0; k <= maxk; k++) {
      if (k > 0) h = hashStep(h, word.charCodeAt(k - 1));
      if (!idx.lens[k]) continue;
      const key = k === 0 ? idx.empty : findKey(idx, word, k, h);
      if (key < 0) continue;
      const tmpl = len - k;
      if (!(tmpl > 0 || (tmpl === 0 && fullStrip))) continue;
      const rest = word.slice(k);
      for (let j = idx.start[key], end = idx.start[key + 1]; j < end; j++) {
        const pe = ids[j];
        if (!t.cross[pe]) continue;
        const tmpword = t.strs[t.stripId[pe]] + rest;
        if (tmpword.length < t.condLen[pe] || !pfxCond(t, pe, tmpword)) continue;
        const he = this.suffixCheckTwoSfx(tmpword, XPRODUCT, pe, needflag);
        if (he >= 0) {
          this.pfx = pe;
          return he;
        }
      }
    }
    return NONE;
  }

  // ---------------------------------------------------------------- compounds

  private badInCompound(rv: number): boolean {
    const dic = this.dic;
    const aff = this.aff;
    return (
      dic.hasFlag(rv, aff.forbiddenWord) ||
      dic.hasFlag(rv, ONLYUPCASE_FLAG) ||
      (this.suggestMode && dic.hasFlag(rv, aff.noSuggest))
    );
  }

  /**
   * Hunspell's compound_check for COMPOUNDFLAG / COMPOUNDBEGIN|MIDDLE|END dictionaries.
   * The checks of a first part (by its text and whether it begins the word) and of a last
   * part (by its text) do not depend on the rest of the word, so they are memoised: German
   * suggestions check hundreds of candidates that share their parts.
   */
  private compoundCheck(word: string, wordnum: number, maxwordnum: number): number {
    const aff = this.aff;
    const dic = this.dic;
    const len = word.length;
    const cmin = aff.compoundMin;
    const cmax = len - cmin + 1;
    const shared = wordnum === 0 ? this.sharedFirstParts(word) : 0;
    const firstRes = this.firstRes[this.firstSlot];
    for (let i = cmin; i < cmax; i++) {
      const cc = word.charCodeAt(i);
      if (cc >= 0xdc00 && cc <= 0xdfff) {
        if (wordnum === 0) this.keepFirst(i, UNKNOWN);
        continue; // never split a surrogate pair
      }
      let rvFirst = i < shared ? firstRes[i] : UNKNOWN;
      if (rvFirst === UNKNOWN) {
        rvFirst = this.compoundFirst(word.slice(0, i), wordnum);
        if (wordnum === 0) this.keepFirst(i, rvFirst);
      }
      if (rvFirst === ABORT) return NONE;
      if (rvFirst < 0) continue;
      const rest = word.slice(i);
      const wordsOk = aff.compoundWordMax === -1 || wordnum + 1 < aff.compoundWordMax;
      const rv = this.compoundLast(rest);
      if (rv === ABORT) return NONE;
      if (rv >= 0 && wordsOk) return rvFirst;
      // perhaps the second word is a compound word (recursive call)
      if (wordnum + 2 < maxwordnum) {
        const rv3 = this.compoundCheck(rest, wordnum + 1, maxwordnum);
        if (rv3 >= 0) {
          if (aff.forbiddenWord !== NO_FLAG) {
            let rv2 = dic.lookup(word);
            if (rv2 < 0) rv2 = this.affixCheck(word, NO_FLAG, IN_CPD_NOT);
            if (rv2 >= 0 && dic.hasFlag(rv2, aff.forbiddenWord)) return NONE;
          }
          return rvFirst;
        }
      }
    }
    return NONE;
  }

  /**
   * First parts of the last words split at the top level, by length: suggestion candidates
   * come in runs that share their start (edits at one position), and a first part inside
   * the shared start has the same result. Two slots, as German candidates alternate with
   * their capitalised forms. Entries below firstValid[s] are for firstWord[s].
   */
  private firstWord = ['', ''];
  private firstRes = [new Int32Array(MAXWORDLEN + 1), new Int32Array(MAXWORDLEN + 1)];
  private firstValid = [0, 0];
  private firstSlot = 0;
  private firstMode = false;

  /** how many first-part results of an earlier word hold for `word` (which takes that slot) */
  private sharedFirstParts(word: string): number {
    const valid = this.firstValid;
    if (this.firstMode !== this.suggestMode) {
      this.firstMode = this.suggestMode;
      valid[0] = valid[1] = 0;
    }
    // entry i (the first i characters) holds while those characters are the same
    const c0 = commonStart(this.firstWord[0], word, valid[0] - 1);
    const c1 = commonStart(this.firstWord[1], word, valid[1] - 1);
    // the slot with the longer shared start, else the one not used last
    const slot = c0 > c1 || (c0 === c1 && this.firstSlot === 1) ? 0 : 1;
    this.firstSlot = slot;
    this.firstWord[slot] = word;
    valid[slot] = Math.min((slot === 0 ? c0 : c1) + 1, valid[slot]);
    return valid[slot];
  }

  private keepFirst(i: number, rv: number): void {
    const res = this.firstRes[this.firstSlot];
    if (i >= res.length) return;
    res[i] = rv;
    // entries are filled in order of i; the ones between hold results or UNKNOWN
    if (i >= this.firstValid[this.firstSlot]) this.firstValid[this.firstSlot] = i + 1;
  }

  /** memo tables: [check|suggest][first part at 0 | first part later | last part] */
  private cpdMemo: Array<Map<string, number>> = [new Map(), new Map(), new Map(), new Map(), new Map(), new Map()];
  private cpdMemoSize = 0;

  private clearCpdMemo(): void {
    this.firstValid[0] = this.firstValid[1] = 0;
    for (const m of this.cpdMemo) m.clear();
    this.cpdMemoSize = 0;
  }

  /** First (or middle) part of a compound: its entry, NONE, or ABORT (reject the word). */
  private compoundFirst(st: string, wordnum: number): number {
    // suggestion candidates: the first parts they share are reused by compoundCheck
    // (sharedFirstParts); the others contain the edit and are seldom seen again
    if (this.suggestMode && wordnum === 0) return this.compoundFirstUncached(st, wordnum);
    const m = this.cpdMemo[(this.suggestMode ? 3 : 0) + (wordnum === 0 ? 0 : 1)];
    let v = m.get(st);
    if (v === undefined) {
      v = this.compoundFirstUncached(st, wordnum);
      if (++this.cpdMemoSize > 200_000) this.clearCpdMemo();
      m.set(st, v);
    }
    return v;
  }

  private compoundFirstUncached(st: string, wordnum: number): number {
    const t = this.t;
    const aff = this.aff;
    const dic = this.dic;
    const cflag = aff.compoundFlag;
    const cbegin = aff.compoundBegin;
    const cmiddle = aff.compoundMiddle;
    const cend = aff.compoundEnd;
    const cforbid = aff.compoundForbidFlag;
    this.sfx = -1;
    this.pfx = -1;
    let checkedPrefix = false;
    let rv = dic.lookup(st);
    while (
      rv >= 0 &&
      (dic.hasFlag(rv, aff.needAffix) ||
        !(
          (cflag !== NO_FLAG && dic.hasFlag(rv, cflag)) ||
          (cbegin !== NO_FLAG && wordnum === 0 && dic.hasFlag(rv, cbegin)) ||
          (cmiddle !== NO_FLAG && wordnum > 0 && dic.hasFlag(rv, cmiddle))
        ))
    )
      rv = dic.next(rv);
    if (rv < 0) {
      if (cflag !== NO_FLAG) {
        rv = this.prefixCheck(st, IN_CPD_BEGIN, cflag);
        if (rv < 0) {
          rv = this.suffixCheck(st, 0, -1, NO_FLAG, cflag, IN_CPD_BEGIN);
          if (rv >= 0 && this.sfx >= 0 && (contHas(t, this.sfx, cforbid) || contHas(t, this.sfx, cend))) rv = NONE;
        }
      }
      if (rv >= 0) checkedPrefix = true;
      else if (wordnum === 0 && cbegin !== NO_FLAG) {
        rv = this.suffixCheck(st, 0, -1, NO_FLAG, cbegin, IN_CPD_BEGIN);
        if (rv < 0) rv = this.prefixCheck(st, IN_CPD_BEGIN, cbegin);
        if (rv >= 0) checkedPrefix = true;
      } else if (wordnum > 0 && cmiddle !== NO_FLAG) {
        rv = this.suffixCheck(st, 0, -1, NO_FLAG, cmiddle, IN_CPD_BEGIN);
        if (rv < 0) rv = this.prefixCheck(st, IN_CPD_BEGIN, cmiddle);
        if (rv >= 0) checkedPrefix = true;
      }
    } else if (
      dic.hasFlag(rv, aff.forbiddenWord) ||
      dic.hasFlag(rv, aff.needAffix) ||
      dic.hasFlag(rv, ONLYUPCASE_FLAG) ||
      (this.suggestMode && dic.hasFlag(rv, aff.noSuggest))
    ) {
      return NONE;
    }
    const pfx = this.pfx;
    const sfx = this.sfx;
    if (rv >= 0 && (contHas(t, pfx, cforbid) || contHas(t, sfx, cforbid))) rv = NONE;
    if (rv >= 0 && !checkedPrefix && cend !== NO_FLAG && (contHas(t, pfx, cend) || contHas(t, sfx, cend))) rv = NONE;
    if (rv >= 0 && !checkedPrefix && wordnum === 0 && cmiddle !== NO_FLAG && (contHas(t, pfx, cmiddle) || contHas(t, sfx, cmiddle)))
      rv = NONE;
    if (rv >= 0 && this.badInCompound(rv)) return ABORT;
    if (
      rv >= 0 &&
      (checkedPrefix ||
        (cflag !== NO_FLAG && dic.hasFlag(rv, cflag)) ||
        (wordnum === 0 && cbegin !== NO_FLAG && dic.hasFlag(rv, cbegin)) ||
        (wordnum > 0 && cmiddle !== NO_FLAG && dic.hasFlag(rv, cmiddle)))
    )
      return rv;
    return NONE;
  }

  /** Last part of a compound (a word or an affixed word): its entry, NONE, or ABORT. */
  private compoundLast(rest: string): number {
    const m = this.cpdMemo[this.suggestMode ? 5 : 2];
    let v = m.get(rest);
    if (v === undefined) {
      v = this.compoundLastUncached(rest);
      if (++this.cpdMemoSize > 200_000) this.clearCpdMemo();
      m.set(rest, v);
    }
    return v;
  }

  private compoundLastUncached(rest: string): number {
    const t = this.t;
    const aff = this.aff;
    const dic = this.dic;
    const cflag = aff.compoundFlag;
    const cend = aff.compoundEnd;
    const cforbid = aff.compoundForbidFlag;
    let rv = dic.lookup(rest);
    while (
      rv >= 0 &&
      (dic.hasFlag(rv, aff.needAffix) || !((cflag !== NO_FLAG && dic.hasFlag(rv, cflag)) || (cend !== NO_FLAG && dic.hasFlag(rv, cend))))
    )
      rv = dic.next(rv);
    if (rv >= 0 && this.badInCompound(rv)) return ABORT;
    if (rv >= 0) return rv;
    // perhaps the second word has a prefix or/and suffix
    this.sfx = -1;
    rv = cflag !== NO_FLAG ? this.affixCheck(rest, cflag, IN_CPD_END) : NONE;
    if (rv < 0 && cend !== NO_FLAG) {
      this.sfx = -1;
      this.pfx = -1;
      rv = this.affixCheck(rest, cend, IN_CPD_END);
    }
    if (rv >= 0 && (contHas(t, this.pfx, cforbid) || contHas(t, this.sfx, cforbid))) rv = NONE;
    if (rv >= 0 && this.badInCompound(rv)) return ABORT;
    return rv;
  }

  /** COMPOUNDRULE (English ordinals like 21st, 112th). */
  private compoundRuleCheck(word: string): number {
    const dic = this.dic;
    const aff = this.aff;
    if (this.ruleFirstChars === null) this.ruleFirstChars = this.buildRuleFirstChars();
    if (!this.ruleFirstChars.has(word[0])) return NONE;
    const rules = aff.compoundRules;
    const cmin = aff.compoundMin;
    const len = word.length;
    const parts: number[] = [];
    const matches = (full: boolean): boolean => {
      for (const rule of rules) if (matchRule(rule, parts, full, dic)) return true;
      return false;
    };
    const dfs = (pos: number): number => {
      for (let j = pos + cmin; j <= len; j++) {
        const part = word.slice(pos, j);
        if (j === len) {
          if (parts.length === 0) break;
          for (let he = dic.lookup(part); he >= 0; he = dic.next(he)) {
            if (dic.hasFlag(he, aff.needAffix)) continue;
            parts.push(he);
            const ok = matches(true);
            parts.pop();
            if (ok) return parts[0];
          }
          const he = this.affixCheck(part, NO_FLAG, IN_CPD_END);
          if (he >= 0) {
            parts.push(he);
            const ok = matches(true);
            parts.pop();
            if (ok) return parts[0];
          }
          break;
        }
        for (let he = dic.lookup(part); he >= 0; he = dic.next(he)) {
          if (dic.hasFlag(he, aff.needAffix)) continue;
          if (dic.hasFlag(he, aff.forbiddenWord)) break;
          parts.push(he);
          if (matches(false)) {
            const r = dfs(j);
            if (r >= 0) {
              parts.pop();
              return r;
            }
          }
          parts.pop();
        }
      }
      return NONE;
    };
    return dfs(0);
  }

  /**
   * First characters of the words that can be a COMPOUNDRULE part: those of the listed
   * entries come with the compiled cache (scanning 50,000–75,000 entries took 5–15 ms on the
   * first unknown word of every run), the run-time words are scanned here.
   */
  private buildRuleFirstChars(): Set<string> {
    const dic = this.dic;
    const listed = dic.ruleFirstChars;
    return new Set([...(listed ?? this.ruleFirstCharsOf(0, dic.size)), ...this.ruleFirstCharsOf(dic.size, dic.count)]);
  }

  /** First characters of the entries from..to-1 that carry a flag of a COMPOUNDRULE. */
  ruleFirstCharsOf(from: number, to: number): string[] {
    const flags = new Set<number>();
    for (const r of this.aff.compoundRules) for (const [f] of r) flags.add(f);
    if (flags.size === 0) return [];
    const out = new Set<string>();
    const dic = this.dic;
    for (let e = from; e < to; e++) {
      for (const f of flags) {
        if (dic.hasFlag(e, f)) {
          out.add(dic.word(e)[0]);
          break;
        }
      }
    }
    return [...out];
  }

  // ---------------------------------------------------------------- hidden forms

  /**
   * Hunspell adds, for every mixed-case word (OpenOffice) and every all-caps word with
   * affixes (CIA/S), a hidden "Openoffice"/"Cia" homonym that only matches all-caps input.
   * Built on the first all-caps word that would otherwise be rejected.
   */
  private buildHidden(): void {
    this.hiddenBuilt = true;
    this.invalidate(); // new entries: memoised answers may change
    const dic = this.dic;
    const n = dic.count;
    for (let e = 0; e < n; e++) this.addHidden(e);
  }

  /** add the hidden capitalised homonym of entry `e` when Hunspell would */
  addHiddenFor(e: number): void {
    this.clearCpdMemo();
    this.addHidden(e);
  }

  // buildHidden clears the memo once, not once per entry (75,000 times in German)
  private addHidden(e: number): void {
    const dic = this.dic;
    const w = dic.word(e);
    if (w === w.toLowerCase()) return;
    const ct = capType(w);
    const hasFlags = dic.hasFlags(e);
    if (
      (ct === Cap.Huh || ct === Cap.HuhInit || (ct === Cap.All && hasFlags)) &&
      !(hasFlags && dic.hasFlag(e, this.aff.forbiddenWord))
    ) {
      const flags = dic.flags(e).slice();
      flags.push(ONLYUPCASE_FLAG);
      dic.addEntry(initCap(lowerCase(w)), flags);
    }
  }

  get hiddenReady(): boolean {
    return this.hiddenBuilt;
  }

  /** Forget memoised results (after words were added to the dictionary). */
  invalidate(): void {
    this.clearCpdMemo();
    this.lastCandIdx = null;
    this.lastCandWord = '';
    this.lastCands = NO_CANDIDATES;
  }
}

/** length of the common start of a and b, at most max */
function commonStart(a: string, b: string, max: number): number {
  const n = Math.min(a.length, b.length, max);
  let c = 0;
  while (c < n && a.charCodeAt(c) === b.charCodeAt(c)) c++;
  return c;
}

function matchRule(rule: Array<[number, string]>, parts: number[], full: boolean, dic: WordStore): boolean {
  // NFA simulation over rule positions
  const n = rule.length;
  let states = closure(rule, [0]);
  for (const e of parts) {
    const next: number[] = [];
    for (const p of states) {
      if (p >= n) continue;
      const [flag, q] = rule[p];
      if (!dic.hasFlag(e, flag)) continue;
      if (q === '*') next.push(p);
      next.push(p + 1);
    }
    if (next.length === 0) return false;
    states = closure(rule, next);
  }
  return full ? states.includes(n) : states.length > 0;
}

function closure(rule: Array<[number, string]>, states: number[]): number[] {
  const out = new Set<number>();
  const stack = [...states];
  while (stack.length) {
    const p = stack.pop()!;
    if (out.has(p)) continue;
    out.add(p);
    if (p < rule.length && rule[p][1] !== '') stack.push(p + 1);
  }
  return [...out];
}
