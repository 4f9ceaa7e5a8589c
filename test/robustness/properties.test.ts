// Property-based tests (fast-check, fixed seed; FC_RUNS=<n> runs longer, FC_SEED=<n> another
// seed). Random messages — known words, misspellings, placeholders, escapes, emoji, combining
// marks, RTL and zero-width characters, line breaks — are serialised into every format msglint
// reads (plain text, Markdown with front matter, the catalogue in YAML with every scalar style
// and in JSON with escapes, Send API JSON, WhatsApp template JSON, Rasa domain.yml, .lg,
// locale JSON), with CRLF and BOM variants, and linted in process. Properties:
//   1. every finding lies inside the file, and its line/column are those of its range;
//   2. a spelling finding's range, decoded as the format decodes it, is the reported word;
//      every misspelling put in is reported exactly once per occurrence;
//   3. masking placeholders never shifts offsets (same length, other characters untouched);
//   4. --fix (a substitution rule) changes exactly the fixed words, nothing else, and a second
//      pass changes nothing;
//   5. the same catalogue written as YAML and as JSON gives the same findings.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../src/engine/decode.js';
import { applyFixes, fixFile } from '../../src/engine/fix.js';
import { Linter } from '../../src/engine/lint.js';
import { BUILT_IN_STYLES, findLiterals, findPlaceholders, maskRanges } from '../../src/engine/placeholders.js';
import { LineIndex } from '../../src/engine/positions.js';
import type { FileResult, Finding } from '../../src/types.js';
import { rules } from '../../rules/index.js';

const RUNS = Number(process.env.FC_RUNS ?? 25);
const SEED = Number(process.env.FC_SEED ?? 20_251_125);
const params = (runs = RUNS) => ({ seed: SEED, numRuns: runs, endOnFailure: true });
const TIMEOUT = 60_000 + RUNS * 2_000;

// ── Messages ─────────────────────────────────────────────────────────────────────────────

const KNOWN = ['Hello', 'your', 'order', 'has', 'shipped', 'and', 'arrives', 'on', 'Friday', 'thanks', 'for', 'waiting', 'we', 'are', 'sorry', 'track', 'the', 'parcel', 'today', 'help', 'you'];
const MISSPELLED = ['frend', 'expresing', 'recieve', 'adress', 'definately'];
const PLACEHOLDERS = ['{{first_name}}', '{{1}}', '${name}', '{name}', '%s', '{{ order_id }}'];
const PUNCTUATION = ['.', ',', '!', '?', ';', ':'];
const ODD = ['😀', '👍🏽', '🇮🇹', 'e\u0301', 'שלום', 'مرحبا', '\u00a0', '\u200b', '"', "'", '\\', '\t', 'café', 'naïve', 'https://example.com/a?b=1', 'help@example.org'];
const SWAPS = ['e-mail', 'E-mail', 'web site', 'Web site'];
/** Punctuation that can make a neighbouring word a literal (nlcst-is-literal). */
const LITERAL_DELIMITER = /^[-–—:;,"'‘’‚“”„«»‹›()[\]{}⟨⟩「」]$/u;

interface Options {
  /** allow line breaks in messages */
  multiline?: boolean;
  /** no Markdown syntax characters (for .md bodies) */
  markdownSafe?: boolean;
  /** no backslash, `$`, backtick (for .lg) */
  lgSafe?: boolean;
  /** include substitution phrases (e-mail, web site) */
  swaps?: boolean;
}

function message(options: Options = {}): fc.Arbitrary<string> {
  const odd = ODD.filter((t) => !(options.markdownSafe && /[\\"'`]/.test(t)) && !(options.lgSafe && /[\\]/.test(t)));
  const placeholders = PLACEHOLDERS.filter((p) => !(options.lgSafe && p.startsWith('{{ ')));
  const token = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...KNOWN) },
    { weight: 2, arbitrary: fc.constantFrom(...MISSPELLED) },
    { weight: 2, arbitrary: fc.constantFrom(...placeholders) },
    { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 2, arbitrary: fc.constantFrom(...odd) },
    { weight: options.swaps ? 3 : 0, arbitrary: fc.constantFrom(...SWAPS) },
    { weight: options.multiline ? 1 : 0, arbitrary: fc.constantFrom('\n', '\n\n') },
  );
  return fc
    .array(token, { minLength: 1, maxLength: 14 })
    .map((tokens) => tokens.join(' ').replace(/ *\n */g, '\n').replace(/^[\s\u200b]+|[\s\u200b]+$/g, ''))
    .filter((text) => /[A-Za-z]/.test(text))
    .filter((text) => !options.lgSafe || !/^(\{[^]*\}|\[[^]*\])$/.test(text));
}

// ── Serialisers: each file remembers how to decode a span of each message ────────────────

type Decoder = (span: string) => string;
const identity: Decoder = (s) => s;
const jsonDecode: Decoder = (s) => JSON.parse(`"${s}"`) as string;
const singleDecode: Decoder = (s) => s.replace(/''/g, "'");
const lgDecode: Decoder = (s) => s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);

