// Custom rules as data, in `.lintrc` `customRules` (Vale's model):
//   existence      flag phrases (`tokens`, phrase syntax) or a regular expression (`pattern`)
//   substitution   `swap: {wrong: right}` — reports and fixes (`--fix`)
//   occurrence     `token`/`pattern` must occur at least `min` / at most `max` times
//   capitalization `match: $sentence | $title | $lower | $upper`, with `exceptions`
//   metric         `formula` over words, sentences, characters, emoji, placeholders, links,
//                  compared by `condition` (`> 80`)
// Regular expressions run on re2js, a linear-time engine: a user pattern can never hang a
// run. Every key is validated, with errors pointing at it.
import { RE2JS } from 're2js';
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Component, RuleLevel } from '../types.js';
import { compilePhrase, PhraseSet } from '../language/phrases.js';
import { tokenize } from '../language/tokens.js';
import { defineRule, messageData, report, type Rule } from './rule.js';
import { closest } from './suggest.js';
import { sentences } from '../../rules/support.js';

export type CustomRuleType = 'existence' | 'substitution' | 'occurrence' | 'capitalization' | 'metric';

export interface CustomRuleSpec {
  type: CustomRuleType;
  message?: string;
  description?: string;
  level?: RuleLevel;
  ignorecase?: boolean;
  tokens?: string[];
  pattern?: string;
  swap?: Record<string, string>;
  token?: string;
  min?: number;
  max?: number;
  match?: '$sentence' | '$title' | '$lower' | '$upper';
  exceptions?: string[];
  formula?: string;
  condition?: string;
  components?: Component[];
  kinds?: string[];
  languages?: string[];
}

const TYPES: CustomRuleType[] = ['existence', 'substitution', 'occurrence', 'capitalization', 'metric'];
const COMMON = ['type', 'message', 'description', 'level', 'components', 'kinds', 'languages'];
const KEYS: Record<CustomRuleType, string[]> = {
  existence: [...COMMON, 'tokens', 'pattern', 'ignorecase'],
  substitution: [...COMMON, 'swap', 'ignorecase'],
  occurrence: [...COMMON, 'token', 'pattern', 'min', 'max', 'ignorecase'],
  capitalization: [...COMMON, 'match', 'exceptions'],
  metric: [...COMMON, 'formula', 'condition'],
};
const METRIC_VARIABLES = ['words', 'sentences', 'characters', 'emoji', 'placeholders', 'links'];
const BUILT_IN_NAMES = /^[a-z][a-z0-9-]*$/;

type Fail = (message: string, node: unknown) => never;

/** Validates the `customRules` mapping; `reserved` are the built-in rule ids. */
export function parseCustomRules(node: unknown, reserved: string[], fail: Fail): Record<string, CustomRuleSpec> {
  if (!isMap(node)) fail('`customRules` must be a mapping of rule ids to definitions', node);
  const out: Record<string, CustomRuleSpec> = {};
  for (const pair of (node as { items: Pair[] }).items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!BUILT_IN_NAMES.test(id)) fail(`custom rule id \`${id}\` must be lowercase letters, digits and dashes`, pair.key);
    if (reserved.includes(id)) fail(`custom rule \`${id}\` has the id of a built-in rule`, pair.key);
    // Rule ids are keys of plain objects (settings, `--rule`): `constructor` would find
    // Object.prototype's member wherever a setting is looked up by id.
    if (Object.hasOwn(Object.prototype, id)) fail(`custom rule id \`${id}\` is reserved`, pair.key);
    out[id] = parseOne(id, pair.value as Node, fail);
  }
  return out;
}

