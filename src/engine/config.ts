// `.lintrc` parsing and validation. A config file is JSON or YAML. Every error points at the
// offending key with file:line:column and, for unknown names, suggests the closest one.
// Resolution (cascade, extends, overrides) lives in config-resolve.ts.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar } from 'yaml';
import type { Channel, MessageContext, RuleLevel } from '../types.js';
import type { OptionSpec } from './rule.js';
import { closest } from './suggest.js';
import { parseCustomRules, type CustomRuleSpec } from './custom-rules.js';
import { SelectorFormatError, validateSelectorFormat } from '../formats/selectors.js';
import { lineColumn } from './positions.js';
import { compilePlaceholderPattern } from './placeholders.js';
import { compileGlob, GlobError } from './glob.js';

export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

/** Settings that a config file, an override block or a preset can carry. */
export interface Settings {
  rules: Record<string, RuleSetting>;
  words: string[];
  placeholders: string[];
  channel?: Channel;
  locale?: string;
  policyDate?: string;
  /** context defaults for every message (tag, messagingType, category, kind, promotional…) */
  context: Partial<MessageContext>;
  /** rules defined as data (`customRules`), by id */
  customRules?: Record<string, CustomRuleSpec>;
  /** context for messages whose id (key path, template id) matches a pattern; wins over format heuristics */
  messageContext?: { id: string; context: Partial<MessageContext> }[];
}

export interface Override extends Settings {
  files: string[];
  excludedFiles: string[];
}

/** One parsed config file. */
export interface ConfigFile extends Settings {
  filePath: string;
  root?: boolean;
  extends: string[];
  /** where each `extends` entry is written (line, column), for errors */
  extendsAt?: { line: number; column: number }[];
  ignorePatterns: string[];
  overrides: Override[];
  /** custom formats (glob → selectors), validated by the selectors adapter */
  formats: unknown[];
}

/** The settings that apply to one file, after cascade, extends and overrides. */
export interface Config extends Settings {
  ignorePatterns: string[];
  formats: { entry: unknown; baseDir: string }[];
  /** the config files that contributed, nearest last */
  sources: string[];
}

/** What the config parser needs to know about the rules (ids and their options); looked up
 * with Object.hasOwn only, so that `constructor` or `__proto__` is never a known rule. */
export type RuleCatalog = Record<string, Record<string, OptionSpec>>;

export const CONFIG_FILE_NAMES = ['.lintrc', '.lintrc.json', '.lintrc.yaml', '.lintrc.yml'];

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly filePath: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(`${filePath}:${line}:${column}: ${message}`);
    this.name = 'ConfigError';
  }
}

export function emptySettings(): Settings {
  return { rules: {}, words: [], placeholders: [], context: {} };
}

export function emptyConfig(): Config {
  return { ...emptySettings(), ignorePatterns: [], formats: [], sources: [] };
}

const SETTINGS_KEYS = ['rules', 'words', 'placeholders', 'channel', 'locale', 'policyDate', 'context', 'messageContext'];
const TOP_KEYS = ['$schema', 'root', 'extends', 'ignorePatterns', 'overrides', 'formats', 'customRules', ...SETTINGS_KEYS];
const OVERRIDE_KEYS = ['files', 'excludedFiles', ...SETTINGS_KEYS];
const CONTEXT_KEYS = ['channel', 'locale', 'tag', 'messagingType', 'category', 'kind', 'promotional', 'component', 'topic'];
const CHANNELS = ['messenger', 'instagram', 'whatsapp', 'generic'];
const LEVELS = ['off', 'info', 'warn', 'error'];

type Fail = (message: string, node: unknown) => never;

const at = (node: unknown) => (node as Node | null)?.range?.[0] ?? 0;

function unknownMessage(what: string, name: string, known: string[]): string {
  const hint = closest(name, known);
  return `unknown ${what} \`${name}\`${hint ? `; did you mean \`${hint}\`?` : ''}`;
}

function stringList(node: unknown, key: string, fail: Fail, allowString = false): string[] {
  return stringNodes(node, key, fail, allowString).map((n) => n.value as string);
}

/** The scalar nodes of a list of strings (or of a single string), for positioned errors. */
function stringNodes(node: unknown, key: string, fail: Fail, allowString = false): Scalar[] {
  if (allowString && isScalar(node) && typeof node.value === 'string') return [node];
  if (!isSeq(node) || !node.items.every((i) => isScalar(i) && typeof i.value === 'string')) fail(`\`${key}\` must be a list of strings`, node);
  return (node as { items: Scalar[] }).items;
}

/** A list of globs, each checked by the linear-time glob compiler (glob.ts). */
function globList(node: unknown, key: string, fail: Fail, allowString = false): string[] {
  return stringNodes(node, key, fail, allowString).map((item, i) => {
    const glob = item.value as string;
    try {
      compileGlob(glob);
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      fail(`\`${key}[${i}]\` is not a supported glob: ${error.message}`, item);
    }
    return glob;
  });
}

function entries(node: unknown, key: string, fail: Fail): Pair[] {
  if (!isMap(node)) fail(`\`${key}\` must be a mapping`, node);
  return (node as { items: Pair[] }).items;
}

