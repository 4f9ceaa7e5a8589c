// Generic JSON/YAML with selectors: a `.lintrc` `formats:` entry says which files
// (`files` globs), which strings in them are messages (`text`: JSONPath-like selectors), and
// where each message's context comes from (`context`: literal values or selectors relative
// to the matched string). See docs/formats/selectors.md.
//
// Selector syntax (a JSONPath subset):
//   $            the document root                 ^  the container of the matched string
//   .key  ['key'] ["key"]   a child by key           ^^ its container, and so on
//   [n] [-1]     an item of a list by index          (`^`… only in `context` values)
//   [*]  .*      every child (list items or map values)
//   ..key ..*  ..[n]        recursive descent: the step applied at every depth
//   ['a','b'] [0,2]         a union of keys or indexes
import { compileGlob } from '../engine/glob.js';
import { isAbsolute, relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Channel, Component, FieldSpans, Message, MessageContext } from '../types.js';
import { FormatError, type Extraction, type FormatAdapter, type FormatInput } from './types.js';
import { compact, duplicateKeyErrors, localeFromPath, messageFromScalar, pairs } from './structured.js';
import { hashCommentDirectives } from './directives.js';
import { ALL_STYLE_IDS } from '../engine/placeholders.js';
import { closest } from '../engine/suggest.js';

export interface SelectorFormat {
  /** globs (relative to the config file's folder); a leading `!` excludes */
  files: string | string[];
  /** selectors of the strings to lint */
  text: string | string[];
  /** context field → literal value, `$…` selector from the root or `^…` selector from the match */
  context?: Record<string, string>;
}

// ── Selector parsing ─────────────────────────────────────────────────────────────────────

export type Selector = { type: 'key'; keys: string[] } | { type: 'index'; indexes: number[] } | { type: 'wildcard' };

export interface Step {
  /** `..`: apply the selector at every depth below (and at) the current node */
  recursive: boolean;
  selector: Selector;
}

export interface ParsedSelector {
  source: string;
  /** 0 for `$` (from the root); n for `^` × n (from the n-th container of the match) */
  up: number;
  steps: Step[];
}

export class SelectorSyntaxError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position + 1} of \`${source}\``);
    this.name = 'SelectorSyntaxError';
  }
}

/** Parses a selector. `relative: true` allows (and requires) a leading `^`. */
export function parseSelector(source: string, options: { relative?: boolean } = {}): ParsedSelector {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new SelectorSyntaxError(message, source, at);
  };
  let up = 0;
  if (options.relative) {
    while (source[i] === '^') {
      up++;
      i++;
    }
    if (up === 0) fail('expected `^` (the container of the matched string)');
  } else {
    if (source[i] !== '$') fail('expected `$` (the document root)');
    i++;
  }
  const steps: Step[] = [];
  const readName = (): string => {
    const start = i;
    while (i < source.length && !/[.[\]\s'",]/.test(source[i])) i++;
    if (i === start) fail('expected a key name');
    return source.slice(start, i);
  };
  const readBracket = (): Selector => {
    i++; // [
    const skipBlanks = () => {
      while (source[i] === ' ') i++;
    };
    skipBlanks();
    if (source[i] === '*') {
      i++;
      skipBlanks();
      if (source[i] !== ']') fail('expected `]`');
      i++;
      return { type: 'wildcard' };
    }
    const keys: string[] = [];
    const indexes: number[] = [];
    for (;;) {
      skipBlanks();
      const ch = source[i];
      if (ch === "'" || ch === '"') {
        const quote = ch;
        const start = i;
        i++;
        let key = '';
        while (i < source.length && source[i] !== quote) {
          if (source[i] === '\\' && i + 1 < source.length) i++;
          key += source[i];
          i++;
        }
        if (i >= source.length) fail('unterminated quoted key', start);
        i++;
        keys.push(key);
      } else if (ch !== undefined && /[-\d]/.test(ch)) {
        const m = /-?\d+/y;
        m.lastIndex = i;
        const found = m.exec(source);
        if (!found) fail('expected an index');
        indexes.push(Number(found![0]));
        i += found![0].length;
      } else {
        fail(ch === undefined ? 'unexpected end of selector, expected a quoted key, an index or `*`' : `unexpected \`${ch}\`, expected a quoted key, an index or \`*\``);
      }
      skipBlanks();
      if (source[i] === ',') {
        i++;
        continue;
      }
      if (source[i] === ']') {
        i++;
        break;
      }
      fail(source[i] === undefined ? 'unexpected end of selector, expected `]`' : `unexpected \`${source[i]}\`, expected \`,\` or \`]\``);
    }
    if (keys.length > 0 && indexes.length > 0) fail('a union cannot mix keys and indexes');
    return keys.length > 0 ? { type: 'key', keys } : { type: 'index', indexes };
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch === '.') {
      const recursive = source[i + 1] === '.';
      i += recursive ? 2 : 1;
      if (source[i] === '*') {
        i++;
        steps.push({ recursive, selector: { type: 'wildcard' } });
      } else if (source[i] === '[') {
        if (!recursive) fail('unexpected `[` after `.`', i);
        steps.push({ recursive, selector: readBracket() });
      } else if (source[i] === '.') {
        fail('unexpected `.`');
      } else {
        steps.push({ recursive, selector: { type: 'key', keys: [readName()] } });
      }
    } else if (ch === '[') {
      steps.push({ recursive: false, selector: readBracket() });
    } else {
      fail(`unexpected \`${ch}\`${ch === ' ' ? ' (space)' : ''}`);
    }
  }
  return { source, up, steps };
}