function parseOne(id: string, node: Node, fail: Fail): CustomRuleSpec {
  if (!isMap(node)) fail(`custom rule \`${id}\` must be a mapping with a \`type\``, node);
  const pairs = (node as { items: Pair[] }).items;
  const get = (key: string) => pairs.find((p) => isScalar(p.key) && String(p.key.value) === key);
  const typePair = get('type');
  const type = typePair && isScalar(typePair.value) ? String(typePair.value.value) : '';
  if (!TYPES.includes(type as CustomRuleType)) {
    const hint = closest(type, TYPES);
    fail(`custom rule \`${id}\`: \`type\` must be one of ${TYPES.join(', ')}${hint && type ? `; did you mean \`${hint}\`?` : ''}`, typePair?.value ?? node);
  }
  const spec = { type } as CustomRuleSpec;
  const allowed = KEYS[type as CustomRuleType];
  for (const pair of pairs) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    const at = `custom rule \`${id}\`: \`${key}\``;
    if (!allowed.includes(key)) {
      const hint = closest(key, allowed);
      fail(`custom rule \`${id}\` (${type}): unknown key \`${key}\`${hint ? `; did you mean \`${hint}\`?` : ''}`, pair.key);
    }
    const plain = isScalar(value) ? value.value : undefined;
    const strings = (): string[] => {
      if (!isSeq(value) || !value.items.every((i) => isScalar(i) && typeof i.value === 'string' && i.value !== '')) fail(`${at} must be a list of non-empty strings`, value);
      return (value as { items: { value: string }[] }).items.map((i) => i.value);
    };
    switch (key) {
      case 'type':
        break;
      case 'message':
      case 'description':
      case 'token':
        if (typeof plain !== 'string' || plain === '') fail(`${at} must be a non-empty string`, value);
        spec[key] = plain as string;
        break;
      case 'level':
        if (!['off', 'info', 'warn', 'error'].includes(String(plain))) fail(`${at} must be off, info, warn or error`, value);
        spec.level = plain as RuleLevel;
        break;
      case 'ignorecase':
        if (typeof plain !== 'boolean') fail(`${at} must be true or false`, value);
        spec.ignorecase = plain as boolean;
        break;
      case 'min':
      case 'max':
        if (typeof plain !== 'number' || !Number.isInteger(plain) || plain < 0) fail(`${at} must be a whole number`, value);
        spec[key] = plain as number;
        break;
      case 'tokens':
      case 'exceptions':
      case 'components':
      case 'kinds':
      case 'languages':
        spec[key] = strings() as never;
        break;
      case 'pattern':
        if (typeof plain !== 'string' || plain === '') fail(`${at} must be a non-empty string`, value);
        try {
          RE2JS.compile(plain as string);
        } catch (error) {
          fail(`${at} is not a valid regular expression for the linear-time engine (no backreferences or lookaround): ${(error as Error).message}`, value);
        }
        spec.pattern = plain as string;
        break;
      case 'swap': {
        if (!isMap(value)) fail(`${at} must be a mapping of wrong → right`, value);
        spec.swap = {};
        for (const sp of (value as { items: Pair[] }).items) {
          const from = isScalar(sp.key) ? String(sp.key.value) : '';
          const to = isScalar(sp.value) ? sp.value.value : undefined;
          if (!from || typeof to !== 'string') fail(`${at}: every entry must map a phrase to its replacement string`, sp.key);
          spec.swap[from] = to as string;
        }
        break;
      }
      case 'match':
        if (!['$sentence', '$title', '$lower', '$upper'].includes(String(plain))) fail(`${at} must be $sentence, $title, $lower or $upper`, value);
        spec.match = plain as CustomRuleSpec['match'];
        break;
      case 'formula':
        try {
          compileFormula(String(plain));
        } catch (error) {
          fail(`${at}: ${(error as Error).message}`, value);
        }
        spec.formula = String(plain);
        break;
      case 'condition':
        if (!/^\s*(>=|<=|==|!=|>|<)\s*-?\d+(\.\d+)?\s*$/.test(String(plain))) fail(`${at} must be a comparison such as \`> 80\``, value);
        spec.condition = String(plain);
        break;
    }
  }
  const need = (key: keyof CustomRuleSpec, message: string) => {
    if (spec[key] === undefined) fail(`custom rule \`${id}\` (${type}): ${message}`, node);
  };
  if (type === 'existence' && !spec.tokens && !spec.pattern) need('tokens', 'needs `tokens` or `pattern`');
  if (type === 'substitution') need('swap', 'needs `swap`');
  if (type === 'occurrence') {
    if (!spec.token && !spec.pattern) need('token', 'needs `token` or `pattern`');
    if (spec.min === undefined && spec.max === undefined) need('max', 'needs `min` or `max`');
  }
  if (type === 'capitalization') need('match', 'needs `match`');
  if (type === 'metric') {
    need('formula', 'needs `formula`');
    need('condition', 'needs `condition`');
  }
  return spec;
}

