#!/usr/bin/env node
// msglint detection-quality benchmark.
//
//   npx tsc -p . && node bench/quality/run.mjs [--write] [--json] [--show-errors]
//                                              [--detector NAME[,NAME]] [--lang xx[,yy]] [--no-spelling]
//
// Lints the labelled sets under bench/quality/data/<detector>/<lang>.yml and the spelling
// data under bench/quality/spelling/ through the built library (dist/), and prints
// precision / recall / F1 per detector and language, and spelling recall, top-1 suggestion
// accuracy and false positives per 1,000 words. It measures, it does not gate: the exit
// code is 0 whenever the benchmark ran, and each missed target is printed on its own line.
//
// The data is an evaluation set. Do not copy it into rules/data/ lexicons: a detector tuned
// on these examples measures nothing (bench/quality/README.md).
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { DATA, DETECTORS, HERE, LANGS, ROOT, TARGETS, loadLibrary, parseFlags } from './common.mjs';

const SPELLING = join(HERE, 'spelling');

// Carrier sentences for the misspellings: the typo replaces `{w}`. Every carrier word is a
// plain dictionary word, so any other finding in a carrier is noise (counted separately).
// The typo never follows a colon or sits in quotes: retext treats such words as literals
// (`Check this word: foo.`) and never spell-checks them, which is by design.
const CARRIERS = {
  en: ['We wrote {w} in the last message.', 'The note says {w} and nothing else.', 'Here is the word {w} again.', 'Someone typed {w} in the reply.'],
  it: ['Nel messaggio abbiamo scritto {w} per errore.', 'La nota dice {w} e basta.', 'Ecco di nuovo la parola {w} nel testo.', 'Qualcuno ha scritto {w} nella risposta.'],
  fr: ['Dans le message, nous avons écrit {w} par erreur.', 'La note dit {w} et rien de plus.', 'Voici encore le mot {w} dans le texte.', "Quelqu'un a écrit {w} dans la réponse."],
  es: ['En el mensaje escribimos {w} por error.', 'La nota dice {w} y nada más.', 'Aquí está otra vez la palabra {w} en el texto.', 'Alguien escribió {w} en la respuesta.'],
  de: ['In der Nachricht stand {w} als Fehler.', 'Die Notiz sagt {w} und sonst nichts.', 'Hier steht noch einmal das Wort {w} im Text.', 'Jemand hat {w} in die Antwort geschrieben.'],
  fi: ['Viestissä luki eilen virheellisesti {w} ilman syytä.', 'Muistiinpanossa lukee {w} eikä muuta.', 'Tässä on taas sana {w} tekstissä.', 'Joku kirjoitti {w} vastaukseen.'],
};

// ---------------------------------------------------------------------------------------
const { flag, listArg, onlyDetectors, onlyLangs, langs } = parseFlags(
  process.argv,
  'usage: node bench/quality/run.mjs [--write] [--json] [--show-errors] [--detector NAME[,NAME]] [--lang xx[,yy]] [--no-spelling]',
);
const { Linter, ruleIds, linterFor } = await loadLibrary();

/** Lints one text; returns the findings of `ruleId` and any fatal (format) errors. */
function lint(linter, ruleId, text, context) {
  const result = linter.lintText(text, 'x.md', context);
  const findings = result.findings ?? result.messages ?? [];
  return {
    findings: findings.filter((f) => f.ruleId === ruleId),
    fatal: findings.filter((f) => f.fatal),
  };
}

const item = (x) => (typeof x === 'string' ? { text: x } : { text: String(x.text), note: x.note });
const round = (x) => (x === null || Number.isNaN(x) ? null : Math.round(x * 1000) / 1000);
const fmt = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));

function readSet(detector, lang) {
  const file = join(DATA, detector, `${lang}.yml`);
  if (!existsSync(file)) return undefined;
  const doc = YAML.parse(readFileSync(file, 'utf8')) ?? {};
  return { file, positive: (doc.positive ?? []).map(item), negative: (doc.negative ?? []).map(item) };
}