interface Serialised {
  filePath: string;
  text: string;
  /** messageId → how a span of that message's source is decoded (`*` for every message) */
  decoders: Record<string, Decoder>;
  /** the message texts as a linter must see them */
  values: string[];
}

/**
 * Which characters a serialiser writes as an escape: letters chosen by their code (so the
 * choice survives the shifts a fix makes), never inside a substitution phrase, its
 * replacement, or a placeholder (so fixes stay possible and placeholders stay placeholders).
 */
const PROTECTED = [...SWAPS, 'email', 'Email', 'website', 'Website', ...PLACEHOLDERS];
function escapable(text: string, mask: number[]): (i: number) => boolean {
  const covered = new Uint8Array(text.length);
  for (const phrase of PROTECTED) for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) covered.fill(1, i, i + phrase.length);
  return (i) => covered[i] === 0 && mask[text.charCodeAt(i) % mask.length] === 1;
}

/** A JSON string literal, some letters as \uXXXX and some `/` as `\/`. */
function jsonString(text: string, mask: number[]): string {
  const escape = escapable(text, mask);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (/[a-z]/.test(c) && escape(i)) out += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else if (c === '/' && escape(i)) out += '\\/';
    else out += JSON.stringify(c).slice(1, -1);
  }
  return `"${out}"`;
}

type YamlStyle = 'plain' | 'single' | 'double' | 'literal' | 'literal-strip' | 'folded' | 'plain-multiline' | 'double-multiline' | 'folded-multiline';

/**
 * Where a one-line text may be broken over several YAML lines (a fold reads back as one
 * space): at single spaces between two words, chosen by the word before (so the choice
 * survives a fix elsewhere), never next to a substitution phrase or its replacement.
 */
const SWAP_WORDS = new Set(['e-mail', 'E-mail', 'web', 'Web', 'site', 'email', 'Email', 'website', 'Website']);
function fold(text: string, mask: number[], pad: string): string {
  let out = '';
  let wordStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ') {
      const before = text.slice(wordStart, i);
      const after = text.slice(i + 1).split(' ')[0];
      const hash = [...before].reduce((h, ch) => h + ch.charCodeAt(0), 0);
      const safe = before !== '' && after !== '' && !/\s/.test(text[i - 1]) && !/\s/.test(text[i + 1] ?? ' ') && !SWAP_WORDS.has(before) && !SWAP_WORDS.has(after);
      out += safe && mask[hash % mask.length] === 1 ? `\n${pad}` : ' ';
      wordStart = i + 1;
    } else out += c;
  }
  return out;
}

function yamlScalar(text: string, style: YamlStyle, indent: number, escapeMask: number[]): { source: string; value: string; decoder: Decoder } {
  const pad = ' '.repeat(indent);
  const oneLine = !text.includes('\n');
  const plainSafe = oneLine && /^[A-Za-z][A-Za-z .,!?-]*[A-Za-z.!?]$/.test(text) && !/ #|: | -|- /.test(text);
  const blockSafe = !/^[ \t]/m.test(text) && !/[\t\u00a0\u200b]/.test(text) && !text.endsWith('\n');
  if (style === 'plain' && plainSafe) return { source: text, value: text, decoder: identity };
  if (style === 'plain-multiline' && plainSafe) return { source: fold(text, escapeMask, pad), value: text, decoder: identity };
  if (style === 'single' && oneLine && !/[\\\t]/.test(text)) return { source: `'${text.replace(/'/g, "''")}'`, value: text, decoder: singleDecode };
  if (style === 'literal' && blockSafe) return { source: `|\n${text.split('\n').map((l) => (l ? pad + l : '')).join('\n')}\n`, value: `${text}\n`, decoder: identity };
  if (style === 'literal-strip' && blockSafe) return { source: `|-\n${text.split('\n').map((l) => (l ? pad + l : '')).join('\n')}\n`, value: text, decoder: identity };
  if (style === 'folded' && blockSafe && oneLine) return { source: `>-\n${pad}${text}\n`, value: text, decoder: identity };
  if (style === 'folded-multiline' && blockSafe && oneLine) return { source: `>-\n${pad}${fold(text, escapeMask, pad)}\n`, value: text, decoder: identity };
  if (style === 'double-multiline' && oneLine) {
    const json = jsonString(text, escapeMask);
    return { source: `"${fold(json.slice(1, -1), escapeMask, pad)}"`, value: text, decoder: jsonDecode };
  }
  return { source: jsonString(text, escapeMask), value: text, decoder: jsonDecode };
}

