/**
 * msglint's spelling engine: Hunspell dictionaries checked by a TypeScript port of
 * Hunspell's affix-stripping checker (see hunspell.ts), with a compiled cache so that every
 * language is ready in a few milliseconds after its first use on a machine.
 *
 * Everything is synchronous. Spellers are cached per dictionary for the process.
 */
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { buildWordTables, prefixFilter, type WordTables, WordStore } from './dic.js';
import { capType, HunspellChecker, initCap, type PreparedAff } from './hunspell.js';
import { firstLetterIndex, Suggester } from './suggest.js';
import { decodeTrieV3, type WordGraph, WordListChecker } from './wordlist.js';
import { memoize } from '../../memo.js';
import { isLinkingSCompound, linkingSSuggestions } from './german-compounds.js';

export interface Speller {
  /** true when the word is spelled correctly (case handling as Hunspell) */
  correct(word: string): boolean;
  /**
   * Up to `max` suggestions, best first; [] when none. The slower n-gram search runs only when
   * the edit search finds nothing good, unless `exhaustive` (used before an automatic fix, which
   * needs to know that there is exactly one candidate).
   */
  suggest(word: string, max?: number, exhaustive?: boolean): string[];
  /** add words at run time (project dictionary from config); case-insensitive when given lowercase */
  add(word: string): void;
}

export interface SpellerInfo {
  locale: string;
  dictionary: string;
  version: string;
  compiledNow: boolean;
  loadMs: number;
}

interface DictionarySpec {
  /** dictionary id (what resolveSpellingLocale returns) */
  id: string;
  /** npm package */
  pkg: string;
  /** language code for keyboard defaults */
  lang: string;
  /** Hunspell `index.aff`/`index.dic` (the wooorm `dictionary-*` packages) or a cspell trie */
  kind: 'hunspell' | 'cspell-trie';
  /** a file of the package that `require.resolve` can find (its exports), for cspell tries the trie */
  file?: string;
}

const DICTIONARIES: Record<string, DictionarySpec> = {
  en: { id: 'en', pkg: 'dictionary-en', lang: 'en', kind: 'hunspell' },
  'en-GB': { id: 'en-GB', pkg: 'dictionary-en-gb', lang: 'en', kind: 'hunspell' },
  it: { id: 'it', pkg: 'dictionary-it', lang: 'it', kind: 'hunspell' },
  fr: { id: 'fr', pkg: 'dictionary-fr', lang: 'fr', kind: 'hunspell' },
  es: { id: 'es', pkg: 'dictionary-es', lang: 'es', kind: 'hunspell' },
  de: { id: 'de', pkg: 'dictionary-de', lang: 'de', kind: 'hunspell' },
  // Finnish: no Hunspell dictionary in npm; cspell's word list (LGPL-3.0), see bench/spell/README.md
  fi: { id: 'fi', pkg: '@cspell/dict-fi-fi', lang: 'fi', kind: 'cspell-trie', file: 'dict/fi-fi.trie.gz' },
};

/** English regions that follow British spelling (colour, organise, centre). */
const BRITISH_REGIONS = new Set([
  'GB', 'UK', 'AU', 'NZ', 'IE', 'ZA', 'IN', 'SG', 'HK', 'MT', 'MY', 'PK', 'NG', 'KE', 'GH', 'JM', 'CY', 'BD', 'LK', 'TT',
  'ZW', 'UG', 'TZ', 'ZM', 'BW', 'NA', 'MU', 'FJ', 'GI', 'IM', 'JE', 'GG',
]);

