#!/usr/bin/env node
// msglint fuzzer: lints many generated inputs (all formats, random file names) in process
// through the built library (dist/), with a per-input time bound, and reports crashes
// (exceptions out of `Linter.lintText`), hangs (an input over the time bound), invariant
// violations (positions outside the text, line/column not matching the range, wrong counts)
// and slow inputs. Reproducers are saved under --out (default /tmp/msglint-fuzz-<seed>).
//
//   npx tsc -p tsconfig.json && node bench/fuzz/run.mjs [--count 100000] [--seed 1]
//        [--timeout 10000] [--slow 1000] [--workers 2] [--chunk 200] [--out DIR] [--no-fixes]
//   node bench/fuzz/run.mjs --seed 1 --only 4711      # re-run one input, print it and the result
//
// Exit code: 0 when nothing crashed, hung or broke an invariant; 1 otherwise.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generate, loadCorpus } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');

function parseArgs(argv) {
  const options = { count: 100_000, seed: 1, timeout: 10_000, slow: 1000, workers: Math.max(1, Math.min(2, availableParallelism())), chunk: 200, out: undefined, fixes: true, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--count') options.count = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--timeout') options.timeout = Number(value());
    else if (arg === '--slow') options.slow = Number(value());
    else if (arg === '--workers') options.workers = Number(value());
    else if (arg === '--chunk') options.chunk = Number(value());
    else if (arg === '--out') options.out = value();
    else if (arg === '--only') options.only = Number(value());
    else if (arg === '--no-fixes') options.fixes = false;
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node bench/fuzz/run.mjs [--count N] [--seed S] [--timeout MS] [--slow MS] [--workers W] [--chunk C] [--out DIR] [--no-fixes] [--only INDEX]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  options.out ??= `/tmp/msglint-fuzz-${options.seed}`;
  return options;
}

const options = parseArgs(process.argv.slice(2));
if (!existsSync(join(DIST, 'src', 'engine', 'lint.js'))) {
  console.error('dist/ is missing: build first (npx tsc -p tsconfig.json)');
  process.exit(2);
}
const corpus = loadCorpus(ROOT, ['examples', 'test/formats/fixtures', 'test/fixtures/bad']);

if (options.only !== undefined) {
  const input = generate(options.seed, options.only, corpus);
  const { Linter } = await import(pathToFileURL(join(DIST, 'src/engine/lint.js')).href);
  console.log(`# input ${options.only} of seed ${options.seed}: ${input.filePath} (${input.kind}, ${input.text.length} chars)`);
  console.log(JSON.stringify(input.text));
  const linter = new Linter({ cwd: '/tmp', useConfigFiles: false });
  const t0 = performance.now();
  const result = linter.lintText(input.text, input.filePath);
  console.log(`# ${Math.round(performance.now() - t0)} ms`);
  for (const f of result.findings) console.log(`${f.line}:${f.column}-${f.endLine}:${f.endColumn} [${f.range}] ${f.ruleId} ${f.message}`);
  process.exit(0);
}

mkdirSync(options.out, { recursive: true });
const epoch = Date.now();
const started = performance.now();
const queue = [];
for (let from = 0; from < options.count; from += options.chunk) queue.push({ from, to: Math.min(options.count, from + options.chunk) });
const totals = { done: 0, crashes: [], hangs: [], violations: [], slow: [], lintMs: 0 };
let lastPrint = 0;

function save(type, index, extra) {
  const input = generate(options.seed, index, corpus);
  const ext = (/\.[^./\\]+$/.exec(input.filePath) ?? ['.txt'])[0];
  const base = join(options.out, `${type}-${index}`);
  writeFileSync(base + ext, input.text);
  writeFileSync(`${base}.json`, JSON.stringify({ seed: options.seed, index, filePath: input.filePath, kind: input.kind, reproduce: `node bench/fuzz/run.mjs --seed ${options.seed} --only ${index}`, ...extra }, null, 2));
  return base + ext;
}

function progress(force = false) {
  const now = performance.now();
  if (!force && now - lastPrint < 10_000) return;
  lastPrint = now;
  const s = (now - started) / 1000;
  process.stderr.write(`fuzz: ${totals.done}/${options.count} inputs, ${s.toFixed(0)} s, ${(totals.done / s).toFixed(0)}/s, crashes ${totals.crashes.length}, hangs ${totals.hangs.length}, violations ${totals.violations.length}\n`);
}

