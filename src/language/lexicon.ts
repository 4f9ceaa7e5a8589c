// Loads lexicons (YAML phrase lists under rules/data/<language>/<name>.yml), compiles them
// once per process, and says which languages have which lists.
//
// File shape:
//   phrases:            # label → list of patterns (see phrases.ts for the syntax)
//     discount: ["<num> % off", "discount*"]
//   exceptions:         # patterns that cancel a match inside them ("feel free")
//     - feel free
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../paths.js';
import { readDataFile } from './data-files.js';
import { compilePhrase, PhraseSet } from './phrases.js';
import { normalize } from './tokens.js';
import { innerMap } from '../memo.js';

export const LEXICON_NAMES = ['promotional', 'sarcasm', 'closings', 'greetings'] as const;

export interface LexiconFile {
  phrases: Record<string, string[]>;
  exceptions?: string[];
  /** auxiliary word lists a rule needs (normalised on load) */
  lists?: Record<string, string[]>;
}

/** language → lexicon name → compiled set (null: no such lexicon) */
const cache = new Map<string, Map<string, PhraseSet | null>>();

export function lexiconPath(language: string, name: string): string {
  return join(DATA_DIR, language, `${name}.yml`);
}

const files = new Map<string, LexiconFile | null>();

export function readLexicon(language: string, name: string): LexiconFile | undefined {
  const path = lexiconPath(language, name);
  if (!files.has(path)) {
    const data = readDataFile(`${language}/${name}.yml`) as LexiconFile | undefined;
    if (data !== undefined && (!data || typeof data.phrases !== 'object')) throw new Error(`${path}: expected a \`phrases\` mapping`);
    files.set(path, data ?? null);
  }
  return files.get(path) ?? undefined;
}

/** The compiled lexicon for a language, or undefined when that language has none. */
export function loadLexicon(language: string, name: string): PhraseSet | undefined {
  const byName = innerMap(cache, language);
  let set = byName.get(name);
  if (set === undefined) {
    const data = readLexicon(language, name);
    byName.set(
      name,
      (set = data
        ? new PhraseSet(
            Object.entries(data.phrases).flatMap(([label, list]) => (list ?? []).map((p) => compilePhrase(String(p), label))),
            (data.exceptions ?? []).map((p) => compilePhrase(String(p), 'exception')),
          )
        : null),
    );
  }
  return set ?? undefined;
}

/** Languages that have a lexicon folder. */
export function lexiconLanguages(): string[] {
  return readdirSync(DATA_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z]{2,3}$/.test(d.name))
    .map((d) => d.name)
    .sort();
}

const lists = new Map<string, Map<string, Map<string, ReadonlySet<string>>>>();

/** An auxiliary word list of a lexicon (normalised), or an empty set; built once per process. */
export function loadList(language: string, name: string, list: string): ReadonlySet<string> {
  const byList = innerMap(innerMap(lists, language), name);
  let words = byList.get(list);
  if (!words) {
    const data = readLexicon(language, name);
    words = new Set((data?.lists?.[list] ?? []).map((w) => normalize(String(w))));
    byList.set(list, words);
  }
  return words;
}
