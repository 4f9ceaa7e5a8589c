/**
 * Parser for Hunspell `.aff` files.
 *
 * Only what msglint's checker and suggester use is kept, but the parsing follows
 * Hunspell's own rules (see hunspell(5)): flag types (char, long, num, UTF-8),
 * AF aliases, PFX/SFX with strip/append/condition/continuation classes,
 * compounding options, REP/MAP/KEY/TRY, ICONV/OCONV and BREAK.
 */

export type FlagMode = 'char' | 'long' | 'num' | 'utf8';

/** Flag value that no `.aff`/`.dic` flag can decode to: "no flag set". */
export const NO_FLAG = 0;
/** Internal flag of hidden capitalised homonyms (Hunspell's ONLYUPCASEFLAG). */
export const ONLYUPCASE_FLAG = -2;

/** One character position of an affix condition: a set of characters, or any. */
export interface CondElem {
  /** characters of the set; null means "." (any character) */
  chars: string | null;
  negated: boolean;
}

export interface AffixEntry {
  isPrefix: boolean;
  flag: number;
  /** cross product with affixes of the other kind allowed */
  cross: boolean;
  strip: string;
  append: string;
  /** continuation class (flags of the affixed form), null when none */
  cont: number[] | null;
  /** condition on the stem (after putting `strip` back), null when none */
  cond: CondElem[] | null;
  /** number of characters the condition looks at */
  condLen: number;
  /** continuation-class bits computed by the checker (permit, onlyincompound, needaffix, circumfix) */
  bits: number;
}

export interface AffData {
  flagMode: FlagMode;
  /** AF aliases (index 1-based in the file; index 0 unused) */
  flagAliases: number[][] | null;
  try: string;
  key: string[];
  rep: Array<[from: string, to: string]>;
  map: string[][];
  iconv: Array<[from: string, to: string]>;
  oconv: Array<[from: string, to: string]>;
  breaks: string[];
  prefixes: AffixEntry[];
  suffixes: AffixEntry[];
  compoundFlag: number;
  compoundBegin: number;
  compoundMiddle: number;
  compoundEnd: number;
  compoundPermitFlag: number;
  compoundForbidFlag: number;
  compoundMin: number;
  compoundWordMax: number;
  /** COMPOUNDRULE patterns: sequences of [flag, quantifier ('' | '*' | '?')] */
  compoundRules: Array<Array<[number, string]>>;
  onlyInCompound: number;
  needAffix: number;
  forbiddenWord: number;
  keepCase: number;
  circumfix: number;
  noSuggest: number;
  warn: number;
  fullStrip: boolean;
  checkSharps: boolean;
  complexPrefixes: boolean;
  ignore: string;
  wordChars: string;
  /** flags that occur in some affix's continuation class */
  contClasses: Set<number>;
}

function emptyAff(): AffData {
  return {
    flagMode: 'char',
    flagAliases: null,
    try: '',
    key: [],
    rep: [],
    map: [],
    iconv: [],
    oconv: [],
    breaks: [],
    prefixes: [],
    suffixes: [],
    compoundFlag: NO_FLAG,
    compoundBegin: NO_FLAG,
    compoundMiddle: NO_FLAG,
    compoundEnd: NO_FLAG,
    compoundPermitFlag: NO_FLAG,
    compoundForbidFlag: NO_FLAG,
    compoundMin: 3,
    compoundWordMax: -1,
    compoundRules: [],
    onlyInCompound: NO_FLAG,
    needAffix: NO_FLAG,
    forbiddenWord: NO_FLAG,
    keepCase: NO_FLAG,
    circumfix: NO_FLAG,
    noSuggest: NO_FLAG,
    warn: NO_FLAG,
    fullStrip: false,
    checkSharps: false,
    complexPrefixes: false,
    ignore: '',
    wordChars: '',
    contClasses: new Set(),
  };
}

/** Decode a single flag written in the `.aff` file. */
export function decodeFlag(token: string, mode: FlagMode): number {
  if (!token) return NO_FLAG;
  switch (mode) {
    case 'long':
      return token.length >= 2 ? (token.charCodeAt(0) << 16) | token.charCodeAt(1) : token.charCodeAt(0) << 16;
    case 'num': {
      const n = parseInt(token, 10);
      return Number.isFinite(n) && n > 0 ? n : NO_FLAG;
    }
    case 'utf8':
      return token.codePointAt(0) ?? NO_FLAG;
    default:
      return token.charCodeAt(0);
  }
}

/** Decode a list of flags (a `.dic` flag field or a continuation class). */
export function decodeFlags(text: string, mode: FlagMode): number[] {
  const out: number[] = [];
  switch (mode) {
    case 'long':
      for (let i = 0; i + 1 < text.length; i += 2) out.push((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1));
      if (text.length % 2 === 1) out.push(text.charCodeAt(text.length - 1) << 16);
      break;
    case 'num':
      for (const part of text.split(',')) {
        const n = parseInt(part, 10);
        if (Number.isFinite(n) && n > 0) out.push(n);
      }
      break;
    case 'utf8':
      for (const ch of text) out.push(ch.codePointAt(0)!);
      break;
    default:
      for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i));
  }
  return out;
}

