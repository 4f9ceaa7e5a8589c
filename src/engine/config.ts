// `.lintrc` loading and validation. A config file is JSON or YAML, found by walking up from
// each linted file (the nearest one applies), or given with `--config`. Every error points
// at the offending key with file:line:column.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { Channel, MessageContext, RuleLevel } from '../types.js';
import { closest } from './suggest.js';
import { lineColumn } from './positions.js';

export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

export interface Config {
  root?: boolean;
  rules: Record<string, RuleSetting>;
  words: string[];
  placeholders: string[];
  channel?: Channel;
  locale?: string;
  policyDate?: string;
  /** context defaults for every message (tag, messagingType, category, kind, promotional) */
  context: Partial<MessageContext>;
  ignorePatterns: string[];
  /** where it came from (for messages and --print-config) */
  filePath?: string;
}

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

export function emptyConfig(): Config {
  return { rules: {}, words: [], placeholders: [], context: {}, ignorePatterns: [] };
}

const TOP_KEYS = ['$schema', 'root', 'rules', 'words', 'placeholders', 'channel', 'locale', 'policyDate', 'context', 'ignorePatterns'];
const CONTEXT_KEYS = ['channel', 'locale', 'tag', 'messagingType', 'category', 'kind', 'promotional', 'component'];
const CHANNELS = ['messenger', 'instagram', 'whatsapp', 'generic'];
const LEVELS = ['off', 'info', 'warn', 'error'];

/** Parses and validates config text. `knownRules` lists the valid rule ids. */
export function parseConfig(text: string, filePath: string, knownRules: string[]): Config {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: true });
  const fail = (message: string, offset: number): never => {
    const { line, column } = lineColumn(text, offset);
    throw new ConfigError(message, filePath, line, column);
  };
  if (doc.errors.length > 0) fail(`invalid config: ${doc.errors[0].message.split('\n')[0]}`, doc.errors[0].pos[0]);
  const config = emptyConfig();
  config.filePath = filePath;
  if (doc.contents === null) return config;
  if (!isMap(doc.contents)) fail('a config must be a mapping of keys', doc.contents.range?.[0] ?? 0);
  const at = (node: unknown) => (node as Node | null)?.range?.[0] ?? 0;
  const stringList = (node: unknown, key: string): string[] => {
    if (!isSeq(node) || !node.items.every((i) => isScalar(i) && typeof i.value === 'string')) fail(`\`${key}\` must be a list of strings`, at(node));
    return (node as { items: { value: string }[] }).items.map((i) => i.value);
  };
  for (const pair of (doc.contents as { items: Pair[] }).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    const plain = isScalar(value) ? value.value : undefined;
    switch (key) {
      case '$schema':
        break;
      case 'root':
        if (typeof plain !== 'boolean') fail('`root` must be true or false', at(value));
        config.root = plain as boolean;
        break;
      case 'words':
        config.words = stringList(value, 'words');
        break;
      case 'placeholders':
        config.placeholders = stringList(value, 'placeholders');
        for (const [i, source] of config.placeholders.entries()) {
          try {
            new RegExp(source, 'u');
          } catch (error) {
            fail(`\`placeholders[${i}]\` is not a valid regular expression: ${(error as Error).message}`, at((value as { items: Node[] }).items[i]));
          }
        }
        break;
      case 'ignorePatterns':
        config.ignorePatterns = stringList(value, 'ignorePatterns');
        break;
      case 'channel':
        if (!CHANNELS.includes(String(plain))) fail(`\`channel\` must be one of ${CHANNELS.join(', ')}`, at(value));
        config.channel = plain as Channel;
        break;
      case 'locale':
        if (typeof plain !== 'string' || !/^[a-z]{2,3}([-_][A-Za-z]{2,4})?$/.test(plain)) fail('`locale` must be a locale such as `en`, `en-GB` or `it_IT`', at(value));
        config.locale = plain as string;
        break;
      case 'policyDate': {
        const date = plain instanceof Date ? plain.toISOString().slice(0, 10) : String(plain);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) fail('`policyDate` must be a date as YYYY-MM-DD', at(value));
        config.policyDate = date;
        break;
      }
      case 'context': {
        if (!isMap(value)) fail('`context` must be a mapping', at(value));
        for (const cp of (value as { items: Pair[] }).items) {
          const ck = isScalar(cp.key) ? String(cp.key.value) : '';
          if (!CONTEXT_KEYS.includes(ck)) fail(unknownMessage('context key', ck, CONTEXT_KEYS), at(cp.key));
          (config.context as Record<string, unknown>)[ck] = isScalar(cp.value) ? cp.value.value : undefined;
        }
        break;
      }
      case 'rules': {
        if (!isMap(value)) fail('`rules` must be a mapping of rule ids to levels', at(value));
        for (const rp of (value as { items: Pair[] }).items) {
          const id = isScalar(rp.key) ? String(rp.key.value) : '';
          if (!knownRules.includes(id)) fail(unknownMessage('rule', id, knownRules), at(rp.key));
          config.rules[id] = parseRuleSetting((rp.value as Node)?.toJSON?.() ?? null, (message) => fail(`rule \`${id}\`: ${message}`, at(rp.value)));
        }
        break;
      }
      default:
        fail(unknownMessage('key', key, TOP_KEYS), at(pair.key));
    }
  }
  return config;
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

function unknownMessage(what: string, name: string, known: string[]): string {
  const hint = closest(name, known);
  return `unknown ${what} \`${name}\`${hint ? `; did you mean \`${hint}\`?` : ''}`;
}

export function loadConfigFile(filePath: string, knownRules: string[]): Config {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config: ${(error as Error).message}`, filePath);
  }
  return parseConfig(text.replace(/^\uFEFF/, ''), filePath, knownRules);
}

/** Finds the nearest config file for a directory, walking up to the file system root. */
export class ConfigFinder {
  private readonly byDir = new Map<string, string | null>();

  nearest(dir: string): string | undefined {
    const start = resolve(dir);
    const visited: string[] = [];
    let current = start;
    let found: string | null | undefined;
    for (;;) {
      if (this.byDir.has(current)) {
        found = this.byDir.get(current);
        break;
      }
      visited.push(current);
      const hit = CONFIG_FILE_NAMES.map((n) => join(current, n)).find((p) => existsSync(p));
      if (hit) {
        found = hit;
        break;
      }
      const parent = dirname(current);
      if (parent === current) {
        found = null;
        break;
      }
      current = parent;
    }
    for (const d of visited) this.byDir.set(d, found ?? null);
    return found ?? undefined;
  }
}
