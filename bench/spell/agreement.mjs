#!/usr/bin/env node
// Agreement of msglint's checker with Hunspell itself (libhunspell 1.7 through tools/hscheck.c).
// A development tool, not a test: it needs `apt-get install hunspell libhunspell-dev gcc`.
//
//   gcc -O2 -o /tmp/hscheck bench/spell/tools/hscheck.c -lhunspell
//   HSCHECK=/tmp/hscheck node bench/spell/agreement.mjs [en en-GB it fr es de] [--show N]
//
// Word list per language (deterministic, about 7,000 words):
//  - every word of the chat corpora in /work/shared/corpora for that language,
//  - word forms generated from random dictionary entries with their affixes,
//  - the same forms with one random typo (mostly misspellings),
//  - case variants (Initial, ALL CAPS, lower case of capitalised words),
//  - for German, random noun + noun compounds.
// The module under test is dist/src/language/spell/index.js, or SPELL_MODULE.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const modPath = process.env.SPELL_MODULE ?? join(root, 'dist/src/language/spell/index.js');
const { loadChecker, _DICTIONARIES } = await import(pathToFileURL(modPath).href);
const { Suggester } = await import(pathToFileURL(join(dirname(modPath), 'suggest.js')).href);
const hscheck = process.env.HSCHECK ?? '/tmp/hscheck';
if (!existsSync(hscheck)) {
  console.error(`reference checker not found: ${hscheck} (see the header of this file)`);
  process.exit(2);
}
const args = process.argv.slice(2);
const showIdx = args.indexOf('--show');
const show = showIdx >= 0 ? Number(args[showIdx + 1]) : 15;
const langs = args.filter((a, i) => !a.startsWith('--') && (showIdx < 0 || i !== showIdx + 1));
const ids = langs.length ? langs : ['en', 'en-GB', 'it', 'fr', 'es', 'de'];

