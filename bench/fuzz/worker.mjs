// Fuzz worker: lints the inputs of the chunks it is sent, in process, and reports crashes
// (any exception out of `lintText`), invariant violations and slow inputs. The main thread
// watches `state` ([index being linted, start time]) and terminates the worker on a hang.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { generate } from './generate.mjs';

const { seed, corpus, sab, epoch, dist, slowMs, fixes } = workerData;
const state = new Int32Array(sab);
const { Linter } = await import(`${dist}/src/engine/lint.js`);
const { applyFixes } = await import(`${dist}/src/engine/fix.js`);
const { LineIndex } = await import(`${dist}/src/engine/positions.js`);

const cwd = join(tmpdir(), 'msglint-fuzz-cwd');
mkdirSync(cwd, { recursive: true });
// No config files: the run must not depend on the machine. Custom rules exercise fixes and
// the linear-time regex engine.
const linter = new Linter({
  cwd,
  useConfigFiles: false,
  overrideConfig: {
    customRules: {
      terms: { type: 'substitution', swap: { 'e-mail': 'email', 'web site': 'website' } },
      shout: { type: 'existence', pattern: '(a+)+b|[A-Z]{4,}' },
    },
  },
});

/** Problems with a result that no input may cause. */
function violations(text, result) {
  const out = [];
  const lines = new LineIndex(text);
  const counts = { error: 0, warn: 0, info: 0 };
  for (const f of result.findings) {
    const [a, b] = f.range ?? [];
    const where = `${f.ruleId}: ${f.message?.slice(0, 80)}`;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < a || b > text.length) {
      out.push(`range [${a}, ${b}] outside the text (length ${text.length}) — ${where}`);
      continue;
    }
    const start = lines.at(a);
    const end = lines.at(b);
    if (f.line !== start.line || f.column !== start.column || f.endLine !== end.line || f.endColumn !== end.column) {
      out.push(`line/column ${f.line}:${f.column}-${f.endLine}:${f.endColumn} do not match range [${a}, ${b}] (${start.line}:${start.column}-${end.line}:${end.column}) — ${where}`);
    }
    if (!['error', 'warn', 'info'].includes(f.severity)) out.push(`severity ${f.severity} — ${where}`);
    else counts[f.severity]++;
    if (typeof f.message !== 'string' || f.message === '') out.push(`empty message — ${where}`);
    if (f.fix) {
      const [c, d] = f.fix.range;
      if (!(c >= 0 && c <= d && d <= text.length) || typeof f.fix.text !== 'string') out.push(`fix range [${c}, ${d}] invalid — ${where}`);
    }
  }
  if (counts.error !== result.errorCount || counts.warn !== result.warningCount || counts.info !== result.infoCount) {
    out.push(`counts ${JSON.stringify(counts)} differ from errorCount ${result.errorCount} / warningCount ${result.warningCount} / infoCount ${result.infoCount}`);
  }
  return out;
}

// Load every language's dictionary and lexicons once, before the clock starts: a first load
// takes seconds and would otherwise be counted against the input that triggers it.
for (const locale of ['en', 'en-GB', 'en-US', 'de', 'es', 'fr', 'it', 'fi', 'pt', 'nl']) {
  try {
    linter.lintText('Hello there, thanks for waiting. Ciao grazie merci danke gracias kiitos.', 'warm-up.txt', { locale });
  } catch {
    // a language without data: nothing to warm up
  }
}

parentPort.on('message', ({ from, to }) => {
  const report = { from, to, done: 0, crashes: [], violations: [], slow: [], totalMs: 0 };
  for (let i = from; i < to; i++) {
    const input = generate(seed, i, corpus);
    Atomics.store(state, 1, Date.now() - epoch);
    Atomics.store(state, 0, i);
    const t0 = performance.now();
    try {
      const result = linter.lintText(input.text, input.filePath);
      const problems = violations(input.text, result);
      if (fixes) {
        const edits = result.findings.filter((f) => f.fix).map((f) => f.fix);
        if (edits.length > 0) {
          const fixed = applyFixes(input.text, edits).output;
          const again = linter.lintText(fixed, input.filePath);
          problems.push(...violations(fixed, again).map((v) => `after fixing: ${v}`));
        }
      }
      if (problems.length > 0) report.violations.push({ index: i, filePath: input.filePath, kind: input.kind, problems: problems.slice(0, 5) });
    } catch (error) {
      report.crashes.push({ index: i, filePath: input.filePath, kind: input.kind, error: String(error?.message ?? error), stack: String(error?.stack ?? '').split('\n').slice(0, 8).join('\n') });
    }
    const ms = performance.now() - t0;
    report.totalMs += ms;
    if (ms > slowMs) report.slow.push({ index: i, filePath: input.filePath, kind: input.kind, ms: Math.round(ms), length: input.text.length });
    report.done++;
  }
  Atomics.store(state, 0, -1);
  parentPort.postMessage(report);
});
parentPort.postMessage({ ready: true });
