#!/usr/bin/env node
// Spelling quality on English:
//  - 1,000 typo -> correction pairs from codespell (data/codespell-en-1000.tsv, CC BY-SA 3.0):
//    recall (typo flagged), top-1 / top-5 suggestion accuracy, suggestion time;
//  - false positives per 1,000 words of the English chat corpora in /work/shared/corpora
//    (words skipped as the spelling rule skips them: digits, short acronyms, placeholders).
// With HSCHECK=/path/to/hscheck (bench/spell/tools/hscheck.c) Hunspell's own suggestions are
// measured on the same pairs for comparison.
//
//   node bench/spell/quality.mjs [en|en-GB] [--list]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const modPath = process.env.SPELL_MODULE ?? join(root, 'dist/src/language/spell/index.js');
const { loadSpeller } = await import(pathToFileURL(modPath).href);
const id = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'en';
const list = process.argv.includes('--list');
const { speller, info } = loadSpeller(id);

// ------------------------------------------------------------ typo pairs
const pairs = readFileSync(join(here, 'data/codespell-en-1000.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t'));
let usable = 0;
let flagged = 0;
let top1 = 0;
let top5 = 0;
const times = [];
const misses = [];
const usablePairs = [];
for (const [typo, fix] of pairs) {
  if (!speller.correct(fix)) continue; // the dictionary lacks the correction (or it is British/US)
  usable++;
  usablePairs.push([typo, fix]);
  if (speller.correct(typo)) continue; // a real word (codespell also lists real-word errors)
  flagged++;
  const t = performance.now();
  const s = speller.suggest(typo, 5);
  times.push(performance.now() - t);
  if (s[0] === fix) top1++;
  else misses.push(`${typo} -> ${fix}: ${s.slice(0, 3).join(', ')}`);
  if (s.includes(fix)) top5++;
}
times.sort((a, b) => a - b);
const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);

console.log(`${info.dictionary}@${info.version} (${id})\n`);
console.log('| measure | msglint |' + (process.env.HSCHECK ? ' hunspell 1.7 |' : ''));
console.log('|---|---|' + (process.env.HSCHECK ? '---|' : ''));

let hs = null;
if (process.env.HSCHECK && existsSync(process.env.HSCHECK)) {
  const base = join(root, 'node_modules', info.dictionary, 'index');
  const input = usablePairs.map(([t]) => t).join('\n') + '\n';
  const t0 = performance.now();
  const out = execFileSync(process.env.HSCHECK, [base, '-s'], { input, maxBuffer: 1 << 26 }).toString('utf8');
  const ms = performance.now() - t0;
  let hf = 0;
  let h1 = 0;
  let h5 = 0;
  const lines = out.split('\n').filter(Boolean);
  lines.forEach((line, i) => {
    const [ok, , sugg = ''] = line.split('\t');
    if (ok === '1') return;
    hf++;
    const s = sugg ? sugg.split('|') : [];
    const fix = usablePairs[i][1];
    if (s[0] === fix) h1++;
    if (s.slice(0, 5).includes(fix)) h5++;
  });
  hs = { hf, h1, h5, ms: ms / Math.max(1, hf) };
}
const row = (name, mine, theirs) => console.log(`| ${name} | ${mine} |` + (hs ? ` ${theirs} |` : ''));
row('pairs (correction in the dictionary)', `${usable} of ${pairs.length}`, usable);
row('recall: typo flagged', `${flagged} (${pct(flagged, usable)})`, hs && `${hs.hf} (${pct(hs.hf, usable)})`);
row('top-1 suggestion correct (of flagged)', pct(top1, flagged), hs && pct(hs.h1, hs.hf));
row('correction in top 5', pct(top5, flagged), hs && pct(hs.h5, hs.hf));
row('suggestion time median / p95 / max', `${q(0.5)} / ${q(0.95)} / ${times[times.length - 1].toFixed(1)} ms`, hs && `${hs.ms.toFixed(1)} ms mean (native)`);

