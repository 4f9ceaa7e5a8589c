#!/usr/bin/env node
// Before/after comparison of two msglint builds on the benchmark corpus, robust to a machine
// whose speed drifts: the runs of the two builds are interleaved (A B, B A, A B …), so a slow
// minute hits both, and the table gives the ratio of their medians.
//
//   node bench/compare.mjs --base ../msglint-base [--runs N] [scenario …]
//
// `--base` is another checkout of msglint, built (`npm ci` or `npm run build`), for example
// `git worktree add ../msglint-base <commit>`, with node_modules linked or installed. The
// other build is this checkout. Scenarios are folders of bench/out/ (`en/precommit`,
// `de/files-1mb` …; default: every language's pre-commit and 1 MB in 5,000 files); the
// corpus is built by `node bench/corpus.mjs`. Pre-commit scenarios get 3 × N runs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const LANGS = ['en', 'it', 'fr', 'es', 'de'];

function parseArgs(argv) {
  const out = { base: undefined, runs: 3, scenarios: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--base') out.base = resolve(argv[++i]);
    else if (argv[i] === '--runs') out.runs = Number(argv[++i]);
    else out.scenarios.push(argv[i]);
  }
  if (!out.base || !existsSync(join(out.base, 'bin', 'msglint.js'))) {
    console.error('usage: node bench/compare.mjs --base <other msglint checkout, built> [--runs N] [scenario …]');
    process.exit(2);
  }
  if (out.scenarios.length === 0) out.scenarios = [...LANGS.map((l) => `${l}/precommit`), ...LANGS.map((l) => `${l}/files-1mb`)];
  return out;
}

/** One cold run: wall and CPU seconds (from /usr/bin/time, as bench/run.mjs measures). */
function run(app, folder) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_EXTRA_CA_CERTS; // ~65 ms per node start in this sandbox
  delete env.NODE_OPTIONS;
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, join(app, 'bin', 'msglint.js'), '--format', 'json', folder], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const [wall, user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (s) => (s < 1 ? `${Math.round(s * 1000)} ms` : `${s.toFixed(2)} s`);

const { base, runs, scenarios } = parseArgs(process.argv.slice(2));
console.log(`base: ${base}\nnow:  ${ROOT}\n`);
console.log('| scenario | runs each | base wall | now wall | now ÷ base | base CPU | now CPU | now ÷ base |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const scenario of scenarios) {
  const folder = join(HERE, 'out', scenario, 'msglint');
  if (!existsSync(folder)) {
    console.log(`| ${scenario} | – | no corpus (node bench/corpus.mjs) | | | | | |`);
    continue;
  }
  const n = scenario.endsWith('precommit') ? runs * 3 : runs;
  const times = { base: [], now: [] };
  run(base, folder); // the first run of a build may compile caches: untimed
  run(ROOT, folder);
  for (let i = 0; i < n; i++) {
    const order = i % 2 === 0 ? ['base', 'now'] : ['now', 'base'];
    for (const which of order) times[which].push(run(which === 'base' ? base : ROOT, folder));
  }
  const m = (which, key) => median(times[which].map((t) => t[key]));
  const [bw, nw, bc, nc] = [m('base', 'wall'), m('now', 'wall'), m('base', 'cpu'), m('now', 'cpu')];
  console.log(`| ${scenario} | ${n} | ${fmt(bw)} | ${fmt(nw)} | ${(nw / bw).toFixed(2)} | ${fmt(bc)} | ${fmt(nc)} | ${(nc / bc).toFixed(2)} |`);
}