/** A safe arithmetic formula: numbers, + - * / ( ) and the metric variables. */
export function compileFormula(source: string): (vars: Record<string, number>) => number {
  const tokens = source.match(/\d+(?:\.\d+)?|[a-z]+|[-+*/()]|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const expect = (t: string) => {
    if (tokens[i++] !== t) throw new Error(`expected \`${t}\` in formula \`${source}\``);
  };
  type Fn = (v: Record<string, number>) => number;
  const primary = (): Fn => {
    const t = tokens[i++];
    if (t === undefined) throw new Error(`unexpected end of formula \`${source}\``);
    if (t === '(') {
      const inner = sum();
      expect(')');
      return inner;
    }
    if (t === '-') {
      const inner = primary();
      return (v) => -inner(v);
    }
    if (/^\d/.test(t)) return () => Number(t);
    if (METRIC_VARIABLES.includes(t)) return (v) => v[t];
    throw new Error(`unknown \`${t}\` in formula (variables: ${METRIC_VARIABLES.join(', ')})`);
  };
  const product = (): Fn => {
    let left = primary();
    while (peek() === '*' || peek() === '/') {
      const op = tokens[i++];
      const l = left;
      const r = primary();
      left = op === '*' ? (v) => l(v) * r(v) : (v) => (r(v) === 0 ? 0 : l(v) / r(v));
    }
    return left;
  };
  const sum = (): Fn => {
    let left = product();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[i++];
      const l = left;
      const r = product();
      left = op === '+' ? (v) => l(v) + r(v) : (v) => l(v) - r(v);
    }
    return left;
  };
  const fn = sum();
  if (i < tokens.length) throw new Error(`unexpected \`${tokens[i]}\` in formula \`${source}\``);
  return fn;
}

function compare(value: number, condition: string): boolean {
  const [, op, n] = /^\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(condition)!;
  const x = Number(n);
  return op === '>' ? value > x : op === '>=' ? value >= x : op === '<' ? value < x : op === '<=' ? value <= x : op === '==' ? value === x : value !== x;
}

const format = (template: string, ...args: string[]) => {
  let k = 0;
  return template.replace(/%s/g, () => args[k++] ?? '');
};

function regexMatches(pattern: string, text: string, ignorecase: boolean): { start: number; end: number }[] {
  const matcher = RE2JS.compile(pattern, ignorecase ? RE2JS.CASE_INSENSITIVE : 0).matcher(text);
  const out: { start: number; end: number }[] = [];
  while (matcher.find()) if (matcher.end() > matcher.start()) out.push({ start: matcher.start(), end: matcher.end() });
  return out;
}

/** Keeps the first letter's case of the replaced text ("E-mail" → "Email"). */
function matchCase(actual: string, replacement: string): string {
  return /^\p{Lu}/u.test(actual) && /^\p{Ll}/u.test(replacement) ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}

const cache = new Map<string, Rule<Record<string, unknown>>>();