/** Map a BCP-47-ish locale ('en', 'en-US', 'en_GB', 'it-IT', 'de_DE', 'fi') to a supported dictionary id, or undefined. */
export function resolveSpellingLocale(locale: string): string | undefined {
  if (typeof locale !== 'string') return undefined;
  const tags = locale
    .trim()
    .replace(/@.*$/, '') // POSIX modifier: de_DE@euro
    .replace(/\.[\w-]+$/, '') // POSIX codeset: en_GB.UTF-8
    .split(/[-_]/)
    .filter(Boolean);
  if (tags.length === 0) return undefined;
  const language = tags[0].toLowerCase();
  // region: the first 2-letter or 3-digit subtag after the language (skip scripts like Latn)
  const region = tags.slice(1).find((t) => /^[A-Za-z]{2}$|^\d{3}$/.test(t))?.toUpperCase();
  switch (language) {
    case 'en':
    case 'eng':
      return region && BRITISH_REGIONS.has(region) ? 'en-GB' : 'en';
    case 'it':
    case 'ita':
      return 'it';
    case 'fr':
    case 'fra':
    case 'fre':
      return 'fr';
    case 'es':
    case 'spa':
      return 'es';
    case 'de':
    case 'deu':
    case 'ger':
      return 'de';
    case 'fi':
    case 'fin':
      return 'fi';
    default:
      return undefined;
  }
}

// ------------------------------------------------------------------ cache

/** Bump when the layout of the compiled data changes. */
const CACHE_FORMAT = 10;

interface CompiledDictionary {
  format: number;
  key: string;
  prepared: PreparedAff;
  tables: WordTables;
}

function cacheKey(spec: DictionarySpec, version: string, affSize: number, dicSize: number): string {
  return [CACHE_FORMAT, process.versions.v8, spec.pkg, version, affSize, dicSize].join('|');
}

/** Directories tried for the compiled cache, in order. */
function cacheDirs(pkgDir: string): string[] {
  const env = process.env.MSGLINT_SPELL_CACHE;
  if (env === '0' || env === 'off' || env === 'false') return [];
  // an explicit directory is the only one used (benchmarks, read-only installs)
  if (env) return [env];
  const dirs: string[] = [];
  // <...>/node_modules/dictionary-xx -> <...>/node_modules/.cache/msglint/spell
  const parts = pkgDir.split(sep);
  const nm = parts.lastIndexOf('node_modules');
  if (nm >= 0) dirs.push(join(parts.slice(0, nm + 1).join(sep) || sep, '.cache', 'msglint', 'spell'));
  dirs.push(join(tmpdir(), 'msglint-spell'));
  return dirs;
}

function readCache(file: string, key: string): CompiledDictionary | undefined {
  try {
    const data = deserialize(readFileSync(file)) as CompiledDictionary;
    if (data && data.format === CACHE_FORMAT && data.key === key && data.prepared?.tables && data.tables?.table) return data;
  } catch {
    // missing, unreadable or from another Node version: compile again
  }
  return undefined;
}

function writeCache(dirs: string[], name: string, data: CompiledDictionary | CompiledWordList): void {
  const buf = serialize(data);
  for (const dir of dirs) {
    const file = join(dir, name);
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(tmp, buf);
      renameSync(tmp, file); // atomic: concurrent processes never see half a file
      return;
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to clean
      }
    }
  }
}

// ------------------------------------------------------------------ loading

interface Loaded {
  speller: Speller;
  info: SpellerInfo;
}

const loaded = new Map<string, Loaded>();
const requireFromHere = createRequire(import.meta.url);

function packageDir(spec: DictionarySpec): string | undefined {
  try {
    if (spec.kind === 'cspell-trie') {
      // the package exports only its cspell-ext.json
      return dirname(requireFromHere.resolve(`${spec.pkg}/cspell-ext.json`));
    }
    return dirname(requireFromHere.resolve(spec.pkg));
  } catch {
    return undefined;
  }
}