/** Split `stem/flags` at the first unescaped slash (not at position 0). */
function splitSlash(s: string): [string, string | null] {
  for (let i = 1; i < s.length; i++) {
    if (s.charCodeAt(i) === 47 /* / */ && s.charCodeAt(i - 1) !== 92 /* \ */) return [s.slice(0, i), s.slice(i + 1)];
  }
  return [s, null];
}

export function parseCondition(cond: string): { elems: CondElem[] | null; len: number } {
  if (!cond || cond === '.') return { elems: null, len: 0 };
  const elems: CondElem[] = [];
  const chars = Array.from(cond);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '[') {
      let j = i + 1;
      let negated = false;
      if (chars[j] === '^') {
        negated = true;
        j++;
      }
      let set = '';
      while (j < chars.length && chars[j] !== ']') set += chars[j++];
      elems.push({ chars: set, negated });
      i = j;
    } else if (c === '.') {
      elems.push({ chars: null, negated: false });
    } else {
      elems.push({ chars: c, negated: false });
    }
  }
  return { elems, len: elems.length };
}

/** Split a line into whitespace-separated tokens (reusing `out`). */
function tokenize(line: string, out: string[]): void {
  out.length = 0;
  const n = line.length;
  let i = 0;
  while (i < n) {
    let c = line.charCodeAt(i);
    while (i < n && (c === 32 || c === 9 || c === 13)) c = line.charCodeAt(++i);
    if (i >= n) break;
    const start = i;
    while (i < n && c !== 32 && c !== 9 && c !== 13) c = line.charCodeAt(++i);
    out.push(line.slice(start, i));
  }
}

function convPair(a: string | undefined, b: string | undefined): [string, string] | null {
  if (a === undefined || b === undefined) return null;
  return [a.replace(/_/g, ' '), b.replace(/_/g, ' ')];
}