// ── Selector evaluation on `yaml` nodes ──────────────────────────────────────────────────

export type PathItem = string | number;

export interface SelectorMatch {
  node: Node;
  path: PathItem[];
  /** the nodes from the root to the match's container (the match itself excluded) */
  ancestors: Node[];
}

function childrenOf(node: unknown): { key: PathItem; node: Node }[] {
  if (isMap(node)) {
    // Of duplicated keys only the last takes effect (as in JSON.parse).
    return pairs(node).filter((p) => p.value !== null && p.value !== undefined).map((p) => ({ key: isScalar(p.key) ? String(p.key.value) : String(p.key), node: p.value as Node }));
  }
  if (isSeq(node)) return (node.items as Node[]).map((n, i) => ({ key: i, node: n }));
  return [];
}

function applySelector(match: SelectorMatch, selector: Selector): SelectorMatch[] {
  const out: SelectorMatch[] = [];
  const descend = (key: PathItem, node: Node) => out.push({ node, path: [...match.path, key], ancestors: [...match.ancestors, match.node] });
  if (selector.type === 'wildcard') {
    for (const c of childrenOf(match.node)) descend(c.key, c.node);
  } else if (selector.type === 'key') {
    if (!isMap(match.node)) return out;
    const kids = childrenOf(match.node);
    for (const key of selector.keys) for (const c of kids) if (c.key === key) descend(c.key, c.node);
  } else {
    if (!isSeq(match.node)) return out;
    const list = match.node.items as Node[];
    for (const index of selector.indexes) {
      const i = index < 0 ? list.length + index : index;
      if (i >= 0 && i < list.length && list[i] !== null) descend(i, list[i]);
    }
  }
  return out;
}

/** The match itself and every node below it, in document order. */
function selfAndDescendants(match: SelectorMatch): SelectorMatch[] {
  const out: SelectorMatch[] = [match];
  for (const c of childrenOf(match.node)) {
    out.push(...selfAndDescendants({ node: c.node, path: [...match.path, c.key], ancestors: [...match.ancestors, match.node] }));
  }
  return out;
}

/** Evaluates steps from a starting point, without duplicates. Results are in selector order
 * (`['b','a']` gives b before a); a recursive step's results are in document order. */
export function evaluate(steps: Step[], start: SelectorMatch): SelectorMatch[] {
  let current = [start];
  for (const step of steps) {
    const next: SelectorMatch[] = [];
    const seen = new Set<Node>();
    for (const m of current) {
      const bases = step.recursive ? selfAndDescendants(m) : [m];
      for (const base of bases) {
        for (const r of applySelector(base, step.selector)) {
          if (seen.has(r.node)) continue;
          seen.add(r.node);
          next.push(r);
        }
      }
    }
    // `..` visits parents before children; put its results back in document order.
    if (step.recursive) next.sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
    current = next;
  }
  return current;
}