function scores(c) {
  const precision = c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
  const f1 = precision === null || recall === null || precision + recall === 0 ? (precision === 0 || recall === 0 ? 0 : null) : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

// ---------------------------------------------------------------------------------------
// Detectors
const detectorRows = [];
const errors = [];
const fatalErrors = [];
for (const [detector, spec] of Object.entries(DETECTORS)) {
  if (onlyDetectors && !onlyDetectors.includes(detector)) continue;
  const linter = linterFor(spec.rule);
  const total = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const lang of langs) {
    const set = readSet(detector, lang);
    if (!set) continue;
    const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
    let reported = 0;
    const started = performance.now();
    for (const [label, examples] of [['positive', set.positive], ['negative', set.negative]]) {
      for (const ex of examples) {
        const { findings, fatal } = lint(linter, spec.rule, ex.text, { locale: lang, ...spec.context });
        if (fatal.length) fatalErrors.push({ detector, lang, text: ex.text, message: fatal[0].message });
        const flagged = findings.length > 0;
        if (flagged) reported++;
        const predicted = spec.findingMeans === 'positive' ? (flagged ? 'positive' : 'negative') : flagged ? 'negative' : 'positive';
        if (label === 'positive') predicted === 'positive' ? c.tp++ : c.fn++;
        else predicted === 'negative' ? c.tn++ : c.fp++;
        if (predicted !== label) {
          errors.push({
            detector,
            lang,
            kind: label === 'positive' ? 'false negative' : 'false positive',
            text: ex.text,
            note: ex.note,
            findings: findings.map((f) => f.message),
          });
        }
      }
    }
    // A rule that reports nothing on a whole set is most likely not implemented for the
    // language (no lexicon): its scores are then an artefact, flagged as `inactive`.
    detectorRows.push({ detector, lang, positives: set.positive.length, negatives: set.negative.length, ...c, ...scores(c), inactive: reported === 0, ms: Math.round(performance.now() - started) });
    if (reported > 0) for (const k of Object.keys(total)) total[k] += c[k];
  }
  if (!onlyLangs || onlyLangs.length > 1) {
    const n = detectorRows.filter((r) => r.detector === detector && !r.inactive);
    if (n.length > 1) {
      // Pooled over the languages where the rule is active (inactive sets are listed above).
      detectorRows.push({ detector, lang: 'all', languages: n.map((r) => r.lang), positives: n.reduce((s, r) => s + r.positives, 0), negatives: n.reduce((s, r) => s + r.negatives, 0), ...total, ...scores(total), ms: n.reduce((s, r) => s + r.ms, 0) });
    }
  }
}

// ---------------------------------------------------------------------------------------
// Spelling
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const countWords = (text) => (text.match(WORD) ?? []).length;

function readTsv(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [typo, correction] = l.split('\t');
      return { typo: typo?.trim(), correction: correction?.trim() };
    })
    .filter((p) => p.typo && p.correction);
}

function readClean(lang) {
  const out = [];
  for (const name of readdirSync(SPELLING).sort()) {
    const m = /^([a-z]{2})-clean(?:-[\w-]+)?\.yml$/.exec(name);
    if (!m || m[1] !== lang) continue;
    const doc = YAML.parse(readFileSync(join(SPELLING, name), 'utf8')) ?? {};
    const list = Array.isArray(doc) ? doc : doc.messages ?? [];
    for (const x of list) out.push({ ...item(x), file: name });
  }
  return out;
}