/** Turns a validated definition into a Rule (cached by definition). */
export function customRule(id: string, spec: CustomRuleSpec): Rule<Record<string, unknown>> {
  const key = `${id}\u0000${JSON.stringify(spec)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const ignorecase = spec.ignorecase !== false;
  const rule = defineRule<Record<string, unknown>>({
    meta: {
      id,
      type: spec.type === 'substitution' ? 'suggestion' : spec.type === 'capitalization' ? 'layout' : 'suggestion',
      description: spec.description ?? `Custom ${spec.type} rule from .lintrc`,
      rationale: 'Defined by the project in `.lintrc` `customRules`.',
      severity: spec.level && spec.level !== 'off' ? spec.level : 'warn',
      appliesTo: spec.components ? `components ${spec.components.join(', ')}` : 'every message',
      languageDependent: false,
      fixable: spec.type === 'substitution' ? 'safe' : undefined,
      options: {},
      examples: { valid: [], invalid: [] },
    },
    appliesTo(data) {
      if (spec.components && !spec.components.includes(data.context.component ?? 'text')) return false;
      if (spec.kinds && !spec.kinds.includes(data.context.kind ?? '')) return false;
      return !spec.languages || spec.languages.includes(data.language);
    },
    create() {
      const phrases = spec.tokens ? new PhraseSet(spec.tokens.map((t) => compilePhrase(t, id))) : undefined;
      const swaps = spec.swap ? Object.entries(spec.swap).map(([from, to]) => ({ phrase: compilePhrase(from, to), to })) : [];
      const swapSet = swaps.length ? new PhraseSet(swaps.map((s) => s.phrase)) : undefined;
      const token = spec.token ? new PhraseSet([compilePhrase(spec.token, id)]) : undefined;
      const formula = spec.formula ? compileFormula(spec.formula) : undefined;
      const exceptions = new Set((spec.exceptions ?? []).map((e) => e.toLowerCase()));
      return (tree, file) => {
        const data = messageData(file);
        const text = String(file.value);
        const find = (set: PhraseSet | undefined) =>
          set ? set.match(tokenize(text)).map((m) => ({ start: m.start, end: m.end, label: m.phrase.label })) : spec.pattern ? regexMatches(spec.pattern, text, ignorecase).map((m) => ({ ...m, label: '' })) : [];
        switch (spec.type) {
          case 'existence':
            for (const m of find(phrases)) {
              const actual = data.raw.slice(m.start, m.end);
              report(file, { start: m.start, end: m.end, reason: format(spec.message ?? 'Avoid `%s`', actual) });
            }
            break;
          case 'substitution':
            for (const m of find(swapSet)) {
              const actual = data.raw.slice(m.start, m.end);
              const expected = matchCase(actual, m.label);
              if (expected === actual) continue;
              report(file, { start: m.start, end: m.end, reason: format(spec.message ?? 'Use `%s` instead of `%s`', expected, actual), expected: [expected], fix: expected });
            }
            break;
          case 'occurrence': {
            const found = find(token);
            const n = found.length;
            if (spec.max !== undefined && n > spec.max) {
              const extra = found[spec.max];
              report(file, { start: extra.start, end: extra.end, reason: format(spec.message ?? 'More than %s occurrences', String(spec.max)) });
            } else if (spec.min !== undefined && n < spec.min) {
              report(file, { reason: format(spec.message ?? 'Fewer than %s occurrences', String(spec.min)) });
            }
            break;
          }
          case 'capitalization': {
            const words = tokenize(text).filter((t) => t.kind === 'word');
            const bad = words.find((w, index) => {
              if (exceptions.has(w.value.toLowerCase())) return false;
              const initial = /^\p{Lu}/u.test(w.value);
              switch (spec.match) {
                case '$upper':
                  return w.value !== w.value.toUpperCase();
                case '$lower':
                  return w.value !== w.value.toLowerCase();
                case '$title':
                  return !initial && (index === 0 || w.value.length > 3);
                default:
                  return index === 0 ? !initial : initial && w.value !== w.value.toUpperCase() && !sentenceStart(text, w.start);
              }
            });
            if (bad) report(file, { start: bad.start, end: bad.end, reason: format(spec.message ?? `Use ${spec.match?.slice(1)} case: \`%s\``, data.raw.slice(bad.start, bad.end)) });
            break;
          }
          case 'metric': {
            const words = tokenize(text).filter((t) => t.kind !== 'symbol').length;
            const vars = {
              words,
              sentences: Math.max(1, sentences(tree).length),
              characters: [...data.raw].length,
              emoji: (data.raw.match(/\p{Extended_Pictographic}/gu) ?? []).length,
              placeholders: data.placeholders.length,
              links: (data.raw.match(/https?:\/\/\S+/g) ?? []).length,
            };
            const value = formula!(vars);
            if (compare(value, spec.condition!)) report(file, { reason: format(spec.message ?? `\`${spec.formula}\` is %s (${spec.condition!.trim()})`, String(Math.round(value * 100) / 100)) });
            break;
          }
        }
      };
    },
  });
  cache.set(key, rule);
  return rule;
}

function sentenceStart(text: string, offset: number): boolean {
  return /(^|[.!?]\s+)$/.test(text.slice(0, offset));
}
