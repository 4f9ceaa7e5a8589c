#!/usr/bin/env node
// msglint speed benchmark: whole processes, cold, side by side with peer tools.
//
//   node bench/run.mjs                     full run: every scenario, peers, growth, first use,
//                                          start-up breakdown and CPU profiles; writes bench/RESULTS.md
//   node bench/run.mjs --quick             smoke run: msglint only, 1 run (pre-commit 5),
//                                          en/precommit, en/files-1mb, it/fr/es/de precommit
//   node bench/run.mjs --only msglint      only these tools (msglint, alex, cspell, write-good,
//                                          textlint; `node -e 0` always runs as the baseline)
//   node bench/run.mjs --runs N            N timed runs of every tool (default 5, pre-commit 15;
//                                          peers at most --peer-runs, default 3)
//   node bench/run.mjs --scenario en/precommit,en/files-1mb   (or `--lang it,fr`)
//   node bench/run.mjs --all               also the one-file 1 MB sets of it/fr/es/de
//   node bench/run.mjs --profile           only the CPU profiles (1 MB, one file and 5,000 files)
//   node bench/run.mjs --startup           only the start-up breakdown
//   node bench/run.mjs --no-profile --no-startup --no-first-use --no-write --timeout S --live
//   node bench/run.mjs --render [--write-results]   the report again from bench/out/results.json
//
// Every timed run is a new process started cold (`node bin/msglint.js --format json <dir>`,
// stdout to /dev/null, all default rules), timed by the wall clock here and by
// `/usr/bin/time -f '%e %M %U %S'` for peak RSS and CPU time. The runs of the tools of one
// scenario are interleaved (run 1 of each tool, then run 2 …) so that noise from other work
// on the machine hits all of them alike. Before the timed runs msglint runs once untimed (it
// compiles the spelling cache on a machine's first use; that cost is measured separately,
// "first use"). Only a full run (no --only/--quick/--scenario/--lang/--runs) writes
// bench/RESULTS.md and bench/out/results.{json,md}; other runs write bench/out/results-partial.*.
//
// Peers run from bench/node_modules/.bin (`cd bench && npm ci`); a peer that is not
// installed is skipped with a note. See bench/README.md for the scenarios.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus, LANGS, SIZES } from './corpus.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, 'out');
const LOGS = join(OUT, 'logs');
const BIN = join(HERE, 'node_modules', '.bin');
const TIME = '/usr/bin/time';
// Where msglint's bin/ and dist/ are run from: a snapshot under bench/out/snapshot/ unless
// --live (others may rebuild dist/ during a long run; one run must measure one build).
let APP = ROOT;
const HAS_TIME = existsSync(TIME);

// ---------------------------------------------------------------------------------------
// Options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const list = (name) => value(name)?.split(',').map((s) => s.trim()).filter(Boolean);
const QUICK = flag('--quick');
const ALL = flag('--all');
const RUNS = value('--runs') ? Number(value('--runs')) : undefined;
const PEER_RUNS = Number(value('--peer-runs') ?? 3);
const TIMEOUT_S = Number(value('--timeout') ?? 120); // per peer run
const MSGLINT_TIMEOUT_S = Number(value('--msglint-timeout') ?? 600);
const SLOW_S = 30; // a peer run slower than this is not repeated
const TOOLS_ONLY = list('--only');
const SCENARIOS_ONLY = list('--scenario');
const LANGS_ONLY = list('--lang');
const PARTIAL = Boolean(QUICK || TOOLS_ONLY || SCENARIOS_ONLY || LANGS_ONLY || RUNS !== undefined);
const WRITE = !flag('--no-write');
const PROFILE_ONLY = flag('--profile');
const STARTUP_ONLY = flag('--startup');
const DO_PROFILE = PROFILE_ONLY || (!PARTIAL && !flag('--no-profile') && !STARTUP_ONLY);
const DO_STARTUP = STARTUP_ONLY || (!PARTIAL && !flag('--no-startup') && !PROFILE_ONLY);
const DO_FIRST_USE = !PROFILE_ONLY && !STARTUP_ONLY && !QUICK && !flag('--no-first-use') && (!TOOLS_ONLY || TOOLS_ONLY.includes('msglint'));
const DO_MAIN = !PROFILE_ONLY && !STARTUP_ONLY;
const LIVE = flag('--live');

