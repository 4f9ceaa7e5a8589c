#!/usr/bin/env node
// msglint speed regression guard for CI (not a timed unit test).
//
//   node bench/guard.mjs [--runs K] [--max-ratio R] [--json]
//
// Runs the pre-commit scenario (bench/out/en/precommit: 5 catalogue files, 50 English
// messages with typos, all default rules, `--format json`) and `node -e 0` K times each
// (default 7), interleaved, each a new cold process, and compares the median wall times:
//
//   ratio = median(msglint) / median(node -e 0)
//
// A ratio survives a slow or busy CI machine far better than milliseconds do: both sides
// slow down together. The guard fails (exit 1) only when the ratio exceeds MAX_RATIO, a
// generous multiple of what was measured when the guard was written (bench/README.md has
// the figures and the reasoning). It prints the figures either way. Exit 2: it could not
// measure (dist/ missing, or msglint failed on the scenario).
//
// Override the threshold with --max-ratio R or MSGLINT_GUARD_MAX_RATIO=R.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus } from './corpus.mjs';
import { childEnv, measure, median } from './run.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');

/**
 * The ratio measured when the guard was written, and the threshold: 3 × that ratio.
 * Re-base both (bench/README.md, "The guard") when an optimisation lands, so that the guard
 * keeps catching a 3× regression from the new level.
 */
export const MEASURED_RATIO = 7;
export const MAX_RATIO = 3 * MEASURED_RATIO;

const argv = process.argv.slice(2);
const value = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Number(value('--runs') ?? 7);
const maxRatio = Number(value('--max-ratio') ?? process.env.MSGLINT_GUARD_MAX_RATIO ?? MAX_RATIO);

function fail(message) {
  console.error(`bench/guard: ${message}`);
  process.exit(2);
}

if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) fail('dist/ is missing: build msglint first (`npx tsc -p tsconfig.json`).');
if (!(runs >= 3) || !(maxRatio > 0)) fail('--runs must be ≥ 3 and --max-ratio > 0');

const manifest = ensureCorpus({ need: ['en/precommit'], quiet: true });
const scenario = manifest.scenarios['en/precommit'];
const target = relative(ROOT, join(HERE, scenario.msglint));
const msglint = { cmd: process.execPath, args: ['bin/msglint.js', '--format', 'json', target], cwd: ROOT, env: childEnv() };
const baseline = { cmd: process.execPath, args: ['-e', '0'], cwd: ROOT, env: childEnv() };

// One untimed run of each: the spelling cache is compiled on a machine's first use, and the
// files come into the page cache.
const warm = await measure(msglint, { timeoutS: 300, log: 'guard-msglint.log' });
if (warm.timedOut || ![0, 1].includes(warm.code)) fail(`msglint exited with ${warm.code}${warm.timedOut ? ' (timed out)' : ''} on ${target}; see bench/out/logs/guard-msglint.log`);
await measure(baseline, { timeoutS: 60 });

const times = { msglint: [], baseline: [], msglintCpu: [], baselineCpu: [] };
for (let i = 0; i < runs; i++) {
  const b = await measure(baseline, { timeoutS: 60 });
  const m = await measure(msglint, { timeoutS: 300 });
  if (m.timedOut || ![0, 1].includes(m.code)) fail(`msglint exited with ${m.code}${m.timedOut ? ' (timed out)' : ''} on run ${i + 1}`);
  times.baseline.push(b.wall);
  times.msglint.push(m.wall);
  if (m.user !== undefined && b.user !== undefined) {
    times.msglintCpu.push((m.user + m.sys) * 1000);
    times.baselineCpu.push((b.user + b.sys) * 1000);
  }
}
const mMed = median(times.msglint);
const bMed = median(times.baseline);
const ratio = mMed / bMed;
const cpuRatio = times.msglintCpu.length ? median(times.msglintCpu) / Math.max(1, median(times.baselineCpu)) : undefined;
const pass = ratio <= maxRatio;
const fmt = (xs) => xs.map((x) => Math.round(x)).join(' ');
const report = {
  scenario: `en/precommit (${scenario.files} files, ${scenario.messages} messages, ${scenario.typos} typos)`,
  runs,
  msglintMedianMs: Math.round(mMed),
  baselineMedianMs: Math.round(bMed),
  ratio: +ratio.toFixed(2),
  cpuRatio: cpuRatio === undefined ? null : +cpuRatio.toFixed(2),
  maxRatio,
  measuredRatio: MEASURED_RATIO,
  pass,
};
if (argv.includes('--json')) console.log(JSON.stringify({ ...report, times }, null, 2));
else {
  console.log(`msglint speed guard: ${report.scenario}, ${runs} interleaved cold runs each`);
  console.log(`  node -e 0      median ${report.baselineMedianMs} ms   (runs: ${fmt(times.baseline)})`);
  console.log(`  msglint        median ${report.msglintMedianMs} ms   (runs: ${fmt(times.msglint)})`);
  console.log(`  ratio          ${report.ratio}× (limit ${maxRatio}×, i.e. 3 × the ${MEASURED_RATIO}× measured when the guard was set)`);
  console.log(pass ? '  PASS' : `  FAIL: msglint's pre-commit run is ${report.ratio}× a bare node start, above the ${maxRatio}× limit: a start-up or per-message regression (bench/README.md, "The guard").`);
}
process.exit(pass ? 0 : 1);