/** Validates a rule's options against its declared option specs. */
function checkOptions(id: string, options: Record<string, unknown>, specs: Record<string, OptionSpec>, fail: (message: string) => never): void {
  for (const [name, value] of Object.entries(options)) {
    if (!Object.hasOwn(specs, name)) fail(unknownMessage(`option of \`${id}\``, name, Object.keys(specs)));
    const type = specs[name].type;
    const ok =
      value === null ||
      (type === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
      (type === 'string' && typeof value === 'string') ||
      (type === 'boolean' && typeof value === 'boolean') ||
      (type === 'string[]' && Array.isArray(value) && value.every((v) => typeof v === 'string')) ||
      (type === 'object' && typeof value === 'object' && !Array.isArray(value));
    if (!ok) fail(`option \`${name}\` of \`${id}\` must be a ${type} (got ${JSON.stringify(value)})`);
  }
}

export function parseRuleSetting(value: unknown, fail: (message: string) => never): RuleSetting {
  const level = Array.isArray(value) ? value[0] : value;
  const normalized = level === 0 ? 'off' : level === 1 ? 'warn' : level === 2 ? 'error' : level === 'warning' ? 'warn' : level;
  if (!LEVELS.includes(String(normalized))) fail(`level must be one of ${LEVELS.join(', ')} (got ${JSON.stringify(level)})`);
  if (Array.isArray(value)) {
    if (value.length > 2 || (value.length === 2 && (typeof value[1] !== 'object' || value[1] === null || Array.isArray(value[1])))) {
      fail('expected [level] or [level, {options}]');
    }
    return value.length === 2 ? [normalized as RuleLevel, value[1] as Record<string, unknown>] : [normalized as RuleLevel];
  }
  return normalized as RuleLevel;
}

/** Parses one settings key into `target`; false when `key` is not a settings key. */
function parseSetting(key: string, value: Node | null, target: Settings, catalog: RuleCatalog, fail: Fail): boolean {
  const plain = isScalar(value) ? value.value : undefined;
  switch (key) {
    case 'words':
      target.words = stringList(value, 'words', fail);
      return true;
    case 'placeholders':
      target.placeholders = stringList(value, 'placeholders', fail);
      target.placeholders.forEach((source, i) => {
        try {
          compilePlaceholderPattern(source);
        } catch (error) {
          fail(
            `\`placeholders[${i}]\` is not a valid regular expression for the linear-time engine (no backreferences or lookaround): ${(error as Error).message}`,
            (value as { items: Node[] }).items[i],
          );
        }
      });
      return true;
    case 'channel':
      if (!CHANNELS.includes(String(plain))) fail(`\`channel\` must be one of ${CHANNELS.join(', ')}`, value);
      target.channel = plain as Channel;
      return true;
    case 'locale':
      if (typeof plain !== 'string' || !/^[a-z]{2,3}([-_][A-Za-z]{2,4})?$/.test(plain)) fail('`locale` must be a locale such as `en`, `en-GB` or `it_IT`', value);
      target.locale = plain as string;
      return true;
    case 'policyDate': {
      const date = plain instanceof Date ? plain.toISOString().slice(0, 10) : String(plain);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) fail('`policyDate` must be a date as YYYY-MM-DD', value);
      target.policyDate = date;
      return true;
    }
    case 'messageContext': {
      if (!isSeq(value)) fail('`messageContext` must be a list of {id, context} entries', value);
      target.messageContext = (value as { items: Node[] }).items.map((item, i) => {
        const pairs = entries(item, `messageContext[${i}]`, fail);
        const idPair = pairs.find((p) => isScalar(p.key) && p.key.value === 'id');
        const ctxPair = pairs.find((p) => isScalar(p.key) && p.key.value === 'context');
        for (const p of pairs) {
          const k = isScalar(p.key) ? String(p.key.value) : '';
          if (k !== 'id' && k !== 'context') fail(unknownMessage(`key in messageContext[${i}]`, k, ['id', 'context']), p.key);
        }
        if (!idPair || !isScalar(idPair.value) || typeof idPair.value.value !== 'string') fail(`\`messageContext[${i}]\` needs an \`id\` pattern (\`*\` matches anything)`, item);
        const scratch = emptySettings();
        if (ctxPair) parseSetting('context', ctxPair.value as Node, scratch, catalog, fail);
        return { id: (idPair!.value as { value: string }).value, context: scratch.context };
      });
      return true;
    }
    case 'context':
      for (const cp of entries(value, 'context', fail)) {
        const ck = isScalar(cp.key) ? String(cp.key.value) : '';
        if (!CONTEXT_KEYS.includes(ck)) fail(unknownMessage('context key', ck, CONTEXT_KEYS), cp.key);
        const v = isScalar(cp.value) ? cp.value.value : undefined;
        if (ck === 'channel' && !CHANNELS.includes(String(v))) fail(`\`context.channel\` must be one of ${CHANNELS.join(', ')}`, cp.value);
        if (ck === 'promotional' && typeof v !== 'boolean') fail('`context.promotional` must be true or false', cp.value);
        (target.context as Record<string, unknown>)[ck] = v;
      }
      return true;
    case 'rules':
      for (const rp of entries(value, 'rules', fail)) {
        const id = isScalar(rp.key) ? String(rp.key.value) : '';
        if (!Object.hasOwn(catalog, id)) fail(unknownMessage('rule', id, Object.keys(catalog)), rp.key);
        const failRule = (message: string): never => fail(`rule \`${id}\`: ${message}`, rp.value);
        const setting = parseRuleSetting((rp.value as Node)?.toJSON?.() ?? null, failRule);
        if (Array.isArray(setting) && setting[1]) checkOptions(id, setting[1], catalog[id], failRule);
        target.rules[id] = setting;
      }
      return true;
  }
  return false;
}