function packageVersion(dir: string): string {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

interface CompiledWordList {
  format: number;
  key: string;
  graph: WordGraph;
}

/** Load (or decode and cache) a cspell trie word list. Exposed for benchmarks. */
export function loadWordList(spec: DictionarySpec): { checker: WordListChecker; version: string; compiledNow: boolean } | undefined {
  const dir = packageDir(spec);
  if (!dir || !spec.file) return undefined;
  const file = join(dir, spec.file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  const version = packageVersion(dir);
  const key = [CACHE_FORMAT, process.versions.v8, spec.pkg, version, size].join('|');
  const name = `${spec.pkg.replace('/', '+')}@${version}.bin`;
  const dirs = cacheDirs(dir);
  for (const d of dirs) {
    try {
      const data = deserialize(readFileSync(join(d, name))) as CompiledWordList;
      if (data && data.format === CACHE_FORMAT && data.key === key && data.graph?.start) {
        return { checker: new WordListChecker(data.graph, spec.lang), version, compiledNow: false };
      }
    } catch {
      // compile again
    }
  }
  let graph: WordGraph;
  try {
    // zlib only for this first compile of the Finnish list (loading it costs every run ~2 ms)
    const { gunzipSync } = process.getBuiltinModule('node:zlib');
    graph = decodeTrieV3(gunzipSync(readFileSync(file)).toString('utf8'));
  } catch {
    return undefined; // unreadable or another trie format: no speller rather than a crash
  }
  if (dirs.length) writeCache(dirs, name, { format: CACHE_FORMAT, key, graph });
  return { checker: new WordListChecker(graph, spec.lang), version, compiledNow: true };
}

/** Load (or compile) the checker for a dictionary. Exposed for benchmarks. */
export function loadChecker(spec: DictionarySpec): { checker: HunspellChecker; version: string; compiledNow: boolean } | undefined {
  if (spec.kind !== 'hunspell') return undefined;
  const dir = packageDir(spec);
  if (!dir) return undefined;
  const affPath = join(dir, 'index.aff');
  const dicPath = join(dir, 'index.dic');
  let version = '0.0.0';
  let affSize: number;
  let dicSize: number;
  try {
    version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? version;
    affSize = statSync(affPath).size;
    dicSize = statSync(dicPath).size;
  } catch {
    return undefined;
  }
  const key = cacheKey(spec, version, affSize, dicSize);
  const name = `${spec.pkg}@${version}.bin`;
  const dirs = cacheDirs(dir);
  const dicText = readFileSync(dicPath, 'utf8');
  for (const d of dirs) {
    const cached = readCache(join(d, name), key);
    if (cached) {
      const aff = cached.prepared.aff;
      const store = new WordStore(dicText, cached.tables, aff.flagMode, aff.flagAliases);
      return { checker: new HunspellChecker(cached.prepared, store), version, compiledNow: false };
    }
  }
  const affText = readFileSync(affPath, 'utf8');
  const checker = HunspellChecker.fromText(affText, dicText);
  if (dirs.length) {
    const tables = buildWordTables(dicText); // fresh copy: the checker's own may be written to
    tables.firstLetters = firstLetterIndex(dicText, (e) => tables.wordStart[e], tables.size);
    tables.ruleFirstChars = checker.ruleFirstCharsOf(0, tables.size); // the same listed entries
    tables.prefixFilter = prefixFilter(dicText, tables.wordStart, tables.wordLen, tables.size);
    writeCache(dirs, name, { format: CACHE_FORMAT, key, prepared: checker.prepared, tables });
  }
  return { checker, version, compiledNow: true };
}

class HunspellSpeller implements Speller {
  private readonly checker: HunspellChecker;
  private readonly lang: string;
  private suggester: Suggester | null = null;
  private cache = new Map<string, boolean>();

  constructor(checker: HunspellChecker, lang: string) {
    this.checker = checker;
    this.lang = lang;
  }

  correct(word: string): boolean {
    let r = this.cache.get(word);
    if (r !== undefined) return r;
    const c = this.checker;
    r = c.spell(c.normalize(word));
    // German: linking-s compounds the dictionary does not list (german-compounds.ts)
    if (!r && this.lang === 'de') r = isLinkingSCompound(word, (part) => this.correct(part), (part) => this.endsCompound(part));
    if (this.cache.size >= 50_000) this.cache = new Map();
    this.cache.set(word, r);
    return r;
  }

  /** May `part` end a German compound: listed as a last part, or a compound itself (`verfolgungsnummer`)? */
  private endsCompound(part: string): boolean {
    const c = this.checker;
    if (c.isCompoundEnd(part)) return true;
    const noun = initCap(part);
    if (c.checkForSuggest(noun) >= 0 && c.lastCompound) return true;
    return isLinkingSCompound(noun, (w) => this.correct(w), (p) => this.endsCompound(p));
  }

  suggest(word: string, max = 5, exhaustive = false): string[] {
    const suggester = (this.suggester ??= new Suggester(this.checker, this.lang));
    if (this.lang !== 'de') return suggester.suggest(word, max, exhaustive);
    // German: a typo after a linking-s first part is corrected in the last part (german-compounds.ts)
    const fixedLast = linkingSSuggestions(word, (part) => this.correct(part), (part) => this.endsCompound(part), (last) => suggester.suggest(last, max, exhaustive));
    if (fixedLast.length >= max) return fixedLast.slice(0, max);
    return [...new Set([...fixedLast, ...suggester.suggest(word, max, exhaustive)])].slice(0, max);
  }

  add(word: string): void {
    const c = this.checker;
    const w = c.normalize(word.trim());
    if (!w) return;
    const id = c.dic.addEntry(w, []);
    // mixed case (MsgLint) is also accepted in capitals, like Hunspell's dictionary words
    if (capType(w) !== 0) c.addHiddenFor(id);
    c.invalidate();
    this.cache.clear();
    this.suggester?.invalidate();
  }
}

class WordListSpeller implements Speller {
  private cache = new Map<string, boolean>();
  constructor(private readonly checker: WordListChecker) {}

  correct(word: string): boolean {
    let r = this.cache.get(word);
    if (r === undefined) {
      r = this.checker.correct(word);
      if (this.cache.size >= 50_000) this.cache = new Map();
      this.cache.set(word, r);
    }
    return r;
  }

  suggest(word: string, max = 5): string[] {
    return this.checker.suggest(word, max);
  }

  add(word: string): void {
    this.checker.add(word);
    this.cache.clear();
  }
}

/**
 * Synchronous; the loaded speller is cached per dictionary id for the process, and the
 * answer per locale string (the spelling rule asks for every message).
 */
export function loadSpeller(locale: string): { speller: Speller; info: SpellerInfo } | undefined {
  return spellerOfLocale(locale);
}

const spellerOfLocale = memoize(loadSpellerUncached, 1000);

function loadSpellerUncached(locale: string): { speller: Speller; info: SpellerInfo } | undefined {
  const id = resolveSpellingLocale(locale);
  if (!id) return undefined;
  const hit = loaded.get(id);
  if (hit) return hit;
  const spec = DICTIONARIES[id];
  if (!spec) return undefined;
  const t0 = performance.now();
  let speller: Speller;
  let r: { version: string; compiledNow: boolean } | undefined;
  if (spec.kind === 'cspell-trie') {
    const w = loadWordList(spec);
    if (!w) return undefined;
    r = w;
    speller = new WordListSpeller(w.checker);
  } else {
    const h = loadChecker(spec);
    if (!h) return undefined;
    r = h;
    speller = new HunspellSpeller(h.checker, spec.lang);
  }
  const info: SpellerInfo = {
    locale,
    dictionary: spec.pkg,
    version: r.version,
    compiledNow: r.compiledNow,
    loadMs: Math.round((performance.now() - t0) * 10) / 10,
  };
  const out = { speller, info };
  loaded.set(id, out);
  return out;
}

/** Dictionary ids this build knows (each loads when its package is installed). */
export const SPELLING_DICTIONARIES: readonly string[] = Object.keys(DICTIONARIES);

export { DICTIONARIES as _DICTIONARIES };