/** Parse the text of a `.aff` file. */
export function parseAff(text: string): AffData {
  const aff = emptyAff();
  // FLAG must be known before any flag is decoded; Hunspell requires it near the top,
  // but look it up first to be safe.
  const flagLine = /^FLAG\s+(\S+)/m.exec(text);
  if (flagLine) {
    const v = flagLine[1].toLowerCase();
    aff.flagMode = v === 'long' ? 'long' : v === 'num' ? 'num' : v === 'utf-8' || v === 'utf8' ? 'utf8' : 'char';
  }
  const mode = aff.flagMode;
  const flag = (t: string | undefined): number => (t === undefined ? NO_FLAG : decodeFlag(t, mode));
  const aliases: number[][] = [[]];
  // continuation classes and conditions repeat a lot (fr: 5,000 affix lines): share them
  const contCache = new Map<string, number[] | null>();
  const contFlags = (s: string | null): number[] | null => {
    if (s === null || s === '') return null;
    let f = contCache.get(s);
    if (f !== undefined) return f;
    if (aff.flagAliases && /^\d+$/.test(s)) f = aff.flagAliases[parseInt(s, 10)] ?? null;
    else {
      const d = decodeFlags(s, mode);
      f = d.length ? d : null;
    }
    contCache.set(s, f);
    return f;
  };
  const condCache = new Map<string, { elems: CondElem[] | null; len: number }>();

  let pendingAffix: { isPrefix: boolean; flag: number; cross: boolean; left: number } | null = null;
  // table commands (REP, MAP, BREAK, ...) start with a line that holds the number of entries
  const seen = new Set<string>();
  let breaksSet = false;

  const tok: string[] = [];
  for (let pos = 0; pos < text.length; ) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const first0 = text.charCodeAt(pos);
    if (eol === pos || first0 === 35 /* # */) {
      pos = eol + 1;
      continue;
    }
    const line = text.slice(pos, eol);
    pos = eol + 1;
    tokenize(line, tok);
    if (tok.length === 0) continue;
    const cmd = tok[0];

    if ((cmd === 'PFX' || cmd === 'SFX') && pendingAffix && pendingAffix.left > 0 && flag(tok[1]) === pendingAffix.flag && (cmd === 'PFX') === pendingAffix.isPrefix) {
      pendingAffix.left--;
      const strip = tok[2] === '0' || tok[2] === undefined ? '' : tok[2];
      const [appendRaw, contRaw] = splitSlash(tok[3] ?? '0');
      const append = appendRaw === '0' ? '' : appendRaw.indexOf('\\') >= 0 ? appendRaw.replace(/\\\//g, '/') : appendRaw;
      const condText = tok[4] ?? '.';
      let parsed = condCache.get(condText);
      if (parsed === undefined) condCache.set(condText, (parsed = parseCondition(condText)));
      const { elems, len } = parsed;
      const entry: AffixEntry = {
        isPrefix: pendingAffix.isPrefix,
        flag: pendingAffix.flag,
        cross: pendingAffix.cross,
        strip,
        append,
        cont: contFlags(contRaw),
        cond: elems,
        condLen: len,
        bits: 0,
      };
      if (entry.cont) for (const f of entry.cont) aff.contClasses.add(f);
      (entry.isPrefix ? aff.prefixes : aff.suffixes).push(entry);
      continue;
    }

    const first = !seen.has(cmd);
    seen.add(cmd);
    switch (cmd) {
      case 'PFX':
      case 'SFX':
        pendingAffix = {
          isPrefix: cmd === 'PFX',
          flag: flag(tok[1]),
          cross: tok[2] === 'Y',
          left: parseInt(tok[3] ?? '0', 10) || 0,
        };
        break;
      case 'AF':
        if (first) break; // count line
        aliases.push(decodeFlags(tok[1] ?? '', mode));
        aff.flagAliases = aliases;
        break;
      case 'TRY':
        aff.try = tok[1] ?? '';
        break;
      case 'KEY':
        aff.key = (tok[1] ?? '').split('|').filter(Boolean);
        break;
      case 'REP':
        if (!first && tok.length >= 3) {
          const p = convPair(tok[1], tok[2]);
          if (p) aff.rep.push(p);
        }
        break;
      case 'MAP':
        if (!first && tok.length >= 2) {
          // groups: single characters or (multi-char) sequences in parentheses
          const group: string[] = [];
          const s = tok[1];
          for (let i = 0; i < s.length; ) {
            if (s[i] === '(') {
              const j = s.indexOf(')', i);
              if (j < 0) break;
              group.push(s.slice(i + 1, j));
              i = j + 1;
            } else {
              const cp = s.codePointAt(i)!;
              const ch = String.fromCodePoint(cp);
              group.push(ch);
              i += ch.length;
            }
          }
          if (group.length > 1) aff.map.push(group);
        }
        break;
      case 'ICONV':
      case 'OCONV':
        if (!first && tok.length >= 3) {
          const p = convPair(tok[1], tok[2]);
          if (p) (cmd === 'ICONV' ? aff.iconv : aff.oconv).push(p);
        }
        break;
      case 'BREAK':
        if (first) breaksSet = true; // explicit table (may be empty: BREAK 0)
        else if (tok[1] !== undefined) aff.breaks.push(tok[1]);
        break;
      case 'COMPOUNDFLAG':
        aff.compoundFlag = flag(tok[1]);
        break;
      case 'COMPOUNDBEGIN':
        aff.compoundBegin = flag(tok[1]);
        break;
      case 'COMPOUNDMIDDLE':
        aff.compoundMiddle = flag(tok[1]);
        break;
      case 'COMPOUNDLAST':
      case 'COMPOUNDEND':
        aff.compoundEnd = flag(tok[1]);
        break;
      case 'COMPOUNDPERMITFLAG':
        aff.compoundPermitFlag = flag(tok[1]);
        break;
      case 'COMPOUNDFORBIDFLAG':
        aff.compoundForbidFlag = flag(tok[1]);
        break;
      case 'COMPOUNDMIN': {
        const n = parseInt(tok[1] ?? '', 10);
        aff.compoundMin = Number.isFinite(n) && n > 0 ? n : 1;
        break;
      }
      case 'COMPOUNDWORDMAX':
        aff.compoundWordMax = parseInt(tok[1] ?? '', 10) || -1;
        break;
      case 'COMPOUNDRULE':
        if (!first && tok[1] !== undefined) aff.compoundRules.push(parseCompoundRule(tok[1], mode));
        break;
      case 'ONLYINCOMPOUND':
        aff.onlyInCompound = flag(tok[1]);
        break;
      case 'NEEDAFFIX':
      case 'PSEUDOROOT':
        aff.needAffix = flag(tok[1]);
        break;
      case 'FORBIDDENWORD':
        aff.forbiddenWord = flag(tok[1]);
        break;
      case 'KEEPCASE':
        aff.keepCase = flag(tok[1]);
        break;
      case 'CIRCUMFIX':
        aff.circumfix = flag(tok[1]);
        break;
      case 'NOSUGGEST':
        aff.noSuggest = flag(tok[1]);
        break;
      case 'WARN':
        aff.warn = flag(tok[1]);
        break;
      case 'FULLSTRIP':
        aff.fullStrip = true;
        break;
      case 'CHECKSHARPS':
        aff.checkSharps = true;
        break;
      case 'COMPLEXPREFIXES':
        aff.complexPrefixes = true;
        break;
      case 'IGNORE':
        aff.ignore = tok[1] ?? '';
        break;
      case 'WORDCHARS':
        aff.wordChars = tok[1] ?? '';
        break;
      default:
        break;
    }
  }
  if (!breaksSet) aff.breaks = ['-', '^-', '-$'];
  return aff;
}

function parseCompoundRule(s: string, mode: FlagMode): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c === '*' || c === '?') {
      if (out.length) out[out.length - 1][1] = c;
      i++;
      continue;
    }
    if (c === '(') {
      const j = s.indexOf(')', i);
      const inner = s.slice(i + 1, j < 0 ? s.length : j);
      out.push([decodeFlag(inner, mode), '']);
      i = j < 0 ? s.length : j + 1;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    out.push([decodeFlag(ch, mode === 'long' || mode === 'num' ? 'char' : mode), '']);
    i += ch.length;
  }
  return out;
}