// ------------------------------------------------------------ false positives
const CORPORA = '/work/shared/corpora';
function* files(d) {
  for (const f of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, f.name);
    if (f.isDirectory()) yield* files(p);
    else yield p;
  }
}
function irrelevant(word) {
  return word.length < 2 || /\d/.test(word) || /^[\p{Lu}\p{N}]{2,5}$/u.test(word) || /^[\p{Lu}]+s$/u.test(word);
}
if (existsSync(CORPORA)) {
  let words = 0;
  const unknown = new Map();
  for (const f of files(CORPORA)) {
    if (/locales\/(?!en_US)[a-z]{2}_[A-Z]{2}\.json$/.test(f) || !/\.(json|ya?ml|lg)$/.test(f)) continue;
    let text = readFileSync(f, 'utf8');
    text = text.replace(/\{\{[^}]*\}\}|\$\{[^}]*\}|\{[^{}\s]*\}|https?:\/\/\S+|\S+@\S+\.\w+/g, ' ');
    // only string values: YAML/JSON keys are identifiers, not prose
    const strings = [...text.matchAll(/"((?:[^"\\]|\\.)*)"|(?:^|\n)\s*-?\s*(?:text|title|message|subtitle|body|description|- ).*?:?\s*(.+)/g)].map((m) => m[1] ?? m[2] ?? '');
    for (const s of strings) {
      if (!/\s/.test(s.trim())) continue; // identifiers, keys, one-word values
      const tokens = s.replace(/\\n/g, ' ').split(/\s+/).filter((t) => t.length < 25 && !/[/=_<>|\\@#]|\w\.\w/.test(t)); // no code, paths, base64
      for (const m of tokens.join(' ').matchAll(/[\p{L}\p{M}][\p{L}\p{M}'’-]*[\p{L}\p{M}]|\p{L}/gu)) {
        const w = m[0];
        if (irrelevant(w) || /\p{Ll}\p{Lu}/u.test(w)) continue; // camelCase identifiers
        words++;
        if (!speller.correct(w)) {
          const parts = w.split(/[-']/).filter(Boolean);
          if (parts.length > 1 && parts.every((p) => irrelevant(p) || speller.correct(p))) continue;
          unknown.set(w, (unknown.get(w) ?? 0) + 1);
        }
      }
    }
  }
  const fp = [...unknown.values()].reduce((a, b) => a + b, 0);
  row('corpus words checked (en chat corpora)', words, '');
  row('flagged per 1,000 corpus words', ((1000 * fp) / words).toFixed(1), '');
  console.log(`\nflagged corpus words (most frequent first): ${[...unknown].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([w, n]) => (n > 1 ? `${w}×${n}` : w)).join(', ')}`);
}
if (list) console.log(`\ntop-1 misses:\n${misses.join('\n')}`);
else console.log(`\nsome top-1 misses: ${misses.slice(0, 25).join('; ')}`);

// ------------------------------------------------------------ synthetic typos, every language
// One random edit (deletion, adjacent swap, substitution, insertion, accent dropped) applied
// to the words (5+ letters) of each language's chat corpus; how often is the original word
// the first suggestion? Weaker than real typo lists: a random edit is sometimes another word
// or more ambiguous than a human typo.
if (process.argv.includes('--synthetic')) {
  const LOCALE_FILES = { en: 'en_US', it: 'it_IT', fr: 'fr_FR', es: 'es_ES', de: 'de_DE' };
  const lines = ['', '| language | typos | flagged | top-1 | top-3 | suggest median / p95 |', '|---|---|---|---|---|---|'];
  for (const [lang, file] of Object.entries(LOCALE_FILES)) {
    const sp = loadSpeller(lang).speller;
    const text = readFileSync(join(CORPORA, 'original-coast-clothing/locales', `${file}.json`), 'utf8').replace(/\{\{[^}]*\}\}/g, ' ');
    const words = [...new Set([...text.matchAll(/\p{L}{5,}/gu)].map((m) => m[0]))].filter((w) => sp.correct(w)).sort();
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const letters = Array.from(lang === 'de' ? 'abcdefghijklmnoprstuüäöz' : lang === 'en' ? 'abcdefghiklmnoprstuwy' : 'abcdefghilmnoprstuvzéèàíóá');
    let n = 0, flaggedN = 0, t1 = 0, t3 = 0;
    const ts = [];
    for (const w of words) {
      const a = Array.from(w);
      const i = 1 + Math.floor(rnd() * (a.length - 1));
      const op = Math.floor(rnd() * 5);
      if (op === 0) a.splice(i, 1);
      else if (op === 1 && i + 1 < a.length) [a[i], a[i + 1]] = [a[i + 1], a[i]];
      else if (op === 2) a[i] = letters[Math.floor(rnd() * letters.length)];
      else if (op === 3) a.splice(i, 0, letters[Math.floor(rnd() * letters.length)]);
      else {
        const j = a.findIndex((c) => c !== c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
        if (j < 0) a.splice(i, 1);
        else a[j] = a[j].normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      }
      const typo = a.join('');
      if (typo === w) continue;
      n++;
      if (sp.correct(typo)) continue;
      flaggedN++;
      const t = performance.now();
      const s = sp.suggest(typo, 3);
      ts.push(performance.now() - t);
      if (s[0] === w) t1++;
      if (s.includes(w)) t3++;
    }
    ts.sort((x, y) => x - y);
    lines.push(`| ${lang} | ${n} | ${flaggedN} | ${pct(t1, flaggedN)} | ${pct(t3, flaggedN)} | ${ts[ts.length >> 1].toFixed(1)} / ${ts[Math.floor(ts.length * 0.95)].toFixed(1)} ms |`);
  }
  console.log(lines.join('\n'));
}