const spellingRows = [];
const spellingErrors = [];
if (!flag('--no-spelling') && (!onlyDetectors || onlyDetectors.includes('spelling'))) {
  const linter = linterFor('spelling');
  for (const lang of langs) {
    const pairs = readTsv(join(SPELLING, `${lang}-misspellings.tsv`));
    const clean = readClean(lang);
    if (pairs.length === 0 && clean.length === 0) continue;
    const started = performance.now();
    let unsupported = false;
    let flagged = 0;
    let top1 = 0;
    let topN = 0;
    let carrierNoise = 0;
    const carriers = CARRIERS[lang];
    pairs.forEach((pair, i) => {
      const carrier = carriers[i % carriers.length];
      const text = carrier.replace('{w}', pair.typo);
      const at = carrier.indexOf('{w}');
      const result = linter.lintText(text, 'x.md', { locale: lang });
      const all = (result.findings ?? []).filter((f) => f.ruleId === 'spelling' || /Spelling is not checked/.test(f.message));
      if (all.some((f) => f.severity === 'info' && /not checked/.test(f.message))) unsupported = true;
      const real = all.filter((f) => f.severity !== 'info');
      const hit = real.find((f) => f.range && f.range[0] < at + pair.typo.length && f.range[1] > at);
      carrierNoise += real.filter((f) => f !== hit).length;
      if (hit) {
        flagged++;
        const s = hit.suggestions ?? [];
        if (s[0] === pair.correction) top1++;
        if (s.includes(pair.correction)) topN++;
        if (s[0] !== pair.correction) spellingErrors.push({ lang, kind: 'wrong suggestion', text: `${pair.typo} → ${pair.correction}`, findings: [`suggested: ${s.length ? s.join(', ') : '(none)'}`] });
      } else {
        spellingErrors.push({ lang, kind: 'typo not flagged', text: `${pair.typo} → ${pair.correction}`, findings: [] });
      }
    });
    let words = 0;
    let cleanFindings = 0;
    for (const msg of clean) {
      words += countWords(msg.text);
      const result = linter.lintText(msg.text, 'x.md', { locale: lang });
      const all = (result.findings ?? []).filter((f) => f.ruleId === 'spelling' || /Spelling is not checked/.test(f.message));
      if (all.some((f) => f.severity === 'info' && /not checked/.test(f.message))) unsupported = true;
      const real = all.filter((f) => f.severity !== 'info');
      cleanFindings += real.length;
      for (const f of real) spellingErrors.push({ lang, kind: 'false positive', text: msg.text, findings: [`${f.actual ?? f.message}${f.suggestions ? ` (→ ${f.suggestions.join(', ')})` : ''}`], file: msg.file });
    }
    const n = pairs.length;
    spellingRows.push({
      lang,
      supported: !unsupported,
      pairs: n,
      recall: unsupported || n === 0 ? null : round(flagged / n),
      top1: unsupported || n === 0 ? null : round(top1 / n),
      top1OfFlagged: unsupported || flagged === 0 ? null : round(top1 / flagged),
      topN: unsupported || n === 0 ? null : round(topN / n),
      carrierNoise,
      cleanMessages: clean.length,
      words,
      falsePositives: unsupported ? null : cleanFindings,
      fpPer1k: unsupported || words === 0 ? null : round((cleanFindings / words) * 1000),
      ms: Math.round(performance.now() - started),
    });
  }
}

// ---------------------------------------------------------------------------------------
// Targets
const missed = [];
for (const r of detectorRows) {
  const t = TARGETS[r.detector];
  if (r.inactive) {
    missed.push(`${r.detector}/${r.lang}: \`${DETECTORS[r.detector].rule}\` reported nothing on the whole set (not implemented for this language?)`);
    continue;
  }
  if (r.precision === null || r.precision < t.precision) missed.push(`${r.detector}/${r.lang}: precision ${fmt(r.precision)} < ${t.precision}`);
  if (r.recall === null || r.recall < t.recall) missed.push(`${r.detector}/${r.lang}: recall ${fmt(r.recall)} < ${t.recall}`);
}
for (const r of spellingRows) {
  const t = TARGETS.spelling;
  if (!r.supported) {
    missed.push(`spelling/${r.lang}: not checked (no dictionary for this locale)`);
    continue;
  }
  if (r.pairs > 0 && r.recall < t.recall) missed.push(`spelling/${r.lang}: recall ${fmt(r.recall)} < ${t.recall}`);
  if (r.pairs > 0 && r.top1 < t.top1) missed.push(`spelling/${r.lang}: top-1 suggestion accuracy ${fmt(r.top1)} < ${t.top1}`);
  if (r.fpPer1k !== null && r.fpPer1k > t.fpPer1k) missed.push(`spelling/${r.lang}: ${fmt(r.fpPer1k)} false positives per 1,000 words > ${t.fpPer1k}`);
}