const CORPORA = '/work/shared/corpora';
const CORPUS_LOCALES = { en: ['en_US'], 'en-GB': ['en_US'], it: ['it_IT'], fr: ['fr_FR'], es: ['es_ES', 'es_LA'], de: ['de_DE'] };

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpusWords(id) {
  const out = new Set();
  const files = [];
  const walk = (d) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, f.name);
      if (f.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  if (existsSync(CORPORA)) walk(CORPORA);
  const wanted = CORPUS_LOCALES[id] ?? [];
  for (const f of files) {
    const isLocaleFile = /locales\/[a-z]{2}_[A-Z]{2}\.json$/.test(f);
    const ok = isLocaleFile ? wanted.some((l) => f.endsWith(`${l}.json`)) : id === 'en' || id === 'en-GB';
    if (!ok || !/\.(json|ya?ml|lg|md|txt)$/.test(f)) continue;
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/[\p{L}\p{M}][\p{L}\p{M}'’-]*[\p{L}\p{M}]|[\p{L}]/gu)) out.add(m[0]);
  }
  return [...out];
}

const TYPO_CHARS = 'abcdefghijklmnopqrstuvwxyzéèàü';
function typo(w, r) {
  const a = Array.from(w);
  const i = Math.floor(r() * a.length);
  const op = Math.floor(r() * 4);
  const ch = TYPO_CHARS[Math.floor(r() * TYPO_CHARS.length)];
  if (op === 0 && a.length > 2) a.splice(i, 1);
  else if (op === 1 && i + 1 < a.length) [a[i], a[i + 1]] = [a[i + 1], a[i]];
  else if (op === 2) a[i] = ch;
  else a.splice(i, 0, ch);
  return a.join('');
}

function wordList(id, checker) {
  const r = rng(0x5eed + id.length * 7919 + id.charCodeAt(0));
  const dic = checker.dic;
  const sug = new Suggester(checker, id.slice(0, 2));
  const words = new Set(corpusWords(id));
  const corpusCount = words.size;
  const forms = [];
  for (let n = 0; n < 3000; n++) {
    const e = Math.floor(r() * dic.size);
    const all = sug.expand(e).filter((f) => f.length < 40);
    for (let k = 0; k < 2 && all.length; k++) forms.push(all[Math.floor(r() * all.length)]);
  }
  for (const f of forms) words.add(f);
  for (let n = 0; n < 3000; n++) words.add(typo(forms[Math.floor(r() * forms.length)], r));
  for (let n = 0; n < 1500; n++) {
    const f = forms[Math.floor(r() * forms.length)];
    const v = n % 3 === 0 ? f[0].toUpperCase() + f.slice(1) : n % 3 === 1 ? f.toUpperCase() : f.toLowerCase();
    words.add(v);
  }
  // hyphenated pairs, ordinals and numbers, abbreviations with a dot
  for (let n = 0; n < 300; n++) {
    const a = forms[Math.floor(r() * forms.length)];
    const b = forms[Math.floor(r() * forms.length)];
    words.add(`${a}-${b}`);
  }
  for (const x of ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '1th', '2st', '21th', '3,5', '1.000,50', '1--2', '10.', 'etc.', 'e.g.', 'Mr.', 'mr.', 'U.S.', "l'", "L'HÔTEL", "DELL'ORDINE", "QU'IL", 'STRASSE', 'Strasse', 'MASSE', 'straße', "it's", "IT'S", "It's", 'iPhone', 'IPHONE', 'Iphone', 'iphone', 'NASA', 'nasa', 'Nasa', 'OpenOffice', 'OPENOFFICE'])
    words.add(x);
  if (id === 'de') {
    const nouns = [];
    for (let n = 0; n < 20000 && nouns.length < 2000; n++) {
      const e = Math.floor(r() * dic.size);
      const w = dic.word(e);
      if (/^[A-ZÄÖÜ][a-zäöüß]{3,}$/.test(w)) nouns.push(w);
    }
    for (let n = 0; n < 800; n++) {
      const a = nouns[Math.floor(r() * nouns.length)];
      const b = nouns[Math.floor(r() * nouns.length)];
      words.add(a + b.toLowerCase());
      if (n % 2) words.add(a + 's' + b.toLowerCase());
    }
  }
  return { words: [...words].filter((w) => w && !w.includes('\n')), corpusCount };
}

console.log('| dictionary | words | corpus words | hunspell accepts | agree | msglint accepts, hunspell rejects | msglint rejects, hunspell accepts |');
console.log('|---|---|---|---|---|---|---|');
const details = [];
for (const id of ids) {
  const spec = _DICTIONARIES[id];
  const { checker } = loadChecker(spec);
  const { words, corpusCount } = wordList(id, checker);
  const base = join(root, 'node_modules', spec.pkg, 'index');
  const outText = execFileSync(hscheck, [base], { input: words.join('\n') + '\n', maxBuffer: 1 << 28 }).toString('utf8');
  const ref = new Map();
  for (const line of outText.split('\n')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    ref.set(line.slice(tab + 1), line[0] === '1');
  }
  let agree = 0;
  let refAccepts = 0;
  const falseAccept = [];
  const falseReject = [];
  for (const w of words) {
    const mine = checker.spell(checker.normalize(w));
    const theirs = ref.get(w);
    if (theirs === undefined) continue;
    if (theirs) refAccepts++;
    if (mine === theirs) agree++;
    else (mine ? falseAccept : falseReject).push(w);
  }
  const total = agree + falseAccept.length + falseReject.length;
  console.log(`| ${id} | ${total} | ${corpusCount} | ${refAccepts} | ${((100 * agree) / total).toFixed(2)}% | ${falseAccept.length} | ${falseReject.length} |`);
  details.push(`${id}: accepted only by msglint: ${falseAccept.slice(0, show).join(' ')}`);
  details.push(`${id}: rejected only by msglint: ${falseReject.slice(0, show).join(' ')}`);
}
console.log('\n' + details.join('\n'));
