#!/usr/bin/env node
// Spelling engine benchmark: per language, in fresh processes (NODE_EXTRA_CA_CERTS unset):
//  - first use on a machine (compiles the dictionary and writes the cache),
//  - ready time with the cache warm (median of RUNS processes),
//  - RSS added by the loaded speller, check throughput, suggestion time.
//
//   npx tsc -p tsconfig.json   (or SPELL_MODULE=/path/to/compiled/index.js)
//   node bench/spell/load.mjs [en en-GB it fr es de fi] [--runs 5]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const modPath = process.env.SPELL_MODULE ?? join(root, 'dist/src/language/spell/index.js');

// ---------------------------------------------------------------- child
if (process.argv[2] === '--child') {
  const [, , , id, mode] = process.argv;
  const rss0 = process.memoryUsage().rss;
  const tImport = performance.now();
  const mod = await import(pathToFileURL(modPath).href);
  const importMs = performance.now() - tImport;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const loaded = mod.loadSpeller(id);
  loaded.speller.correct('hello'); // ready = loaded and answering
  const readyMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const readyCpuMs = (cpu.user + cpu.system) / 1000;
  const rss1 = process.memoryUsage().rss;
  const out = { id, importMs, readyMs, readyCpuMs, info: loaded.info, rssMB: (rss1 - rss0) / 1e6 };
  if (mode === 'full') {
    const { speller } = loaded;
    const { Suggester } = await import(pathToFileURL(join(dirname(modPath), 'suggest.js')).href);
    const { loadChecker, loadWordList, _DICTIONARIES } = mod;
    // a realistic word stream: generated word forms (90%) and typos (10%), every word distinct
    let seed = 42;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    let randomForm;
    if (_DICTIONARIES[id].kind === 'cspell-trie') {
      // random walks in the word graph
      const g = loadWordList(_DICTIONARIES[id]).checker.graph;
      randomForm = () => {
        let n = 0;
        let w = '';
        for (let steps = 0; steps < 40; steps++) {
          const deg = g.start[n + 1] - g.start[n];
          if (g.final[n] && w.length > 3 && (deg === 0 || rnd() < 0.25)) return w;
          if (deg === 0) return w;
          const e = g.start[n] + Math.floor(rnd() * deg);
          w += String.fromCharCode(g.chars[e]);
          n = g.targets[e];
        }
        return '';
      };
    } else {
      const { checker } = loadChecker(_DICTIONARIES[id]);
      const sug = new Suggester(checker, id.slice(0, 2));
      randomForm = () => {
        const forms = sug.expand(Math.floor(rnd() * checker.dic.size));
        return forms[Math.floor(rnd() * forms.length)];
      };
    }
    const words = new Set();
    while (words.size < 60000) {
      const f = randomForm();
      if (!f) continue;
      if (rnd() < 0.1) {
        const i = Math.floor(rnd() * f.length);
        words.add(f.slice(0, i) + 'q' + f.slice(i + 1));
      } else words.add(f);
    }
    const list = [...words];
    // cold pass: every word seen once (no result cache hits)
    let t = performance.now();
    let bad = 0;
    for (const w of list) if (!speller.correct(w)) bad++;
    out.uniqueWordsPerSec = list.length / ((performance.now() - t) / 1000);
    // chat text repeats words: 200k lookups drawn from a Zipf-like distribution over the list
    const stream = [];
    for (let i = 0; i < 200000; i++) stream.push(list[Math.floor(list.length * rnd() ** 3)]);
    t = performance.now();
    for (const w of stream) speller.correct(w);
    out.streamWordsPerSec = stream.length / ((performance.now() - t) / 1000);
    out.rejectedShare = bad / list.length;
    // suggestions: first call (lazy structures), then median of typos
    const typos = {
      en: ['recieve', 'tomorow', 'adress', 'definately', 'wich', 'shiping', 'delivry', 'accomodation', 'orderd', 'Thnaks'],
      'en-GB': ['recieve', 'colur', 'adress', 'definately', 'organisaton', 'shiping', 'delivry', 'accomodation', 'orderd', 'Thnaks'],
      it: ['spedizone', 'ordne', 'grazei', 'indirrizzo', 'pagamneto', 'consgna', 'prodoto', 'acquisot', 'cliennte', 'richeista'],
      fr: ['livraisn', 'commnde', 'merrci', 'adrese', 'paiment', 'produt', 'clinet', 'démande', 'rembourssement', 'boutiqe'],
      es: ['envio', 'pedidio', 'gracais', 'direcion', 'pagoo', 'produto', 'clietne', 'devolucion', 'tienda', 'envíanso'],
      de: ['Lieferadrese', 'Bestelung', 'Dnake', 'Kundenservise', 'Zahlumg', 'Produckt', 'Rücksendnug', 'Versnad', 'bestelen', 'Liefrung'],
      fi: ['tilasu', 'kiitso', 'toimitsu', 'asiakaspalvlu', 'pakeetti', 'sahkoposti', 'toimitusosoitte', 'maksutpa', 'palatus', 'alenuskoodi'],
    }[id];
    t = performance.now();
    speller.suggest(typos[0]);
    out.firstSuggestMs = performance.now() - t;
    const times = [];
    out.suggestions = {};
    for (const w of typos) {
      t = performance.now();
      out.suggestions[w] = speller.suggest(w, 3);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.suggestMedianMs = times[times.length >> 1];
    out.suggestMaxMs = times[times.length - 1];
    out.rssAfterMB = process.memoryUsage().rss / 1e6;
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}

// ---------------------------------------------------------------- parent
const args = process.argv.slice(2);
const runsIdx = args.indexOf('--runs');
const RUNS = runsIdx >= 0 ? Number(args[runsIdx + 1]) : 5;
const ids = args.filter((a, i) => !a.startsWith('--') && (runsIdx < 0 || i !== runsIdx + 1));
const langs = ids.length ? ids : ['en', 'en-GB', 'it', 'fr', 'es', 'de', 'fi'];
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
const cacheDir = mkdtempSync(join(tmpdir(), 'msglint-spell-bench-'));
env.MSGLINT_SPELL_CACHE = cacheDir;

function child(id, mode) {
  const t = performance.now();
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', id, mode], { env, maxBuffer: 1 << 24 }).toString();
  const r = JSON.parse(out.trim().split('\n').pop());
  r.processMs = performance.now() - t;
  return r;
}
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const f1 = (x) => x.toFixed(1);

console.log(`Node ${process.version}, ${RUNS} warm runs per language, cache in a fresh temp dir, load average ${(await import('node:os')).loadavg()[0].toFixed(1)}\n`);
console.log('| dictionary | first use (compile + write cache) | ready, cache warm: wall (CPU), median | whole process, warm | RSS added | unique words/s | words/s (repeating stream) | first suggest | suggest median / max |');
console.log('|---|---|---|---|---|---|---|---|---|');
const samples = [];
for (const id of langs) {
  const cold = child(id, 'load');
  if (!cold.info.compiledNow) console.error(`warning: ${id} was not compiled on first use`);
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(child(id, 'load'));
  const full = child(id, 'full');
  console.log(
    `| ${id} | ${f1(cold.readyMs)} ms | ${f1(med(warm.map((w) => w.readyMs)))} (${f1(med(warm.map((w) => w.readyCpuMs)))}) ms | ${f1(med(warm.map((w) => w.processMs)))} ms | ${f1(med(warm.map((w) => w.rssMB)))} MB | ${Math.round(full.uniqueWordsPerSec / 1000)}k | ${Math.round(full.streamWordsPerSec / 1000)}k | ${f1(full.firstSuggestMs)} ms | ${f1(full.suggestMedianMs)} / ${f1(full.suggestMaxMs)} ms |`,
  );
  samples.push(`${id}: ${Object.entries(full.suggestions).map(([w, s]) => `${w} → ${s.join(', ') || '∅'}`).join('; ')}`);
}
console.log('\n' + samples.join('\n'));
rmSync(cacheDir, { recursive: true, force: true });
