#!/usr/bin/env node
// Study / held-out split of the detection-quality benchmark.
//
//   npx tsc -p . && node bench/quality/split.mjs [--json] [--show-errors]
//                                                [--detector NAME[,NAME]] [--lang xx[,yy]]
//
// Same evaluation as run.mjs (same rules, contexts, linter set-up), but precision / recall
// are reported separately for two halves of every set:
//   study    = items at EVEN positions (0, 2, 4, …) of each `positive` / `negative` list
//   held-out = items at ODD positions  (1, 3, 5, …)
// Lexicon work may look at study-half errors only; the held-out half is the honest measure.
// `--show-errors` lists study-half errors only, never held-out items.
//
// Detectors, targets, flags and the linter set-up come from common.mjs, shared with run.mjs.
// (`--no-spelling` is accepted and ignored: this script has no spelling part.)
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { DATA, DETECTORS, LANGS, TARGETS, loadLibrary, parseFlags } from './common.mjs';

const { flag, onlyDetectors, langs } = parseFlags(
  process.argv,
  'usage: node bench/quality/split.mjs [--json] [--show-errors] [--detector NAME[,NAME]] [--lang xx[,yy]]',
);
const { linterFor } = await loadLibrary();

function lint(linter, ruleId, text, context) {
  const result = linter.lintText(text, 'x.md', context);
  const findings = result.findings ?? result.messages ?? [];
  return findings.filter((f) => f.ruleId === ruleId);
}

const item = (x) => (typeof x === 'string' ? { text: x } : { text: String(x.text), note: x.note });
const round = (x) => (x === null || Number.isNaN(x) ? null : Math.round(x * 1000) / 1000);
const fmt = (x) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(2));

function readSet(detector, lang) {
  const file = join(DATA, detector, `${lang}.yml`);
  if (!existsSync(file)) return undefined;
  const doc = YAML.parse(readFileSync(file, 'utf8')) ?? {};
  return { positive: (doc.positive ?? []).map(item), negative: (doc.negative ?? []).map(item) };
}

function scores(c) {
  const precision = c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
  return { precision: round(precision), recall: round(recall) };
}

const HALVES = ['study', 'heldout'];
const rows = [];
const studyErrors = [];
for (const [detector, spec] of Object.entries(DETECTORS)) {
  if (onlyDetectors && !onlyDetectors.includes(detector)) continue;
  const linter = linterFor(spec.rule);
  for (const lang of langs) {
    const set = readSet(detector, lang);
    if (!set) continue;
    const c = { study: { tp: 0, fp: 0, fn: 0, tn: 0 }, heldout: { tp: 0, fp: 0, fn: 0, tn: 0 } };
    for (const [label, examples] of [['positive', set.positive], ['negative', set.negative]]) {
      examples.forEach((ex, index) => {
        const half = index % 2 === 0 ? 'study' : 'heldout';
        const findings = lint(linter, spec.rule, ex.text, { locale: lang, ...spec.context });
        const flagged = findings.length > 0;
        const predicted = spec.findingMeans === 'positive' ? (flagged ? 'positive' : 'negative') : flagged ? 'negative' : 'positive';
        const k = c[half];
        if (label === 'positive') predicted === 'positive' ? k.tp++ : k.fn++;
        else predicted === 'negative' ? k.tn++ : k.fp++;
        // Only study-half errors are ever recorded, so held-out items cannot be printed.
        if (predicted !== label && half === 'study') {
          studyErrors.push({
            detector,
            lang,
            index,
            kind: label === 'positive' ? 'false negative' : 'false positive',
            text: ex.text,
            note: ex.note,
            findings: findings.map((f) => f.message),
          });
        }
      });
    }
    rows.push({ detector, lang, study: { ...c.study, ...scores(c.study) }, heldout: { ...c.heldout, ...scores(c.heldout) } });
  }
}

const meets = (r, half) => {
  const t = TARGETS[r.detector];
  const s = r[half];
  return s.precision !== null && s.recall !== null && s.precision >= t.precision && s.recall >= t.recall;
};

if (flag('--json')) {
  const json = { rows, targets: TARGETS };
  if (flag('--show-errors')) json.studyErrors = studyErrors;
  console.log(JSON.stringify(json, null, 2));
  process.exit(0);
}

const out = [];
out.push('| detector | lang | study P | study R | study FP/FN | held-out P | held-out R | held-out FP/FN | status (held-out) |');
out.push('|---|---|---:|---:|---:|---:|---:|---:|---|');
for (const r of rows) {
  out.push(
    `| ${r.detector} | ${r.lang} | ${fmt(r.study.precision)} | ${fmt(r.study.recall)} | ${r.study.fp}/${r.study.fn} | ${fmt(r.heldout.precision)} | ${fmt(r.heldout.recall)} | ${r.heldout.fp}/${r.heldout.fn} | ${meets(r, 'heldout') ? 'meets target' : 'below target'} |`,
  );
}
out.push('');
out.push('study = even positions, held-out = odd positions of each list. Targets: P ≥ 0.90; R ≥ 0.85 (promotional, closing, greeting), ≥ 0.70 (sarcasm).');
if (flag('--show-errors')) {
  out.push('');
  out.push('## Misclassified examples (study half only)');
  const groups = new Map();
  for (const e of studyErrors) {
    const key = `${e.detector}/${e.lang}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }
  for (const [key, list] of groups) {
    out.push('');
    out.push(`### ${key} (${list.length})`);
    for (const e of list) out.push(`- [${e.index}] ${e.kind}: ${JSON.stringify(e.text)}${e.note ? ` (note: ${e.note})` : ''}${e.findings.length ? ` ← ${e.findings.join(' | ')}` : ''}`);
  }
}
console.log(out.join('\n'));
process.exit(0);