/** Copies the built msglint (bin, dist, rules/data, schema, package.json) into bench/out/snapshot. */
function takeSnapshot() {
  const dir = join(OUT, 'snapshot');
  rmSync(dir, { recursive: true, force: true });
  for (const p of ['bin', 'dist', join('rules', 'data'), 'schema', 'package.json']) {
    // Timestamps kept: bin/msglint.js runs the bundle only when it is newer than the modules.
    if (existsSync(join(ROOT, p))) cpSync(join(ROOT, p), join(dir, p), { recursive: true, preserveTimestamps: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // The V8 code cache holds what the run that wrote it compiled (bin/load.js): written after
  // `examples` or a one-file run, it made the pre-commit runs ±8% slower. Removed here, it is
  // written by the first scenario's warm-up run, as a pre-commit user's would be.
  const cache = join(ROOT, 'node_modules', '.cache', 'msglint');
  if (existsSync(cache)) for (const name of readdirSync(cache)) if (/^code-.*\.bin$/.test(name)) rmSync(join(cache, name), { force: true });
  return dir;
}

/** The newest modification time under a folder (when dist/ was last built). */
function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    t = Math.max(t, st.isDirectory() ? newest(path) : st.mtimeMs);
  }
  return t;
}

/** The environment of every child: no CA bundle (65 ms per start here), no colours, no NODE_OPTIONS. */
export function childEnv(extra = {}) {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  return env;
}

// ---------------------------------------------------------------------------------------
// Tools: how each does "what it can of the same job" on a scenario.

const rel = (path) => relative(ROOT, path) || '.';

function filesUnder(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out;
}

const TEXTLINT_RULES = { 'write-good': true, 'common-misspellings': true };

export const TOOLS = {
  baseline: {
    label: '`node -e 0` (baseline)',
    job: 'starts node and exits',
    peer: false,
    command: () => ({ cmd: process.execPath, args: ['-e', '0'], cwd: ROOT }),
    okCodes: [0],
  },
  msglint: {
    label: '**msglint**',
    job: 'all default rules (spelling, readability, policy, lengths, tone)',
    peer: false,
    command: (s) => ({ cmd: process.execPath, args: [join(APP, 'bin', 'msglint.js'), '--format', 'json', rel(join(HERE, s.msglint))], cwd: ROOT }),
    okCodes: [0, 1],
  },
  alex: {
    label: 'alex',
    package: 'alex',
    job: 'insensitive wording (retext, English)',
    peer: true,
    command: (s) => ({ cmd: join(BIN, 'alex'), args: [rel(join(HERE, s.peers))], cwd: ROOT }),
    okCodes: [0, 1],
  },
  cspell: {
    label: 'cspell',
    package: 'cspell',
    job: 'spelling only (English dictionaries)',
    peer: true,
    command: (s) => ({ cmd: join(BIN, 'cspell'), args: ['lint', '--no-progress', '--no-cache', '--no-summary', '--root', join(HERE, s.peers), '**/*.md'], cwd: HERE }),
    okCodes: [0, 1],
  },
  'write-good': {
    label: 'write-good',
    package: 'write-good',
    job: 'English style only (passive, weasel words, …)',
    peer: true,
    // write-good takes file names (no directories); its exit code is the number of findings.
    command: (s) => ({ cmd: join(BIN, 'write-good'), args: filesUnder(join(HERE, s.peers), '.md').map((p) => relative(HERE, p)), cwd: HERE }),
    okCodes: 'any',
  },
  textlint: {
    label: 'textlint',
    package: 'textlint',
    job: `2 rules: ${Object.keys(TEXTLINT_RULES).join(', ')}`,
    peer: true,
    command: (s) => ({ cmd: join(BIN, 'textlint'), args: ['--config', join(OUT, 'textlintrc.json'), relative(HERE, join(HERE, s.peers))], cwd: HERE }),
    okCodes: [0, 1],
  },
};

function installed(tool) {
  const t = TOOLS[tool];
  if (!t.peer) return true;
  return existsSync(join(BIN, t.package === 'write-good' ? 'write-good' : t.package));
}

function packageVersion(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Running one process

/** Runs one command; resolves to { wall, rss, user, sys, code, signal, timedOut }. */
export function measure({ cmd, args, cwd, env }, { timeoutS, log }) {
  return new Promise((resolve) => {
    const timeFile = join(tmpdir(), `msglint-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const full = HAS_TIME ? [TIME, ['-f', '%e %M %U %S', '-o', timeFile, cmd, ...args]] : [cmd, args];
    const errPath = log ? join(LOGS, log) : undefined;
    const stdio = ['ignore', 'ignore', 'ignore'];
    let errFd;
    if (errPath) {
      mkdirSync(LOGS, { recursive: true });
      errFd = openLog(errPath);
      stdio[2] = errFd;
    }
    const start = process.hrtime.bigint();
    const child = spawn(full[0], full[1], { cwd, env: env ?? childEnv(), stdio, detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL'); // the whole group this run started
      } catch {}
    }, timeoutS * 1000);
    child.on('exit', (code, signal) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      clearTimeout(timer);
      if (errFd !== undefined) closeLog(errFd);
      let rss;
      let user;
      let sys;
      let exit = code;
      if (HAS_TIME && existsSync(timeFile)) {
        const text = readFileSync(timeFile, 'utf8');
        rmSync(timeFile, { force: true });
        const m = /Command exited with non-zero status (\d+)/.exec(text);
        if (m) exit = Number(m[1]);
        const last = text.trim().split('\n').pop().split(' ').map(Number);
        if (last.length === 4 && last.every((n) => Number.isFinite(n))) [, rss, user, sys] = last;
      }
      resolve({ wall, rss: rss !== undefined ? rss / 1024 : undefined, user, sys, code: exit, signal, timedOut });
    });
  });
}

const openLog = (path) => openSync(path, 'w');
const closeLog = (fd) => closeSync(fd);

function logTail(log, lines = 6) {
  try {
    return readFileSync(join(LOGS, log), 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------
// Statistics

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtMs = (ms) => (ms === undefined || Number.isNaN(ms) ? '–' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtMb = (mb) => (mb === undefined || Number.isNaN(mb) ? '–' : `${Math.round(mb)} MB`);

function summarise(runs) {
  const ok = runs.filter((r) => !r.timedOut);
  const walls = ok.map((r) => r.wall);
  const cpu = ok.filter((r) => r.user !== undefined).map((r) => (r.user + r.sys) * 1000);
  const rss = ok.filter((r) => r.rss !== undefined).map((r) => r.rss);
  return {
    runs: ok.length,
    timedOut: runs.some((r) => r.timedOut),
    median: median(walls),
    min: Math.min(...walls),
    max: Math.max(...walls),
    cpu: cpu.length ? median(cpu) : undefined,
    rss: rss.length ? Math.max(...rss) : undefined,
    codes: [...new Set(ok.map((r) => r.code))],
    walls,
  };
}

// ---------------------------------------------------------------------------------------
// Scenarios

const BUDGETS = {
  precommit: { wall: 250, rss: 250, text: '< 250 ms' },
  'files-1mb': { wall: 2000, rss: 250, text: '< 2 s' },
  'files-1mb-other': { wall: 3000, rss: 250, text: '< 3 s' },
};

function budgetFor(s) {
  if (s.name === 'precommit' && s.lang === 'en') return BUDGETS.precommit;
  if (s.name === 'files-1mb') return s.lang === 'en' ? BUDGETS['files-1mb'] : BUDGETS['files-1mb-other'];
  if (s.name === 'precommit') return { wall: undefined, rss: 250, text: '(RSS < 250 MB)' };
  return { wall: undefined, rss: 250, text: '(RSS < 250 MB)' };
}

function describe(s) {
  const mb = (s.textBytes / 1e6).toFixed(s.textBytes < 1e5 ? 3 : 2);
  return `${s.files.toLocaleString('en')} file${s.files === 1 ? '' : 's'}, ${s.messages.toLocaleString('en')} msgs, ${mb} MB${s.typos ? `, ${s.typos} typos` : ''}`;
}

function selectScenarios(manifest) {
  const keys = [];
  const add = (k) => manifest.scenarios[k] && !keys.includes(k) && keys.push(k);
  if (QUICK) {
    add('en/precommit');
    add('en/files-1mb');
    for (const l of LANGS) add(`${l}/precommit`);
  } else {
    add('en/precommit');
    add('en/one-file-1mb');
    add('en/files-1mb');
    for (const size of SIZES) if (size !== 1) add(`en/one-file-${size}mb`), add(`en/files-${size}mb`);
    for (const l of LANGS.filter((x) => x !== 'en')) {
      add(`${l}/precommit`);
      add(`${l}/files-1mb`);
      if (ALL) add(`${l}/one-file-1mb`);
    }
  }
  const matches = (k) =>
    (!SCENARIOS_ONLY || SCENARIOS_ONLY.some((p) => p === k || (p.endsWith('*') && k.startsWith(p.slice(0, -1))) || k.endsWith(`/${p}`))) &&
    (!LANGS_ONLY || LANGS_ONLY.includes(k.split('/')[0]));
  if (SCENARIOS_ONLY) for (const k of Object.keys(manifest.scenarios)) if (matches(k)) add(k);
  return keys.filter(matches).map((k) => ({ key: k, ...manifest.scenarios[k] }));
}

function runsFor(s, tool) {
  const base = RUNS ?? (QUICK ? (s.name === 'precommit' ? 5 : 1) : s.name === 'precommit' ? 15 : 5);
  return TOOLS[tool].peer ? Math.min(base, PEER_RUNS) : base;
}

function toolsFor(s) {
  const names = [];
  if (s.name === 'precommit' && s.lang === 'en') names.push('baseline');
  names.push('msglint');
  if (s.peers && !QUICK) names.push('alex', 'cspell', 'write-good', 'textlint');
  return names.filter((t) => t === 'baseline' || !TOOLS_ONLY || TOOLS_ONLY.includes(t));
}

async function runScenario(s, notes) {
  const names = toolsFor(s);
  const state = {};
  for (const name of names) {
    const tool = TOOLS[name];
    if (!installed(name)) {
      state[name] = { skipped: `not installed (run \`cd bench && npm ci\`)`, runs: [] };
      continue;
    }
    state[name] = { runs: [], want: runsFor(s, name), stopped: false };
  }
  // Untimed warm-up: msglint always (spelling cache, file cache); peers on small inputs only.
  for (const name of names) {
    const st = state[name];
    if (st.skipped) continue;
    if (name !== 'msglint' && !(name !== 'baseline' && s.name === 'precommit')) continue;
    const c = TOOLS[name].command(s);
    const r = await measure(c, { timeoutS: name === 'msglint' ? MSGLINT_TIMEOUT_S : TIMEOUT_S, log: `${name}-${s.key.replace('/', '-')}.warmup.log` });
    if (!okCode(name, r)) {
      st.skipped = `failed: exit ${r.code}${r.signal ? ` (${r.signal})` : ''}${r.timedOut ? ' (timed out)' : ''}: ${logTail(`${name}-${s.key.replace('/', '-')}.warmup.log`, 3).replace(/\s+/g, ' ').slice(0, 200)}`;
    }
  }
  const maxRuns = Math.max(...names.map((n) => state[n].want ?? 0));
  for (let i = 0; i < maxRuns; i++) {
    for (const name of names) {
      const st = state[name];
      if (st.skipped || st.stopped || st.runs.length >= st.want) continue;
      const c = TOOLS[name].command(s);
      const log = `${name}-${s.key.replace('/', '-')}.log`;
      const timeoutS = name === 'msglint' || name === 'baseline' ? MSGLINT_TIMEOUT_S : TIMEOUT_S;
      const r = await measure(c, { timeoutS, log });
      st.runs.push(r);
      if (r.timedOut) {
        st.stopped = true;
        st.note = `timed out after ${timeoutS} s`;
      } else if (!okCode(name, r)) {
        st.stopped = true;
        st.skipped = `failed: exit ${r.code}: ${logTail(log, 3).replace(/\s+/g, ' ').slice(0, 200)}`;
      } else if (TOOLS[name].peer && r.wall > SLOW_S * 1000 && st.runs.length === 1) {
        st.stopped = true;
        st.note = `1 run (> ${SLOW_S} s per run)`;
      }
      process.stderr.write(`  ${s.key.padEnd(20)} ${name.padEnd(10)} run ${st.runs.length}/${st.want}: ${fmtMs(r.wall)}${r.rss ? `, ${fmtMb(r.rss)}` : ''}${r.timedOut ? ' (timed out)' : ''}\n`);
    }
  }
  const rows = names.map((name) => {
    const st = state[name];
    if (st.skipped && st.runs.length === 0) return { tool: name, skipped: st.skipped };
    const sum = summarise(st.runs);
    if (st.skipped) return { tool: name, skipped: st.skipped, ...sum };
    return { tool: name, note: st.note, ...sum };
  });
  for (const r of rows) if (r.skipped) notes.push(`${TOOLS[r.tool].label} on ${s.key}: ${r.skipped}`);
  return { scenario: s, rows };
}

function okCode(name, r) {
  if (r.timedOut) return true; // reported as a timeout, not a failure
  const ok = TOOLS[name].okCodes;
  if (r.signal) return false;
  return ok === 'any' || ok.includes(r.code);
}

// ---------------------------------------------------------------------------------------
// First use: the spelling cache compiled in an empty cache directory (MSGLINT_SPELL_CACHE)

async function firstUse(manifest, selected) {
  const out = [];
  const runs = Math.min(RUNS ?? 3, 3);
  // the languages whose pre-commit scenario was selected
  for (const lang of LANGS.filter((l) => selected.some((s) => s.key === `${l}/precommit`))) {
    const s = { key: `${lang}/precommit`, ...manifest.scenarios[`${lang}/precommit`] };
    if (!s.msglint) continue;
    const cold = [];
    for (let i = 0; i < runs; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'msglint-bench-spell-'));
      const c = { ...TOOLS.msglint.command(s), env: childEnv({ MSGLINT_SPELL_CACHE: dir }) };
      cold.push(await measure(c, { timeoutS: MSGLINT_TIMEOUT_S, log: `msglint-first-use-${lang}.log` }));
      rmSync(dir, { recursive: true, force: true });
    }
    process.stderr.write(`  first use ${lang}: ${cold.map((r) => fmtMs(r.wall)).join(', ')}\n`);
    out.push({ lang, ...summarise(cold) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Start-up breakdown: phases timed inside fresh processes, N times

const STARTUP_SCRIPT = `
const t0 = performance.now();
const root = process.argv[1];
const lang = process.argv[2];
const file = process.argv[3];
const u = (p) => new URL(p, 'file://' + root + '/').href;
const marks = { 'node start → script': t0 };
let t = performance.now();
const lap = (name) => { const n = performance.now(); marks[name] = n - t; t = n; };
await import(u('dist/src/cli/main.js')); lap('import cli/main (args, discover, config)');
await import(u('dist/src/report/index.js')); lap('import report (formatters)');
const { rules } = await import(u('dist/rules/index.js')); lap('import rules + unified/retext');
const { Linter } = await import(u('dist/src/engine/lint.js')); lap('import engine/lint');
const spell = await import(u('dist/src/language/spell/index.js'));
const loaded = spell.loadSpeller(lang); lap('spelling dictionary ready (message locale, cache warm)');
if (lang === 'en') { spell.loadSpeller('en-GB'); lap('en-GB dictionary ready (plain en accepts both)'); }
const linter = new Linter({ cwd: root }); lap('new Linter (config resolver)');
const r1 = linter.lintFile(file); lap('lint 1st file (processors, lexicons, parse)');
const r2 = linter.lintFile(file); lap('lint same file again (steady state)');
marks['compiledNow'] = loaded?.info?.compiledNow ?? null;
process.stdout.write(JSON.stringify(marks));
`;

async function startupBreakdown(manifest) {
  const runs = RUNS ?? 7;
  const result = { phases: {}, versionRuns: [], helpRuns: [], lintOneRuns: [] };
  const s = manifest.scenarios['en/precommit'];
  const file = join(HERE, s.msglint, 'templates-1.yml');
  const oneFile = { ...s, msglint: relative(HERE, file) };
  const perLang = {};
  for (let i = 0; i < runs; i++) {
    result.versionRuns.push(await measure({ cmd: process.execPath, args: [join(APP, 'bin', 'msglint.js'), '--version'], cwd: ROOT }, { timeoutS: 60 }));
    result.lintOneRuns.push(await measure(TOOLS.msglint.command(oneFile), { timeoutS: 120 }));
    const base = await measure({ cmd: process.execPath, args: ['-e', '0'], cwd: ROOT }, { timeoutS: 60 });
    result.helpRuns.push(base);
    for (const lang of LANGS) {
      const f = join(HERE, manifest.scenarios[`${lang}/precommit`].msglint, 'templates-1.yml');
      const p = spawnSync(process.execPath, ['--input-type=module', '-e', STARTUP_SCRIPT, APP, lang, f], { cwd: ROOT, env: childEnv(), encoding: 'utf8' });
      if (p.status !== 0) {
        perLang[lang] = { error: (p.stderr || '').split('\n').slice(0, 3).join(' ') };
        continue;
      }
      const marks = JSON.parse(p.stdout);
      (perLang[lang] ??= []).push(marks);
    }
  }
  result.version = summarise(result.versionRuns);
  result.lintOne = summarise(result.lintOneRuns);
  result.baseline = summarise(result.helpRuns);
  result.perLang = {};
  for (const [lang, marks] of Object.entries(perLang)) {
    if (!Array.isArray(marks)) {
      result.perLang[lang] = marks;
      continue;
    }
    const phases = {};
    for (const key of Object.keys(marks[0])) if (key !== 'compiledNow') phases[key] = median(marks.map((m) => m[key]));
    result.perLang[lang] = { phases, compiledNow: marks.some((m) => m.compiledNow) };
  }
  // Import cost of each module alone: a fresh process per measurement, time around `import()`.
  result.imports = [];
  for (const spec of IMPORTS) {
    const times = [];
    for (let i = 0; i < Math.min(runs, 5); i++) {
      const url = spec.startsWith('dist/') ? new URL(spec, `file://${APP}/`).href : spec;
      const p = spawnSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t));`], { cwd: ROOT, env: childEnv(), encoding: 'utf8' });
      if (p.status === 0) times.push(Number(p.stdout));
    }
    result.imports.push({ spec, ms: times.length ? median(times) : undefined });
  }
  // Where the start-up goes, by package, from a CPU profile of one small file.
  result.profile = await cpuProfile(oneFile, 'startup-one-file', 100);
  result.versionProfile = await cpuProfileCommand([join(APP, 'bin', 'msglint.js'), '--version'], 'startup-version', 100);
  return result;
}

/** Modules whose import cost alone is measured (the dist/ ones include what they import). */
const IMPORTS = [
  'dist/src/cli/args.js', 'dist/src/cli/main.js', 'dist/src/engine/config.js', 'dist/src/engine/discover.js', 'dist/src/formats/index.js',
  'dist/src/report/index.js', 'dist/src/engine/lint.js', 'dist/rules/index.js', 'dist/src/language/spell/index.js',
  'yaml', 'picomatch', 'tinyglobby', 'ignore', 're2js', 'unified', 'retext-english', 'retext-latin', 'retext-readability', 'vfile', 'unist-util-visit', 'ink',
];

// ---------------------------------------------------------------------------------------
// CPU profiles (node --cpu-prof) summarised by function and by module

async function cpuProfileCommand(args, name, intervalUs = 500) {
  const dir = join(OUT, 'profiles');
  mkdirSync(dir, { recursive: true });
  const file = `${name}.cpuprofile`;
  rmSync(join(dir, file), { force: true });
  const r = await measure({ cmd: process.execPath, args: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${file}`, `--cpu-prof-interval=${intervalUs}`, ...args], cwd: ROOT }, { timeoutS: MSGLINT_TIMEOUT_S });
  const path = join(dir, file);
  if (!existsSync(path)) return { error: `no profile written (exit ${r.code})` };
  return { ...analyseProfile(JSON.parse(readFileSync(path, 'utf8'))), wall: r.wall, path: relative(ROOT, path) };
}

function cpuProfile(s, name, intervalUs) {
  return cpuProfileCommand([join(APP, 'bin', 'msglint.js'), '--format', 'json', rel(join(HERE, s.msglint))], name, intervalUs);
}

/** Module of a script URL: `pkg` for node_modules/pkg, `msglint:<dir/file>` for dist. */
function moduleOf(url) {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node: built-ins';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const d = url.indexOf('/dist/');
  if (d >= 0) return `msglint ${url.slice(d + '/dist/'.length)}`;
  return url.replace(/^file:\/\//, '');
}

/**
 * What a sample was doing, from its whole stack: a rule (innermost rules/<id>.js frame),
 * retext parsing, file detection and YAML, config, module loading, the engine, GC.
 */
export function stageOf(stack) {
  const leaf = stack[0].functionName;
  if (leaf === '(garbage collector)') return 'garbage collection';
  if (leaf === '(program)' || leaf === '(idle)') return 'V8 (program), outside JS';
  const has = (re) => stack.some((f) => re.test(f.url));
  if (stack.some((f) => f.functionName === '' && f.lineNumber === 0 && /\.(m?js|cjs)$/.test(f.url)) || has(/^node:internal\/modules\//)) return 'module loading (import, compile, top-level code)';
  const rule = stack.find((f) => /\/dist\/rules\/(?!index\.js|support\.js)[\w-]+\.js$/.test(f.url));
  if (rule) return `rule ${rule.url.match(/\/rules\/([\w-]+)\.js$/)[1]}`;
  if (has(/\/(parse-latin|parse-english|retext-english|retext-latin)\//)) return 'retext parse (nlcst tree)';
  if (has(/\/dist\/src\/formats\//) || has(/\/node_modules\/yaml\//)) return 'formats: detect + YAML parse + extract';
  if (has(/\/dist\/src\/engine\/config/)) return 'config resolution (.lintrc walk)';
  if (has(/\/dist\/src\/engine\/discover/)) return 'file discovery';
  if (has(/\/dist\/src\/report\//)) return 'formatter';
  if (has(/\/dist\/src\/engine\//)) return 'engine (placeholders, VFile, findings, positions)';
  if (has(/\/dist\/src\/cli\//)) return 'cli';
  return 'other';
}

/**
 * The CLI runs as one esbuild bundle (dist/src/cli/msglint.cjs): map a bundle line back to the
 * module it came from, using the `// dist/…` and `// node_modules/…` comments esbuild writes
 * before each module, so that profiles are still attributed to rules, packages and stages.
 */
const bundleSections = new Map();
export function unbundledUrl(url, line) {
  if (!url || !/\/dist\/src\/cli\/msglint\.cjs$/.test(url)) return url;
  let sections = bundleSections.get(url);
  if (!sections) {
    sections = [];
    try {
      const text = readFileSync(url.replace(/^file:\/\//, ''), 'utf8').split('\n');
      text.forEach((l, i) => {
        const m = /^\/\/ ((?:dist|node_modules)\/\S+)/.exec(l);
        if (m) sections.push([i, m[1]]);
      });
    } catch {
      // not readable: keep the bundle's own url
    }
    bundleSections.set(url, sections);
  }
  let lo = 0;
  let hi = sections.length - 1;
  let found;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid][0] <= line) {
      found = sections[mid][1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ? url.replace(/dist\/src\/cli\/msglint\.cjs$/, found) : url;
}

export function analyseProfile(profile) {
  for (const n of profile.nodes) n.callFrame = { ...n.callFrame, url: unbundledUrl(n.callFrame.url, n.callFrame.lineNumber) };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fn = new Map();
  const mod = new Map();
  const stage = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id);
    const cf = n.callFrame;
    total += us;
    const where = cf.url ? `${moduleOf(cf.url)}:${cf.lineNumber + 1}` : '';
    const name = `${cf.functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    const m = ['(garbage collector)', '(program)', '(idle)'].includes(cf.functionName) ? cf.functionName : moduleOf(cf.url);
    mod.set(m, (mod.get(m) ?? 0) + us);
    const stack = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur).callFrame);
    const st = stageOf(stack);
    stage.set(st, (stage.get(st) ?? 0) + us);
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => ({ name: k, ms: us / 1000, pct: (100 * us) / total }));
  return { totalMs: total / 1000, functions: top(fn, process.env.PROF_TOP ? +process.env.PROF_TOP : 15), modules: top(mod, 15), stages: top(stage, 25) };
}

// ---------------------------------------------------------------------------------------
// Report

function machine() {
  const c = cpus();
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'rules', 'package.json'], { cwd: ROOT, encoding: 'utf8' });
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    ramGiB: +(totalmem() / 2 ** 30).toFixed(1),
    freeGiB: +(freemem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    msglint: packageVersion(ROOT),
    commit: git.status === 0 ? git.stdout.trim() : 'unknown',
    dirty: dirty.status === 0 ? dirty.stdout.trim().split('\n').filter(Boolean).length : undefined,
    peers: Object.fromEntries(['alex', 'cspell', 'write-good', 'textlint', 'textlint-rule-write-good', 'textlint-rule-common-misspellings'].map((p) => [p, packageVersion(join(HERE, 'node_modules', p)) ?? 'not installed'])),
    loadStart: loadavg().map((x) => x.toFixed(2)),
  };
}

function mainTable(results) {
  const lines = [
    '| scenario | input | tool | runs | median wall | min–max | median CPU (user+sys) | peak RSS | budget |',
    '|---|---|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const { scenario: s, rows } of results) {
    rows.forEach((r, i) => {
      const input = i === 0 ? describe(s) : '';
      const scen = i === 0 ? `\`${s.key}\`` : '';
      if (r.runs === undefined || r.runs === 0) {
        lines.push(`| ${scen} | ${input} | ${TOOLS[r.tool].label} | 0 | ${r.timedOut ? `> ${TIMEOUT_S} s (timed out)` : '–'} | | | | ${r.skipped ?? r.note ?? ''} |`);
        return;
      }
      let budget = '';
      if (r.tool === 'msglint') {
        const b = budgetFor(s);
        const parts = [];
        if (b.wall !== undefined) parts.push(`${r.median <= b.wall ? '✅' : '❌'} ${b.text}`);
        if (r.rss !== undefined) parts.push(`${r.rss <= b.rss ? '✅' : '❌'} RSS < ${b.rss} MB`);
        budget = parts.join(', ');
      } else if (r.note) budget = r.note;
      if (r.skipped) budget = `${budget} ${r.skipped}`.trim();
      lines.push(`| ${scen} | ${input} | ${TOOLS[r.tool].label} | ${r.runs}${r.timedOut ? '+timeout' : ''} | ${fmtMs(r.median)} | ${fmtMs(r.min)}–${fmtMs(r.max)} | ${fmtMs(r.cpu)}${r.cpu && r.median ? ` (${(r.cpu / r.median).toFixed(2)}×)` : ''} | ${fmtMb(r.rss)} | ${budget} |`);
    });
  }
  return lines.join('\n');
}

function growthTable(results) {
  const get = (key) => results.find((x) => x.scenario.key === key)?.rows.find((r) => r.tool === 'msglint');
  const pc = get('en/precommit');
  const lines = [];
  for (const kind of ['files', 'one-file']) {
    const rows = SIZES.map((size) => ({ size, r: get(`en/${kind}-${size}mb`), s: results.find((x) => x.scenario.key === `en/${kind}-${size}mb`)?.scenario })).filter((x) => x.r?.runs);
    if (rows.length < 2) continue;
    if (lines.length === 0) {
      lines.push(
        '| input | size | messages | median wall | wall per MB | median CPU | **CPU per MB** | peak RSS |',
        '|---|---:|---:|---:|---:|---:|---:|---:|',
      );
    }
    // per MB: what the size adds over a pre-commit run (start-up, dictionaries, lexicons)
    for (const { size, r, s } of rows) {
      lines.push(`| ${kind === 'files' ? `${s.files.toLocaleString('en')} files` : 'one file'} | ${size} MB | ${s.messages.toLocaleString('en')} | ${fmtMs(r.median)} | ${fmtMs((r.median - (pc?.median ?? 0)) / size)} | ${fmtMs(r.cpu)} | **${r.cpu !== undefined ? fmtMs((r.cpu - (pc?.cpu ?? 0)) / size) : '–'}** | ${fmtMb(r.rss)} |`);
    }
  }
  if (lines.length) lines.push('', '"Per MB" subtracts the pre-commit run of the same language (start-up, dictionary, lexicons) and divides by the size: equal figures down a column mean linear growth. CPU time is the figure to read when the machine is busy.');
  return lines.join('\n');
}

function firstUseTable(first, results) {
  const lines = [
    '| language | empty spelling cache: median wall | CPU | peak RSS | cache warm: median wall | CPU | extra CPU on first use |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const f of first) {
    const warm = results.find((x) => x.scenario.key === `${f.lang}/precommit`)?.rows.find((r) => r.tool === 'msglint');
    lines.push(`| ${f.lang} | ${fmtMs(f.median)} (${f.runs} runs) | ${fmtMs(f.cpu)} | ${fmtMb(f.rss)} | ${warm?.runs ? fmtMs(warm.median) : '–'} | ${fmtMs(warm?.cpu)} | ${warm?.cpu !== undefined && f.cpu !== undefined ? fmtMs(f.cpu - warm.cpu) : '–'} |`);
  }
  lines.push('', 'The pre-commit set of each language, with `MSGLINT_SPELL_CACHE` set to an empty folder: msglint compiles the dictionary and says so on stderr. The budget: spelling ready in under 100 ms *after* the first use.');
  return lines.join('\n');
}

function startupSection(st) {
  const lines = [];
  lines.push(`Whole processes (median of ${st.version.runs}): \`node -e 0\` ${fmtMs(st.baseline.median)}, \`msglint --version\` ${fmtMs(st.version.median)}, \`msglint --format json <one 10-message file>\` ${fmtMs(st.lintOne.median)} (${fmtMb(st.lintOne.rss)}).`, '');
  lines.push('Phases inside one process (median ms; each phase is what it adds after the ones above it; `node start → script` is the time from process start to the first line of the script):', '');
  const langs = Object.keys(st.perLang);
  const phaseNames = [];
  for (const l of langs) for (const p of Object.keys(st.perLang[l].phases ?? {})) if (!phaseNames.includes(p)) phaseNames.push(p);
  lines.push(`| phase | ${langs.join(' | ')} |`, `|---|${langs.map(() => '---:').join('|')}|`);
  for (const p of phaseNames) lines.push(`| ${p} | ${langs.map((l) => (st.perLang[l].phases?.[p] !== undefined ? Math.round(st.perLang[l].phases[p]) : st.perLang[l].error ? 'error' : '–')).join(' | ')} |`);
  const sum = (l) => Object.values(st.perLang[l].phases ?? {}).reduce((a, b) => a + b, 0);
  lines.push(`| **total** | ${langs.map((l) => `**${Math.round(sum(l))}**`).join(' | ')} |`);
  if (st.imports?.length) {
    lines.push('', 'Import cost of one module alone (fresh process, time around `await import()`, median; a dist/ module includes everything it imports):', '');
    lines.push('| module | ms |', '|---|---:|', ...st.imports.map((m) => `| \`${m.spec}\` | ${m.ms === undefined ? 'error' : Math.round(m.ms)} |`));
  }
  if (st.profile?.modules) {
    lines.push('', `CPU profile of \`msglint --format json <one 10-message file>\` (${fmtMs(st.profile.totalMs)} sampled), by stage:`, '');
    lines.push(profileTable(st.profile.stages, 12));
    lines.push('', 'and self time by module:', '', profileTable(st.profile.modules, 12));
  }
  if (st.versionProfile?.modules) {
    lines.push('', `CPU profile of \`msglint --version\` (${fmtMs(st.versionProfile.totalMs)} sampled), self time by module:`, '');
    lines.push(profileTable(st.versionProfile.modules, 6));
  }
  return lines.join('\n');
}

function profileTable(entries, n) {
  return ['| self time | share | where |', '|---:|---:|---|', ...entries.slice(0, n).map((e) => `| ${fmtMs(e.ms)} | ${e.pct.toFixed(1)}% | \`${e.name.replace(/\|/g, '\\|')}\` |`)].join('\n');
}

function profileSection(profiles) {
  const lines = [];
  for (const p of profiles) {
    if (p.error) {
      lines.push(`### ${p.title}`, '', p.error, '');
      continue;
    }
    lines.push(`### ${p.title}`, '', `\`node --cpu-prof bin/msglint.js --format json ${p.input}\`: ${fmtMs(p.wall)} wall with the profiler, ${fmtMs(p.totalMs)} sampled (${p.path}).`, '');
    lines.push('Top functions by self time:', '', profileTable(p.functions, 10), '', 'Self time by module (package, or msglint file under dist/):', '', profileTable(p.modules, 10), '');
    lines.push('By stage (inclusive: a sample counts for the innermost rule on its stack, else the stage it is in):', '', profileTable(p.stages, 25), '');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------

async function main() {
  if (flag('--help') || flag('-h')) {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 17).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return;
  }
  if (flag('--render')) {
    const text = render(JSON.parse(readFileSync(join(OUT, 'results.json'), 'utf8')));
    writeFileSync(join(OUT, 'results.md'), text);
    if (WRITE && flag('--write-results')) writeFileSync(join(HERE, 'RESULTS.md'), text);
    console.log(text);
    return;
  }
  const started = new Date();
  const need = undefined; // every scenario; ensureCorpus builds only what is missing
  const manifest = ensureCorpus({ need });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'textlintrc.json'), JSON.stringify({ rules: TEXTLINT_RULES }, null, 2));
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) {
    console.error('bench: dist/ is missing: build msglint first (`npx tsc -p tsconfig.json`).');
    process.exit(2);
  }
  const builtAt = new Date(newest(join(ROOT, 'dist'))).toISOString().slice(0, 19).replace('T', ' ');
  if (!LIVE) APP = takeSnapshot();
  const info = machine();
  info.dist = LIVE ? `dist/ as it is during the run (--live; built ${builtAt} UTC)` : `a snapshot of dist/ (built ${builtAt} UTC) taken at the start, run from bench/out/snapshot/`;
  const notes = [];
  for (const t of ['alex', 'cspell', 'write-good', 'textlint']) {
    if (!installed(t) && (!TOOLS_ONLY || TOOLS_ONLY.includes(t)) && !QUICK) notes.push(`${t}: not installed in bench/node_modules (\`cd bench && npm ci\`); skipped.`);
  }
  const results = [];
  const selected = DO_MAIN ? selectScenarios(manifest) : [];
  if (DO_MAIN) {
    for (const s of selected) {
      process.stderr.write(`${s.key}: ${describe(s)}\n`);
      results.push(await runScenario(s, notes));
    }
  }
  let first = [];
  if (DO_FIRST_USE && DO_MAIN) first = await firstUse(manifest, selected);
  let startup;
  if (DO_STARTUP) {
    process.stderr.write('start-up breakdown…\n');
    startup = await startupBreakdown(manifest);
  }
  const profiles = [];
  if (DO_PROFILE) {
    for (const [key, title] of [
      ['en/one-file-1mb', '1 MB in one file (English)'],
      ['en/files-1mb', '1 MB in 5,000 files (English)'],
    ]) {
      const s = manifest.scenarios[key];
      process.stderr.write(`profile ${key}…\n`);
      const p = await cpuProfile(s, key.replace('/', '-'), 500);
      profiles.push({ ...p, title, input: rel(join(HERE, s.msglint)) });
    }
  }
  info.loadEnd = loadavg().map((x) => x.toFixed(2));
  const finished = new Date();

  const data = { command: `node bench/run.mjs${argv.length ? ' ' + argv.join(' ') : ''}`, started: started.toISOString(), seconds: Math.round((finished - started) / 1000), info, manifest: { version: manifest.version, seed: manifest.seed, typoRate: manifest.typoRate, languages: manifest.languages }, results, first, startup, profiles, notes };
  // A full run: bench/out/results.{json,md} (and bench/RESULTS.md); any other: results-partial.*
  const full = !PARTIAL && DO_MAIN;
  const base = full ? 'results' : 'results-partial';
  writeFileSync(join(OUT, `${base}.json`), JSON.stringify(data, null, 2));
  const text = render(data);
  console.log(text);
  writeFileSync(join(OUT, `${base}.md`), text);
  if (WRITE && full) {
    writeFileSync(join(HERE, 'RESULTS.md'), text);
    process.stderr.write('wrote bench/RESULTS.md\n');
  } else process.stderr.write(`wrote bench/out/${base}.md (only a full run rewrites bench/RESULTS.md)\n`);
}

/** The Markdown report of one run (also `--render`: again from bench/out/results.json). */
function render({ command, started, seconds, info, manifest, results, first, startup, profiles, notes }) {
  const md = [];
  md.push('# msglint speed benchmark: results', '');
  md.push(`Generated by \`${command}\` on ${started.slice(0, 16).replace('T', ' ')} UTC (${seconds} s). How to read and reproduce: [README.md](README.md).`, '');
  md.push(`- **Machine:** ${info.cpu}, ${info.cores} cores, ${info.ramGiB} GiB RAM; ${info.platform}; Node ${info.node}.`);
  md.push(`- **Load average** (1, 5, 15 min) at start ${info.loadStart.join(', ')}, at end ${info.loadEnd.join(', ')}${Number(info.loadStart[0]) > info.cores * 0.75 ? ' — **the machine was busy with other work: wall times are inflated; CPU times are the steadier figure**' : ''}.`);
  md.push(`- **msglint** ${info.msglint} at ${info.commit}${info.dirty ? ` (+ ${info.dirty} uncommitted changes in src/, rules/)` : ''}; measured: ${info.dist}.`);
  md.push(`- **Peers** (bench/package.json): ${Object.entries(info.peers).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  md.push(`- **Corpus** v${manifest.version} (seed ${manifest.seed}, ${(manifest.typoRate * 100).toFixed(0)}% of words with a typo): ${Object.entries(manifest.languages).map(([l, x]) => `${l} ${x.messages.toLocaleString('en')} msgs / ${x.typos} typos`).join(', ')} per MB.`);
  md.push('');
  if (results.length) {
    md.push('## Whole runs (cold process each run)', '');
    md.push('Wall time is measured here around each process; CPU (user+sys) and peak RSS come from `/usr/bin/time`. The factor after the CPU time is CPU / wall: above 1 means more than one core was used, well below 1 that the process waited (here: for a busy machine).', '');
    md.push(mainTable(results), '');
    const growth = growthTable(results);
    if (growth) md.push('## Growth with input size (msglint, English)', '', growth, '');
  }
  if (first?.length) md.push('## First use of each language on a machine (empty spelling cache)', '', firstUseTable(first, results), '');
  if (startup) md.push('## Start-up', '', startupSection(startup), '');
  if (profiles?.length) md.push('## Where the time goes (CPU profiles, 1 MB, English)', '', profileSection(profiles));
  if (notes?.length) md.push('## Notes', '', ...notes.map((n) => `- ${n}`), '');
  return md.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