/** Parses and validates config text. */
export function parseConfig(text: string, filePath: string, catalog: RuleCatalog): ConfigFile {
  const doc = parseDocument(text, { uniqueKeys: true });
  const fail: Fail = (message, node) => {
    const { line, column } = lineColumn(text, typeof node === 'number' ? node : at(node));
    throw new ConfigError(message, filePath, line, column);
  };
  if (doc.errors.length > 0) fail(`invalid config: ${doc.errors[0].message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, doc.errors[0].pos[0]);
  const config: ConfigFile = { ...emptySettings(), filePath, extends: [], ignorePatterns: [], overrides: [], formats: [] };
  if (doc.contents === null) return config;
  if (!isMap(doc.contents)) fail('a config must be a mapping of keys', doc.contents);
  // Custom rules first: `rules` and `overrides` may set their levels.
  const customPair = (doc.contents as { items: Pair[] }).items.find((p) => isScalar(p.key) && p.key.value === 'customRules');
  if (customPair) {
    config.customRules = parseCustomRules(customPair.value, Object.keys(catalog), fail);
    catalog = { ...catalog, ...Object.fromEntries(Object.keys(config.customRules).map((id) => [id, {}])) };
  }
  for (const pair of (doc.contents as { items: Pair[] }).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (parseSetting(key, value, config, catalog, fail)) continue;
    switch (key) {
      case '$schema':
      case 'customRules':
        break;
      case 'root':
        if (!isScalar(value) || typeof value.value !== 'boolean') fail('`root` must be true or false', value);
        config.root = (value as { value: boolean }).value;
        break;
      case 'extends': {
        const items = stringNodes(value, 'extends', fail, true);
        config.extends = items.map((n) => n.value as string);
        config.extendsAt = items.map((n) => lineColumn(text, at(n)));
        break;
      }
      case 'ignorePatterns':
        config.ignorePatterns = globList(value, 'ignorePatterns', fail);
        break;
      case 'formats':
        if (!isSeq(value)) fail('`formats` must be a list of {files, text, context} entries', value);
        config.formats = (value as { items: Node[] }).items.map((item, i) => {
          const entry = item.toJSON() as unknown;
          try {
            validateSelectorFormat(entry, `formats[${i}]`);
          } catch (error) {
            if (!(error instanceof SelectorFormatError)) throw error;
            fail(error.message, nodeAtPath(value as Node, error.path.replace(/^formats/, '')) ?? item);
          }
          return entry;
        });
        break;
      case 'overrides':
        if (!isSeq(value)) fail('`overrides` must be a list of {files, …} blocks', value);
        for (const [i, item] of (value as { items: Node[] }).items.entries()) config.overrides.push(parseOverride(item, i, catalog, fail));
        break;
      default:
        fail(unknownMessage('key', key, TOP_KEYS), pair.key);
    }
  }
  return config;
}

/** The node at a path like `[0].text[1]` under `root` (for error positions). */
function nodeAtPath(root: Node, path: string): Node | undefined {
  let node: unknown = root;
  for (const [, key, index] of path.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) {
    if (index !== undefined && isSeq(node)) node = node.items[Number(index)];
    else if (key !== undefined && isMap(node)) node = (node.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === key)?.value;
    else return undefined;
  }
  return (node as Node | undefined) ?? undefined;
}

function parseOverride(node: Node, index: number, catalog: RuleCatalog, fail: Fail): Override {
  const override: Override = { ...emptySettings(), files: [], excludedFiles: [] };
  for (const pair of entries(node, `overrides[${index}]`, fail)) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (parseSetting(key, value, override, catalog, fail)) continue;
    if (key === 'files') override.files = globList(value, `overrides[${index}].files`, fail, true);
    else if (key === 'excludedFiles') override.excludedFiles = globList(value, `overrides[${index}].excludedFiles`, fail, true);
    else fail(unknownMessage(`key in overrides[${index}]`, key, OVERRIDE_KEYS), pair.key);
  }
  if (override.files.length === 0) fail(`\`overrides[${index}]\` needs \`files\` (globs relative to the config file)`, node);
  return override;
}

export function loadConfigFile(filePath: string, catalog: RuleCatalog): ConfigFile {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, filePath);
  }
  return parseConfig(text.replace(/^\uFEFF/, ''), filePath, catalog);
}