const styleArb = fc.constantFrom<YamlStyle>('plain', 'single', 'double', 'literal', 'literal-strip', 'folded', 'plain-multiline', 'double-multiline', 'folded-multiline');
const maskArb = fc.array(fc.constantFrom(0, 0, 0, 1), { minLength: 1, maxLength: 7 });

/** A catalogue (msglint's `messages:` format) in YAML: one random style per message. */
function catalogueYaml(messages: string[], styles: YamlStyle[], mask: number[], name = 'cat.yml'): Serialised {
  const decoders: Record<string, Decoder> = {};
  const values: string[] = [];
  const items = messages.map((m, i) => {
    const s = yamlScalar(m, styles[i % styles.length], 6, mask);
    decoders[`m${i}`] = s.decoder;
    values.push(s.value);
    return `  - id: m${i}\n    text: ${s.source.endsWith('\n') ? s.source.slice(0, -1) : s.source}`;
  });
  return { filePath: name, text: `messages:\n${items.join('\n')}\n`, decoders, values };
}

function catalogueJson(values: string[], mask: number[], name = 'cat.json'): Serialised {
  const items = values.map((v, i) => `    {"id": "m${i}", "text": ${jsonString(v, mask)}}`);
  return { filePath: name, text: `{\n  "messages": [\n${items.join(',\n')}\n  ]\n}\n`, decoders: { '*': jsonDecode }, values };
}

const FORMATS: Record<string, { options: Options; count: [number, number]; make: (messages: string[], styles: YamlStyle[], mask: number[]) => Serialised }> = {
  txt: { options: { multiline: true }, count: [1, 1], make: ([m]) => ({ filePath: 'draft.txt', text: `${m}\n`, decoders: { '*': identity }, values: [m] }) },
  markdown: {
    options: { multiline: true, markdownSafe: true },
    count: [1, 1],
    make: ([m]) => ({ filePath: 'draft.md', text: `---\nchannel: messenger\nkind: update\n---\n${m}\n`, decoders: { '*': identity }, values: [m] }),
  },
  catalogueYaml: { options: { multiline: true }, count: [1, 4], make: (ms, styles, mask) => catalogueYaml(ms, styles, mask) },
  catalogueJson: { options: { multiline: true }, count: [1, 4], make: (ms, _s, mask) => catalogueJson(ms, mask) },
  sendApi: {
    options: { multiline: true },
    count: [1, 1],
    make: ([m], _s, mask) => ({ filePath: 'send.json', text: `{"recipient": {"id": "1"}, "messaging_type": "RESPONSE", "message": {"text": ${jsonString(m, mask)}}}\n`, decoders: { '*': jsonDecode }, values: [m] }),
  },
  whatsapp: {
    options: { multiline: true },
    count: [1, 1],
    make: ([m], _s, mask) => ({
      filePath: 'whatsapp/t.json',
      text: `{"name": "t", "category": "MARKETING", "language": "en_US", "components": [{"type": "BODY", "text": ${jsonString(m, mask)}}]}\n`,
      decoders: { '*': jsonDecode },
      values: [m],
    }),
  },
  rasa: {
    options: { multiline: true },
    count: [1, 3],
    make: (ms, styles, mask) => {
      const decoders: Record<string, Decoder> = {};
      const values: string[] = [];
      const responses = ms.map((m, i) => {
        const s = yamlScalar(m, styles[i % styles.length], 8, mask);
        decoders[`utter_r${i}[0]`] = s.decoder;
        values.push(s.value);
        return `  utter_r${i}:\n    - text: ${s.source.endsWith('\n') ? s.source.slice(0, -1) : s.source}`;
      });
      return { filePath: 'domain.yml', text: `version: "3.1"\nintents:\n  - greet\nresponses:\n${responses.join('\n')}\n`, decoders, values };
    },
  },
  lg: {
    // Messages that start with `{`/`[` and end with `}`/`]` are left out: the LG adapter skips
    // them as JSON payloads (a known bug, see bad-input.test.ts).
    options: { lgSafe: true },
    count: [1, 3],
    make: (ms, _s, mask) => {
      // Some letters written as LG escapes (`\x` → x, except n, r, t).
      const lg = (m: string) => {
        const escape = escapable(m, mask);
        return m.split('').map((c, i) => (/[a-mo-qsu-z]/.test(c) && escape(i) ? `\\${c}` : c)).join('');
      };
      return { filePath: 'bot.lg', text: ms.map((m, i) => `# Reply${i}\n- ${lg(m)}\n`).join('\n'), decoders: { '*': lgDecode }, values: ms };
    },
  },
  localeJson: {
    options: { multiline: true },
    count: [1, 3],
    make: (ms, _s, mask) => ({
      filePath: 'locales/en.json',
      text: `{\n  "orders": {\n${ms.map((m, i) => `    "status_${i}": ${jsonString(m, mask)}`).join(',\n')}\n  }\n}\n`,
      decoders: { '*': jsonDecode },
      values: ms,
    }),
  },
};