/** Selects nodes of a parsed document's root (`doc.contents`). */
export function select(root: unknown, selector: string | ParsedSelector): SelectorMatch[] {
  const parsed = typeof selector === 'string' ? parseSelector(selector) : selector;
  if (root === null || root === undefined) return [];
  return evaluate(parsed.steps, { node: root as Node, path: [], ancestors: [] });
}

/** `$.messages[0].body`, `$['a b'][2]` */
export function formatPath(path: PathItem[]): string {
  return (
    '$' +
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][\w-]*$/.test(p) ? `.${p}` : `['${p.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`))
      .join('')
  );
}

// ── Globs ────────────────────────────────────────────────────────────────────────────────

/** A matcher for a list of globs: a path matches when it matches a pattern and no `!pattern`. */
export function globMatcher(patterns: string[], baseDir?: string): (filePath: string) => boolean {
  const compiled = patterns.map((p) => {
    const negated = p.startsWith('!');
    const glob = (negated ? p.slice(1) : p).replace(/^\.\//, '').replace(/\/$/, '/**');
    // linear-time matching (re2js): a glob in a repository's .lintrc cannot hang a run
    return { negated, basename: !glob.includes('/'), matches: compileGlob(glob) };
  });
  return (filePath: string) => {
    const base = baseDir ?? process.cwd();
    const absolute = isAbsolute(filePath) ? filePath : resolve(base, filePath);
    const rel = relative(base, absolute).split(/[\\/]/).join('/');
    if (rel === '..' || rel.startsWith('../') || isAbsolute(rel)) return false; // outside the base folder
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    let matched = false;
    for (const c of compiled) {
      const hit = c.matches(c.basename ? name : rel);
      if (hit) matched = !c.negated;
    }
    return matched;
  };
}

// ── Validation ───────────────────────────────────────────────────────────────────────────

/** Where a `formats:` entry is wrong: `path` is the key path, e.g. `formats[0].text[1]`. */
export class SelectorFormatError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`\`${path}\`: ${message}`);
    this.name = 'SelectorFormatError';
  }
}

const ENTRY_KEYS = ['files', 'text', 'context'];
export const CONTEXT_FIELDS = ['channel', 'locale', 'tag', 'messagingType', 'category', 'kind', 'component', 'promotional', 'topic', 'id'] as const;
type ContextField = (typeof CONTEXT_FIELDS)[number];
const CHANNELS = ['messenger', 'instagram', 'whatsapp', 'generic'];
const COMPONENTS = ['text', 'quick_reply', 'button', 'button_text', 'title', 'subtitle', 'greeting', 'header', 'body', 'footer', 'otn_title'];

/** A `context` value: a literal, a selector from the root or one from the match. */
export type ContextSource = { type: 'literal'; value: string | boolean } | { type: 'selector'; selector: ParsedSelector };