await new Promise((resolveAll) => {
  let active = 0;
  const startSlot = (pending) => {
    const sab = new SharedArrayBuffer(8);
    const state = new Int32Array(sab);
    state[0] = -1;
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: { seed: options.seed, corpus, sab, epoch, dist: pathToFileURL(DIST).href, slowMs: options.slow, fixes: options.fixes },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    active++;
    let current = pending;
    let finished = false;
    const next = () => {
      current = queue.shift();
      if (current) worker.postMessage(current);
      else stop();
    };
    const stop = () => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      void worker.terminate();
      active--;
      if (active === 0 && queue.length === 0) resolveAll();
    };
    const watchdog = setInterval(() => {
      const index = Atomics.load(state, 0);
      if (index < 0 || finished) return;
      const elapsed = Date.now() - epoch - Atomics.load(state, 1);
      if (elapsed <= options.timeout) return;
      // A hang: record it, kill the worker, continue the chunk after the input in a new one.
      const file = save('hang', index, { timeoutMs: options.timeout });
      totals.hangs.push({ index, file, ms: elapsed });
      totals.done++;
      if (current && index + 1 < current.to) queue.unshift({ from: index + 1, to: current.to });
      current = undefined;
      stop();
      startSlot(queue.shift());
    }, 100);
    worker.on('message', (message) => {
      if (message.ready) {
        if (current) worker.postMessage(current);
        else next();
        return;
      }
      totals.done += message.done;
      totals.lintMs += message.totalMs;
      for (const c of message.crashes) totals.crashes.push({ ...c, file: save('crash', c.index, { error: c.error, stack: c.stack }) });
      for (const v of message.violations) totals.violations.push({ ...v, file: save('violation', v.index, { problems: v.problems }) });
      totals.slow.push(...message.slow);
      progress();
      next();
    });
    worker.on('error', (error) => {
      // An error escaping the worker (e.g. out of memory): count the current input as a crash.
      const index = Atomics.load(state, 0);
      if (index >= 0) {
        totals.crashes.push({ index, error: `worker died: ${error.message}`, file: save('crash', index, { error: `worker died: ${error.message}` }) });
        totals.done++;
        if (current && index + 1 < current.to) queue.unshift({ from: index + 1, to: current.to });
      } else if (current) queue.unshift(current);
      current = undefined;
      stop();
      startSlot(queue.shift());
    });
  };
  for (let w = 0; w < options.workers; w++) startSlot(queue.shift());
});

progress(true);
const seconds = (performance.now() - started) / 1000;
const unique = new Map();
for (const c of totals.crashes) {
  const key = `${c.error}\n${(c.stack ?? '').split('\n')[1] ?? ''}`;
  if (!unique.has(key)) unique.set(key, []);
  unique.get(key).push(c);
}
totals.slow.sort((a, b) => b.ms - a.ms);
console.log(`msglint fuzz — seed ${options.seed}, ${options.workers} worker(s), time bound ${options.timeout} ms per input, fixes ${options.fixes ? 'on' : 'off'}`);
console.log(`inputs:      ${totals.done}`);
console.log(`duration:    ${seconds.toFixed(1)} s (${(totals.done / seconds).toFixed(0)} inputs/s; mean lint ${(totals.lintMs / Math.max(1, totals.done)).toFixed(2)} ms)`);
console.log(`crashes:     ${totals.crashes.length} (${unique.size} distinct)`);
for (const [key, list] of unique) console.log(`  ${list.length} × ${key.split('\n')[0]}\n      ${key.split('\n')[1]?.trim() ?? ''}\n      e.g. ${list[0].file}`);
console.log(`hangs:       ${totals.hangs.length}${totals.hangs.length ? '' : ''}`);
for (const h of totals.hangs.slice(0, 10)) console.log(`  input ${h.index}: over ${options.timeout} ms — ${h.file}`);
console.log(`violations:  ${totals.violations.length}`);
for (const v of totals.violations.slice(0, 10)) console.log(`  input ${v.index} (${v.kind}, ${v.filePath}): ${v.problems[0]}\n      ${v.file}`);
console.log(`slow (> ${options.slow} ms): ${totals.slow.length}`);
for (const s of totals.slow.slice(0, 5)) console.log(`  input ${s.index}: ${s.ms} ms, ${s.length} chars (${s.kind}, ${s.filePath})`);
console.log(`reproducers: ${options.out}`);
process.exitCode = totals.crashes.length + totals.hangs.length + totals.violations.length > 0 ? 1 : 0;