type Variant = 'lf' | 'crlf' | 'bom' | 'crlf+bom';
/** The decoded text msglint sees for a file written with CRLF and/or a UTF-8 BOM. */
function variant(file: Serialised, v: Variant): Serialised {
  let text = file.text;
  if (v.includes('crlf')) text = text.replace(/\n/g, '\r\n');
  if (v.includes('bom')) text = decode(encode(text, 'utf8')).text;
  return { ...file, text };
}

const linter = new Linter({ useConfigFiles: false });

function decoderFor(file: Serialised, f: Finding): Decoder {
  return file.decoders[f.messageId ?? ''] ?? file.decoders['*'] ?? identity;
}

/** Property 1 for one result. */
function positionsProblems(source: string, result: FileResult): string[] {
  const lines = new LineIndex(source);
  const out: string[] = [];
  for (const f of result.findings) {
    const [a, b] = f.range;
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b && b <= source.length)) {
      out.push(`${f.ruleId} range [${a}, ${b}] outside 0..${source.length}`);
      continue;
    }
    const s = lines.at(a);
    const e = lines.at(b);
    if (s.line !== f.line || s.column !== f.column || e.line !== f.endLine || e.column !== f.endColumn) out.push(`${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ≠ range [${a}, ${b}]`);
    if (f.fatal) out.push(`fatal: ${f.message}`);
  }
  return out;
}