// ---------------------------------------------------------------------------------------
// Output
function markdown(forFile = false) {
  const out = [];
  out.push('# msglint detection-quality benchmark');
  out.push('');
  out.push(`Measured ${new Date().toISOString().slice(0, 10)} with Node ${process.versions.node} by \`node bench/quality/run.mjs\` on the sets in \`bench/quality/data/\` and \`bench/quality/spelling/\` (see bench/quality/README.md for the labelling guidelines).`);
  out.push('');
  if (detectorRows.length) {
    out.push('## Detectors');
    out.push('');
    out.push('Positive class: promotional content present / sarcasm present / polite closing present / greeting present. A `require-closing` or `require-greeting` finding predicts the negative class. `inactive`: the rule reported nothing on the whole set (most likely not implemented for the language); the `all active` rows pool the other languages.');
    out.push('');
    out.push('| detector | lang | precision | recall | F1 | TP | FP | FN | TN | positives | negatives | status |');
    out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const r of detectorRows) {
      const b = r.lang === 'all' ? '**' : '';
      const lang = r.lang === 'all' ? `all active (${r.languages.join(', ')})` : r.lang;
      const t = TARGETS[r.detector];
      const ok = !r.inactive && r.precision !== null && r.recall !== null && r.precision >= t.precision && r.recall >= t.recall;
      const status = r.inactive ? 'inactive: no findings on the set' : ok ? 'meets target' : 'below target';
      out.push(`| ${b}${r.detector}${b} | ${b}${lang}${b} | ${b}${fmt(r.precision)}${b} | ${b}${fmt(r.recall)}${b} | ${b}${fmt(r.f1)}${b} | ${r.tp} | ${r.fp} | ${r.fn} | ${r.tn} | ${r.positives} | ${r.negatives} | ${status} |`);
    }
    out.push('');
    out.push('Targets: precision ≥ 0.90 and recall ≥ 0.85 (promotional, closing, greeting); precision ≥ 0.90 and recall ≥ 0.70 (sarcasm).');
    out.push('');
  }
  if (spellingRows.length) {
    out.push('## Spelling');
    out.push('');
    out.push('Recall: share of misspellings (each inside a carrier sentence of its language) flagged by `spelling`. Top-1: share of misspellings whose first suggestion is the correction (top-1 of flagged and correction-in-suggestions also shown). FP/1k: `spelling` findings per 1,000 words of typo-free messages.');
    out.push('');
    out.push('| lang | misspellings | recall | top-1 | top-1 of flagged | in suggestions | carrier noise | clean messages | words | false positives | FP / 1k words |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of spellingRows) {
      if (!r.supported) {
        out.push(`| ${r.lang} | ${r.pairs} | not checked | – | – | – | – | ${r.cleanMessages} | ${r.words} | – | – |`);
        continue;
      }
      out.push(`| ${r.lang} | ${r.pairs} | ${fmt(r.recall)} | ${fmt(r.top1)} | ${fmt(r.top1OfFlagged)} | ${fmt(r.topN)} | ${r.carrierNoise} | ${r.cleanMessages} | ${r.words} | ${r.falsePositives} | ${fmt(r.fpPer1k)} |`);
    }
    out.push('');
    out.push('Targets: recall ≥ 0.95, top-1 ≥ 0.75, ≤ 2 false positives per 1,000 words. `carrier noise` counts findings on the carrier words (should be 0).');
    out.push('');
  }
  if (forFile) {
    out.push('## Targets missed');
    out.push('');
    if (missed.length === 0) out.push('None.');
    else for (const m of missed) out.push(`- ${m}`);
  }
  if (fatalErrors.length) {
    out.push('');
    out.push(`## Examples that could not be linted (${fatalErrors.length})`);
    out.push('');
    for (const e of fatalErrors) out.push(`- ${e.detector}/${e.lang}: ${JSON.stringify(e.text)}: ${e.message}`);
  }
  return out.join('\n') + '\n';
}

function errorsMarkdown() {
  const out = ['', '## Misclassified examples', '', 'For studying the detectors. Do not copy these examples into the lexicons (bench/quality/README.md).', ''];
  const groups = new Map();
  for (const e of errors) {
    const key = `${e.detector}/${e.lang}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }
  for (const [key, list] of groups) {
    out.push(`### ${key} (${list.length})`);
    for (const e of list) out.push(`- ${e.kind}: ${JSON.stringify(e.text)}${e.note ? ` (note: ${e.note})` : ''}${e.findings.length ? ` ← ${e.findings.join(' | ')}` : ''}`);
    out.push('');
  }
  const sg = new Map();
  for (const e of spellingErrors) {
    const key = `spelling/${e.lang}: ${e.kind}`;
    if (!sg.has(key)) sg.set(key, []);
    sg.get(key).push(e);
  }
  for (const [key, list] of sg) {
    out.push(`### ${key} (${list.length})`);
    for (const e of list) out.push(`- ${e.text}${e.findings.length ? ` ← ${e.findings.join(' | ')}` : ''}${e.file ? ` [${e.file}]` : ''}`);
    out.push('');
  }
  return out.join('\n');
}

if (flag('--json')) {
  const json = { detectors: detectorRows, spelling: spellingRows, targets: TARGETS, missed, fatal: fatalErrors };
  if (flag('--show-errors')) Object.assign(json, { errors, spellingErrors });
  console.log(JSON.stringify(json, null, 2));
} else {
  const md = markdown();
  process.stdout.write(md);
  if (flag('--show-errors')) process.stdout.write(errorsMarkdown());
  process.stdout.write('\n');
  if (missed.length === 0) console.log('All targets met.');
  for (const m of missed) console.log(`TARGET MISSED ${m}`);
}
if (flag('--write')) {
  writeFileSync(join(HERE, 'RESULTS.md'), markdown(true));
  if (!flag('--json')) console.error('wrote bench/quality/RESULTS.md');
}
process.exit(0);