export function parseContextValue(field: string, value: string): ContextSource {
  if (value.startsWith('$')) return { type: 'selector', selector: parseSelector(value) };
  if (value.startsWith('^')) return { type: 'selector', selector: parseSelector(value, { relative: true }) };
  const literal = value.startsWith('\\') ? value.slice(1) : value;
  if (field === 'channel' && !CHANNELS.includes(literal)) throw new Error(`must be one of ${CHANNELS.join(', ')} (or a \`$…\`/\`^…\` selector)`);
  if (field === 'component' && !COMPONENTS.includes(literal)) throw new Error(`must be one of ${COMPONENTS.join(', ')} (or a \`$…\`/\`^…\` selector)`);
  if (field === 'promotional') {
    if (literal !== 'true' && literal !== 'false') throw new Error('must be `true`, `false` or a `$…`/`^…` selector');
    return { type: 'literal', value: literal === 'true' };
  }
  return { type: 'literal', value: literal };
}

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`);

/** Checks a `formats:` entry; throws SelectorFormatError naming the offending key. */
export function validateSelectorFormat(entry: unknown, path: string): asserts entry is SelectorFormat {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new SelectorFormatError(`a format entry must be a mapping with \`files\` and \`text\` (got ${describe(entry)})`, path);
  }
  const record = entry as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!ENTRY_KEYS.includes(key)) {
      const hint = closest(key, ENTRY_KEYS);
      throw new SelectorFormatError(`unknown key \`${key}\`${hint ? `; did you mean \`${hint}\`?` : ''} (known: ${ENTRY_KEYS.join(', ')})`, `${path}.${key}`);
    }
  }
  const stringList = (key: string): string[] => {
    const value = record[key];
    if (value === undefined) throw new SelectorFormatError(`\`${key}\` is required`, path);
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.length === 0) throw new SelectorFormatError(`must be a string or a non-empty list of strings (got ${describe(value)})`, `${path}.${key}`);
    list.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') {
        throw new SelectorFormatError(`must be a non-empty string (got ${describe(item)})`, Array.isArray(value) ? `${path}.${key}[${i}]` : `${path}.${key}`);
      }
    });
    return list as string[];
  };
  const files = stringList('files');
  files.forEach((glob, i) => {
    try {
      compileGlob((glob.startsWith('!') ? glob.slice(1) : glob).replace(/^\.\//, '').replace(/\/$/, '/**'));
    } catch (error) {
      throw new SelectorFormatError(`\`${glob.length > 60 ? `${glob.slice(0, 57)}...` : glob}\`: ${(error as Error).message}`, Array.isArray(record.files) ? `${path}.files[${i}]` : `${path}.files`);
    }
  });
  const texts = stringList('text');
  texts.forEach((source, i) => {
    const at = Array.isArray(record.text) ? `${path}.text[${i}]` : `${path}.text`;
    if (!source.startsWith('$')) {
      throw new SelectorFormatError(`\`${source}\` must start with \`$\` (the document root), e.g. \`$.messages[*].text\``, at);
    }
    try {
      parseSelector(source);
    } catch (error) {
      throw new SelectorFormatError((error as Error).message, at);
    }
  });
  if (record.context !== undefined) {
    const context = record.context;
    if (typeof context !== 'object' || context === null || Array.isArray(context)) {
      throw new SelectorFormatError(`must be a mapping of context fields to values or selectors (got ${describe(context)})`, `${path}.context`);
    }
    for (const [field, value] of Object.entries(context)) {
      const at = `${path}.context.${field}`;
      if (!(CONTEXT_FIELDS as readonly string[]).includes(field)) {
        const hint = closest(field, [...CONTEXT_FIELDS]);
        throw new SelectorFormatError(`unknown context field \`${field}\`${hint ? `; did you mean \`${hint}\`?` : ''} (known: ${CONTEXT_FIELDS.join(', ')})`, at);
      }
      const text = typeof value === 'boolean' && field === 'promotional' ? String(value) : value;
      if (typeof text !== 'string' || text === '') throw new SelectorFormatError(`must be a non-empty string: a literal value, a \`$…\` or a \`^…\` selector (got ${describe(value)})`, at);
      try {
        parseContextValue(field, text);
      } catch (error) {
        throw new SelectorFormatError((error as Error).message, at);
      }
    }
  }
}

// ── The adapter ──────────────────────────────────────────────────────────────────────────

const asList = (value: string | string[]) => (typeof value === 'string' ? [value] : value);

/** The scalar value a context selector picks (the first scalar match), with its node. */
function resolveContext(source: ContextSource, match: SelectorMatch, root: unknown): { value: unknown; node?: Node } | undefined {
  if (source.type === 'literal') return { value: source.value };
  const selector = source.selector;
  let start: SelectorMatch;
  if (selector.up === 0) start = { node: root as Node, path: [], ancestors: [] };
  else {
    const chain = [...match.ancestors, match.node];
    const index = chain.length - 1 - selector.up;
    if (index < 0) return undefined;
    start = { node: chain[index], path: match.path.slice(0, index), ancestors: chain.slice(0, index) };
  }
  for (const found of evaluate(selector.steps, start)) {
    if (isScalar(found.node) && found.node.value !== null && typeof found.node.value !== 'object') return { value: found.node.value, node: found.node };
  }
  return undefined;
}

export interface SelectorAdapterOptions {
  /** folder the `files` globs are relative to (the config file's folder); default: cwd */
  baseDir?: string;
  /** adapter id (default `selectors`) */
  id?: string;
}

/** Builds a format adapter from a `formats:` entry (validate it first with validateSelectorFormat). */
export function createSelectorAdapter(entry: SelectorFormat, options: SelectorAdapterOptions = {}): FormatAdapter {
  const files = asList(entry.files);
  const matches = globMatcher(files, options.baseDir);
  const texts = asList(entry.text).map((s) => parseSelector(s));
  const context = Object.entries(entry.context ?? {}).map(([field, value]) => ({
    field: field as ContextField,
    source: parseContextValue(field, typeof value === 'boolean' ? String(value) : value),
  }));
  return {
    id: options.id ?? 'selectors',
    description: `JSON/YAML strings selected by ${texts.map((t) => `\`${t.source}\``).join(', ')} in ${files.join(', ')}`,
    extensions: ['.json', '.yml', '.yaml'],
    placeholderStyles: ALL_STYLE_IDS,
    detect: (input: FormatInput) => matches(input.filePath),
    extract(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
      const doc = input.document();
      const root = doc.contents;
      const errors: FormatError[] = duplicateKeyErrors(doc);
      const messages: Message[] = [];
      const seen = new Set<Node>();
      const nonStrings: string[] = [];
      const pathLocale = localeFromPath(input.filePath);
      for (const selector of texts) {
        let others = 0;
        for (const match of select(root, selector)) {
          if (!isScalar(match.node) || typeof match.node.value !== 'string') {
            others++;
            continue;
          }
          const last = match.path[match.path.length - 1];
          if (typeof last === 'string' && (last.startsWith('//') || last === 'msglint-disable')) continue; // JSON comment / suppression fields
          if (seen.has(match.node)) continue;
          seen.add(match.node);
          const values: Partial<Record<ContextField, unknown>> = {};
          const spans: FieldSpans = {};
          for (const { field, source } of context) {
            const resolved = resolveContext(source, match, root);
            if (!resolved) continue;
            let value = resolved.value;
            if (field === 'channel' && !CHANNELS.includes(String(value))) {
              const offset = resolved.node?.range?.[0] ?? 0;
              if (errors.some((e) => e.offset === offset)) continue; // one report per bad value
              errors.push(new FormatError(`\`channel\` must be one of ${CHANNELS.join(', ')} (got \`${String(value)}\`)`, offset));
              continue;
            }
            if (field === 'promotional') value = value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
            else value = String(value);
            if (value === undefined) continue;
            values[field] = value;
            if (resolved.node?.range && (field === 'tag' || field === 'messagingType' || field === 'category' || field === 'kind' || field === 'locale' || field === 'channel')) {
              spans[field] = [resolved.node.range[0], resolved.node.range[1]];
            }
          }
          const messageContext: MessageContext = compact({
            ...defaults,
            channel: ((values.channel as Channel | undefined) ?? defaults.channel ?? 'generic') as Channel,
            locale: (values.locale as string | undefined) ?? pathLocale ?? defaults.locale,
            tag: (values.tag as string | undefined) ?? defaults.tag,
            messagingType: (values.messagingType as string | undefined) ?? defaults.messagingType,
            category: (values.category as string | undefined) ?? defaults.category,
            kind: (values.kind as string | undefined) ?? defaults.kind,
            component: ((values.component as Component | undefined) ?? defaults.component ?? 'text') as Component,
            promotional: (values.promotional as boolean | undefined) ?? defaults.promotional,
            topic: (values.topic as string | undefined) ?? defaults.topic,
            fieldSpans: Object.keys(spans).length > 0 ? spans : undefined,
            extra: { ...defaults.extra, path: formatPath(match.path), selector: selector.source },
          });
          const id = (values.id as string | undefined) ?? formatPath(match.path);
          const message = messageFromScalar(match.node, input.text, messageContext, id);
          if (message) messages.push(message);
        }
        if (others > 0) nonStrings.push(`\`${selector.source}\` matched ${others} ${others === 1 ? 'node that is' : 'nodes that are'} not a string`);
      }
      if (seen.size === 0) {
        const detail = nonStrings.length > 0 ? `; ${nonStrings.join('; ')} (select the strings inside, e.g. add \`[*]\` or \`.text\`)` : '';
        errors.push(new FormatError(`No string in this file matches the \`text\` selectors ${texts.map((t) => `\`${t.source}\``).join(', ')}${detail}`, 0));
      }
      const directives = /\.ya?ml$/i.test(input.filePath) ? hashCommentDirectives(input.text) : [];
      return { messages, errors, directives };
    },
  };
}