describe('positions and spans, in every format (fixed seed; FC_RUNS to run longer)', () => {
  for (const [name, format] of Object.entries(FORMATS)) {
    it(`${name}: findings lie in the file, spans decode to the reported word, every misspelling is found`, () => {
      const arb = fc.record({
        messages: fc.array(message(format.options), { minLength: format.count[0], maxLength: format.count[1] }),
        styles: fc.array(styleArb, { minLength: 1, maxLength: 4 }),
        mask: maskArb,
        variant: fc.constantFrom<Variant>('lf', 'crlf', 'bom', 'crlf+bom'),
      });
      fc.assert(
        fc.property(arb, ({ messages, styles, mask, variant: v }) => {
          const file = variant(format.make(messages, styles, mask), v);
          const result = linter.lintText(file.text, file.filePath);
          const problems = positionsProblems(file.text, result);
          const spelling = result.findings.filter((f) => f.ruleId === 'spelling');
          for (const f of spelling) {
            const span = file.text.slice(f.range[0], f.range[1]);
            let decoded: string;
            try {
              decoded = decoderFor(file, f)(span);
            } catch {
              decoded = `<undecodable ${JSON.stringify(span)}>`;
            }
            if (decoded !== f.actual) problems.push(`spelling span ${JSON.stringify(span)} decodes to ${JSON.stringify(decoded)}, reported ${JSON.stringify(f.actual)}`);
          }
          for (const word of MISSPELLED) {
            // Words next to a delimiter may be "literals" (nlcst-is-literal, as in retext-spell:
            // `frend:` at a sentence start, `, frend ,`, `"frend"`), which are skipped on purpose.
            const occurrences = file.values.flatMap((value) => [...value.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'gu'))].map((m) => ({ value, at: m.index })));
            // (neighbours as the rules see them: placeholders, URLs and e-mails blanked)
            const blank = (value: string) => [...PLACEHOLDERS, ...ODD.filter((t) => /[/@]/.test(t))].reduce((t, p) => t.split(p).join(' '.repeat(p.length)), value);
            const checkable = occurrences.filter(({ value, at }) => {
              const v = blank(value);
              return !LITERAL_DELIMITER.test(v.slice(0, at).trimEnd().slice(-1)) && !LITERAL_DELIMITER.test(v.slice(at + word.length).trimStart().slice(0, 1));
            });
            const found = spelling.filter((f) => f.actual === word).length;
            if (found < checkable.length || found > occurrences.length) problems.push(`${word}: ${occurrences.length} in the messages (${checkable.length} not next to a delimiter), ${found} reported`);
          }
          if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- ${file.filePath} (${v}):\n${file.text}`);
        }),
        params(),
      );
    }, TIMEOUT);
  }
});

describe('masking placeholders never shifts offsets', () => {
  it('maskRanges keeps the length and every character outside the ranges', () => {
    const arb = fc.record({
      text: fc.string({ unit: 'grapheme', maxLength: 80 }),
      ranges: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 })), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ text, ranges }) => {
        const spans = ranges.map(([s, l]) => ({ start: s % (text.length + 1), end: Math.min(text.length, (s % (text.length + 1)) + l) })).sort((a, b) => a.start - b.start);
        const masked = maskRanges(text, spans);
        expect(masked.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          const covered = spans.some((r) => i >= r.start && i < r.end);
          if (!covered) expect(masked[i]).toBe(text[i]);
          else expect([' ', text[i]]).toContain(masked[i]); // an overlapping range is skipped, not shifted
        }
      }),
      params(RUNS * 8),
    );
  });

  it('on real placeholders and literals: same length, placeholders blanked, the rest untouched', () => {
    const piece = fc.oneof(fc.constantFrom(...PLACEHOLDERS, '{{ {{1}} }}', '{{1', '${a${b}}', '%1$s', 'https://x.io/{{id}}', 'a@b.it'), fc.string({ unit: 'grapheme', maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join(' ');
        const ranges = [...findPlaceholders(text, BUILT_IN_STYLES), ...findLiterals(text)].sort((a, b) => a.start - b.start);
        const masked = maskRanges(text, ranges);
        expect(masked.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) if (!ranges.some((r) => i >= r.start && i < r.end)) expect(masked[i]).toBe(text[i]);
        for (const p of findPlaceholders(text, BUILT_IN_STYLES)) expect(masked.slice(p.start, p.end).trim()).toBe('');
      }),
      params(RUNS * 8),
    );
  });
});

// ── --fix ────────────────────────────────────────────────────────────────────────────────

const TERMS = { terms: { type: 'substitution' as const, swap: { 'e-mail': 'email', 'web site': 'website' } } };
const fixer = new Linter({
  useConfigFiles: false,
  ruleOverrides: Object.fromEntries(rules.map((r) => [r.meta.id, 'off'] as const)),
  overrideConfig: { customRules: TERMS },
});
const fixWords = (text: string) => text.replace(/\b([Ee])-mail\b/g, (_, e: string) => (e === 'E' ? 'Email' : 'email')).replace(/\b([Ww])eb site\b/g, (_, w: string) => (w === 'W' ? 'Website' : 'website'));

/** fixFile's loop, in memory: apply fixes, re-lint, up to 10 passes. */
function fixToFixedPoint(text: string, filePath: string): { output: string; passes: number } {
  let output = text;
  for (let pass = 1; pass <= 10; pass++) {
    const result = fixer.lintText(output, filePath);
    const fixes = result.findings.filter((f) => f.fix).map((f) => f.fix!);
    if (fixes.length === 0) return { output, passes: pass - 1 };
    for (const f of fixes) {
      const span = output.slice(f.range[0], f.range[1]);
      if (!SWAPS.includes(span)) throw new Error(`a fix replaces ${JSON.stringify(span)}, not a swap phrase`);
    }
    output = applyFixes(output, fixes).output;
  }
  return { output, passes: 10 };
}

describe('--fix: exactly the fixed words change; a second run changes nothing', () => {
  const fixable = ['txt', 'markdown', 'catalogueYaml', 'catalogueJson', 'sendApi', 'whatsapp', 'rasa', 'lg', 'localeJson'];
  for (const name of fixable) {
    const format = FORMATS[name];
    it(`${name}`, () => {
      const arb = fc.record({
        messages: fc.array(message({ ...format.options, swaps: true }), { minLength: format.count[0], maxLength: format.count[1] }),
        styles: fc.array(styleArb, { minLength: 1, maxLength: 4 }),
        mask: maskArb,
        variant: fc.constantFrom<Variant>('lf', 'crlf', 'bom', 'crlf+bom'),
      });
      fc.assert(
        fc.property(arb, ({ messages, styles, mask, variant: v }) => {
          const before = variant(format.make(messages, styles, mask), v);
          // The expected file: the same serialisation (same styles, same escapes) of the fixed texts.
          const expected = variant(format.make(messages.map(fixWords), styles, mask), v);
          const { output } = fixToFixedPoint(before.text, before.filePath);
          expect(output).toBe(expected.text);
          // Idempotent: nothing left to fix.
          expect(fixToFixedPoint(output, before.filePath).passes).toBe(0);
        }),
        params(),
      );
    }, TIMEOUT);
  }
});

describe('--fix on real files with a .lintrc (fixFile + writeFileAtomic): exact bytes, BOM and CRLF kept, idempotent', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msglint-prop-fix-'));
  writeFileSync(join(dir, '.lintrc'), JSON.stringify({ root: true, customRules: TERMS, rules: Object.fromEntries(rules.map((r) => [r.meta.id, 'off'])) }));
  const linter = new Linter({ cwd: dir });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const name of ['txt', 'catalogueYaml', 'catalogueJson', 'rasa']) {
    const format = FORMATS[name];
    it(name, () => {
      const arb = fc.record({
        messages: fc.array(message({ ...format.options, swaps: true }), { minLength: format.count[0], maxLength: format.count[1] }),
        styles: fc.array(styleArb, { minLength: 1, maxLength: 4 }),
        mask: maskArb,
        crlf: fc.boolean(),
        bom: fc.constantFrom<'utf8' | 'utf16le' | 'utf16be' | null>(null, 'utf8', 'utf16le', 'utf16be'),
      });
      fc.assert(
        fc.property(arb, ({ messages, styles, mask, crlf, bom }) => {
          const file = format.make(messages, styles, mask);
          const eol = (t: string) => (crlf ? t.replace(/\n/g, '\r\n') : t);
          const before = encode(eol(file.text), bom);
          const after = encode(eol(format.make(messages.map(fixWords), styles, mask).text), bom);
          mkdirSync(dirname(join(dir, file.filePath)), { recursive: true });
          writeFileSync(join(dir, file.filePath), before);
          const first = fixFile(linter, dir, file.filePath, { write: true });
          expect(first?.writeError).toBeUndefined();
          expect(Buffer.from(readFileSync(join(dir, file.filePath))).equals(Buffer.from(after))).toBe(true);
          const second = fixFile(linter, dir, file.filePath, { write: true });
          expect(second?.applied).toBe(0);
          expect(Buffer.from(readFileSync(join(dir, file.filePath))).equals(Buffer.from(after))).toBe(true);
        }),
        params(Math.max(5, Math.round(RUNS / 2))),
      );
    }, TIMEOUT);
  }
});

describe('a catalogue written as YAML and as JSON gives the same findings', () => {
  it('same rule ids, messages, message ids and texts at the ranges', () => {
    const arb = fc.record({
      messages: fc.array(message({ multiline: true, swaps: true }), { minLength: 1, maxLength: 4 }),
      styles: fc.array(styleArb, { minLength: 1, maxLength: 4 }),
      yamlMask: maskArb,
      jsonMask: maskArb,
    });
    const key = (file: Serialised, f: Finding) => {
      const span = file.text.slice(f.range[0], f.range[1]);
      let text: string;
      try {
        text = f.ruleId === 'spelling' ? decoderFor(file, f)(span) : f.actual ?? '';
      } catch {
        text = `<undecodable ${span}>`;
      }
      return `${f.ruleId}|${f.severity}|${f.message}|${f.messageId}|${text}`;
    };
    fc.assert(
      fc.property(arb, ({ messages, styles, yamlMask, jsonMask }) => {
        const yaml = catalogueYaml(messages, styles, yamlMask);
        const json = catalogueJson(yaml.values, jsonMask);
        const a = linter.lintText(yaml.text, yaml.filePath);
        const b = linter.lintText(json.text, json.filePath);
        expect(positionsProblems(yaml.text, a)).toEqual([]);
        expect(positionsProblems(json.text, b)).toEqual([]);
        expect(b.findings.map((f) => key(json, f)).sort()).toEqual(a.findings.map((f) => key(yaml, f)).sort());
      }),
      params(),
    );
  }, TIMEOUT);
});
