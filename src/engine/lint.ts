// The linter: configure → extract → check → locate → filter, for one file or one text.
import { resolve } from 'node:path';
import { resolveFrom } from '../paths.js';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { rules } from '../../rules/index.js';
import { adapterById, detectFormat, makeInput } from '../formats/index.js';
import { FormatError, type Directive, type FormatAdapter, type FormatInput } from '../formats/types.js';
import { createSelectorAdapter, type SelectorFormat } from '../formats/selectors.js';
import { jsonFieldDirectives } from '../formats/directives.js';
import { canonicalLocale, languageOf } from '../language/locale.js';
import { detectLanguage } from '../language/detect.js';
import { today } from '../language/platform.js';
import type { FileResult, Finding, Message, MessageContext, Severity } from '../types.js';
import { emptyConfig, type Config, type RuleCatalog, type RuleSetting } from './config.js';
import { ConfigResolver, mergeSettings } from './config-resolve.js';
import { decode, DecodeError, DEFAULT_MAX_FILE_SIZE, FileTooLargeError } from './decode.js';
import { readOutcome, type ReadOutcome } from './read-ahead.js';
import { noteFeature } from './run-features.js';
import { BUILT_IN_STYLES, customStyles, findLiterals, findPlaceholders, maskRanges } from './placeholders.js';
import { LineIndex } from './positions.js';
import { processorFor, type ActiveRule } from './processor.js';
import { remember, remembered } from './message-memo.js';
import { BIG_FILE_BYTES, growHeapSlowly } from './heap.js';
import { expectManySuggestions } from '../language/spell/background.js';
import { resolveOptions, type MessageData, type RuleReport } from './rule.js';
import { ruleDocUrl } from './docs-url.js';
import { customRule } from './custom-rules.js';

export interface LintOptions {
  cwd?: string;
  /** `--config PATH`: use this config for every file instead of the nearest `.lintrc` */
  configFile?: string;
  /** `--no-config`: ignore `.lintrc` files */
  useConfigFiles?: boolean;
  /** `--rule`: settings that win over every config */
  ruleOverrides?: Record<string, RuleSetting>;
  /** force a format adapter by id */
  format?: string;
  /** report `msglint-disable` directives that silenced nothing */
  reportUnusedDisableDirectives?: boolean;
  /** settings merged over every file's config (library use, tests) */
  overrideConfig?: Partial<Config>;
  /** `--max-file-size`: bigger files are not read (bytes; 0: no limit; default 2 MB) */
  maxFileSize?: number;
  /** told about each file found by a directory walk that is skipped for its size */
  onSkip?: (filePath: string, reason: string) => void;
}

/** Rule ids and their option specs, for config validation. */
export function ruleCatalog(): RuleCatalog {
  return Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.options]));
}

export class Linter {
  private readonly cwd: string;
  readonly resolver: ConfigResolver;

  constructor(private readonly options: LintOptions = {}) {
    this.cwd = options.cwd ?? process.cwd();
    this.resolver = new ConfigResolver(ruleCatalog(), this.cwd);
    // Load an explicit config now, so that an error in it is reported before any file.
    if (options.configFile) this.resolver.forFileWith(resolve(this.cwd, options.configFile), resolve(this.cwd, 'x'));
  }

  /** The config that applies to a file (throws ConfigError for a broken config). */
  configFor(filePath: string): Config {
    const absolute = resolveFrom(this.cwd, filePath);
    let config: Config;
    if (this.options.configFile) config = this.resolver.forFileWith(resolve(this.cwd, this.options.configFile), absolute);
    else if (this.options.useConfigFiles === false) config = this.noConfig;
    else config = this.resolver.forFile(absolute);
    const override = this.options.overrideConfig;
    if (!override) return config;
    // One merged config per folder's config, like the configs themselves: what is worked out
    // per config (active rules, pipelines, project words) is then worked out once.
    let merged = this.overridden.get(config);
    if (!merged) {
      merged = { ...mergeSettings(config, { rules: {}, words: [], placeholders: [], context: {}, ...override }), ...(override.ignorePatterns ? { ignorePatterns: override.ignorePatterns } : {}) };
      this.overridden.set(config, merged);
    }
    return merged;
  }

  private readonly overridden = new WeakMap<Config, Config>();
  /** the config of every file with `useConfigFiles: false` (one object: see `overridden`) */
  private readonly noConfig = emptyConfig();

  /**
   * Lints a file from disk. With `explicit: false` (found by walking a directory), a JSON or
   * YAML file that no format recognises is skipped (`undefined`) instead of reported.
   */
  lintFile(filePath: string, explicit = true): FileResult | undefined {
    return this.lintRead(filePath, readOutcome(resolveFrom(this.cwd, filePath), this.maxFileSize), explicit);
  }

  /** Lints a file already read (src/engine/read-ahead.ts): `lintFile` without the read. */
  lintRead(filePath: string, read: ReadOutcome, explicit = true): FileResult | undefined {
    if (read.bytes) return this.lintBytes(read.bytes, filePath, explicit);
    const { error } = read;
    if (error instanceof FileTooLargeError) return this.tooLarge(filePath, error, explicit);
    return fatalResult(filePath, `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }

  /** Lints bytes (a file's, or standard input) decoded and size-limited exactly as a file is. */
  lintBytes(bytes: Uint8Array, filePath: string, explicit = true): FileResult | undefined {
    if (this.maxFileSize > 0 && bytes.length > this.maxFileSize) return this.tooLarge(filePath, new FileTooLargeError(bytes.length, this.maxFileSize), explicit);
    if (bytes.length >= BIG_FILE_BYTES) {
      growHeapSlowly();
      expectManySuggestions();
    }
    let text: string;
    try {
      text = decode(bytes).text;
    } catch (error) {
      if (error instanceof DecodeError) return fatalResult(filePath, error.message, error);
      throw error;
    }
    // One input for both steps: a YAML/JSON file is parsed once, and its format detected once.
    const input = makeInput(filePath, text);
    if (!explicit && !this.recognises(filePath, text, input)) return undefined;
    return this.lintText(text, filePath, {}, input);
  }

  get maxFileSize(): number {
    return this.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  /**
   * A file over `maxFileSize`: a fatal error when it was named, skipped (`undefined`, and
   * `onSkip` is told) when a directory walk found it — big data files live in repositories.
   */
  tooLarge(filePath: string, error: FileTooLargeError, explicit: boolean): FileResult | undefined {
    if (!explicit) {
      this.options.onSkip?.(filePath, `${error.message} (--max-file-size)`);
      return undefined;
    }
    return fatalResult(filePath, `File too large to lint: ${filePath} is ${error.message}; raise it with --max-file-size (0: no limit)`);
  }

  /** Does a format read this file? (Unparsable files count: they must be reported.) */
  recognises(filePath: string, text: string, input = makeInput(filePath, text)): boolean {
    if (this.options.format) return true;
    try {
      return detectOnce(input) !== undefined;
    } catch {
      return true; // unparsable: report it
    }
  }

  /** Lints decoded text as if it were the file at `filePath` (which need not exist). */
  lintText(text: string, filePath: string, defaults: Partial<MessageContext> = {}, input = makeInput(filePath, text)): FileResult {
    const config = this.configFor(filePath);
    const lines = new LineIndex(text);
    const findings: Finding[] = [];
    let adapter: FormatAdapter | undefined;
    let messages: Message[] = [];
    let directives: Directive[] = [];
    try {
      adapter = this.options.format ? adapterById(this.options.format) : (this.customFormat(config, input) ?? detectOnce(input));
      if (adapter) noteFeature(`format:${adapter.id}`);
      if (!adapter) {
        return finish(filePath, text, [
          positioned({ ruleId: null, severity: 'error', fatal: true, message: 'No msglint format recognises this file (see the README, Formats)' }, [0, 0], lines),
        ]);
      }
      const contextDefaults: Partial<MessageContext> = { ...config.context, ...defaults };
      // An explicit context (library call, compose) wins over the config's channel default.
      if (config.channel && !defaults.channel) contextDefaults.channel = config.channel;
      if (config.locale && !contextDefaults.locale) contextDefaults.locale = config.locale;
      const extraction = adapter.extract(input, contextDefaults);
      messages = extraction.messages;
      directives = extraction.directives ?? [];
      if (/\.json$/i.test(filePath)) directives.push(...jsonFieldDirectives(input.document().contents));
      input.release?.();
      for (const error of extraction.errors ?? []) {
        findings.push(positioned({ ruleId: null, severity: 'error', fatal: true, message: error.message }, [error.offset, error.offset], lines));
      }
    } catch (error) {
      if (error instanceof FormatError) {
        return finish(filePath, text, [positioned({ ruleId: null, severity: 'error', fatal: true, message: error.message }, [error.offset, error.offset], lines)]);
      }
      throw error;
    }
    const active = this.activeRules(config);
    const { words, styles, wordsKey, stylesKey } = fileScope(config, adapter);
    const policyDate = config.policyDate ?? today();
    const byId = compileMessageContext(config.messageContext ?? []);
    const scope = { words, policyDate, styles, key: `${wordsKey}\u0000${policyDate}\u0000${stylesKey}` };
    for (const message of messages) {
      const extra = byId(message.id);
      const withContext = extra ? { ...message, context: { ...message.context, ...extra } } : message;
      findings.push(...this.checkMessage(withContext, active, scope, lines));
    }
    return finish(filePath, text, applyDirectives(findings, directives, lines, this.options.reportUnusedDisableDirectives === true));
  }

  private readonly selectorAdapters = new Map<string, FormatAdapter>();

  /** A `formats` entry of the config (glob → selectors) that claims this file. */
  private customFormat(config: Config, input: FormatInput): FormatAdapter | undefined {
    for (const [i, { entry, baseDir }] of config.formats.entries()) {
      const key = `${baseDir}\u0000${JSON.stringify(entry)}`;
      let adapter = this.selectorAdapters.get(key);
      if (!adapter) {
        adapter = createSelectorAdapter(entry as SelectorFormat, { baseDir, id: `formats[${i}]` });
        this.selectorAdapters.set(key, adapter);
      }
      if (adapter.detect({ ...input, filePath: resolve(this.cwd, input.filePath) })) return adapter;
    }
    return undefined;
  }

  /** per config object (configs are cached per folder): rules and options resolve once */
  private readonly activeByConfig = new WeakMap<Config, ActiveRule[]>();

  private activeRules(config: Config): ActiveRule[] {
    let active = this.activeByConfig.get(config);
    if (!active) {
      active = this.resolveActiveRules(config);
      this.activeByConfig.set(config, active);
    }
    return active;
  }

  private resolveActiveRules(config: Config): ActiveRule[] {
    const out: ActiveRule[] = [];
    const custom = Object.entries(config.customRules ?? {}).map(([id, spec]) => customRule(id, spec));
    for (const rule of [...rules, ...custom]) {
      const setting = this.options.ruleOverrides?.[rule.meta.id] ?? config.rules[rule.meta.id];
      const level = setting === undefined ? rule.meta.severity : Array.isArray(setting) ? setting[0] : setting;
      if (level === 'off') continue;
      const options = resolveOptions(rule.meta, Array.isArray(setting) ? setting[1] : undefined);
      out.push({ rule, severity: level, options });
    }
    return out;
  }

  private checkMessage(message: Message, active: ActiveRule[], scope: MessageScope, lines: LineIndex): Finding[] {
    // No locale from the format or the config: identify the language (en when unsure).
    const locale = canonicalLocale(message.context.locale ?? detectLocale(message.text));
    const language = languageOf(locale);
    const processor = processorFor(language, locale, active);
    let reported = remembered(processor, scope.key, message.text, message.context);
    if (!reported) {
      const { styles, words, policyDate } = scope;
      const placeholders = findPlaceholders(message.text, styles);
      const context = { ...message.context, locale, placeholders };
      const masked = maskRanges(message.text, [...placeholders, ...findLiterals(message.text)].sort((a, b) => a.start - b.start));
      const data: MessageData = { raw: message.text, context, placeholders, language, locale, words, policyDate };
      const file = new VFile({ value: masked, data: { msglint: data } });
      processor.run(processor.parse(file), file);
      reported = file.messages;
      remember(processor, scope.key, message.text, message.context, reported);
    }
    if (reported.length === 0) return [];
    let severities = severitiesByActive.get(active);
    if (!severities) severitiesByActive.set(active, (severities = new Map(active.map((a) => [a.rule.meta.id, a.severity]))));
    return reported.map((m) => toFinding(m, message, severities, lines, lines.text));
  }
}

/** What a config and a format add to every message of a file but the policy date. */
interface FileScope {
  /** the project words, as written and in lower case */
  words: Set<string>;
  /** the placeholder styles: the format's built-in ones, then the config's patterns */
  styles: ReturnType<typeof customStyles>;
  wordsKey: string;
  stylesKey: string;
}

// Made once per config (configs are cached per folder) and format, not once per file: the
// arrays made per file also made V8 drop lintText's optimised code ("wrong map").
const fileScopes = new WeakMap<Config, Map<FormatAdapter, FileScope>>();

function fileScope(config: Config, adapter: FormatAdapter): FileScope {
  let byAdapter = fileScopes.get(config);
  if (!byAdapter) fileScopes.set(config, (byAdapter = new Map()));
  let scope = byAdapter.get(adapter);
  if (!scope) {
    let words = wordsByConfig.get(config);
    if (!words) wordsByConfig.set(config, (words = new Set(config.words.flatMap((w) => [w, w.toLowerCase()]))));
    const styles = [...BUILT_IN_STYLES.filter((s) => adapter.placeholderStyles.includes(s.id)), ...customStyles(config.placeholders)];
    const stylesKey = `${styles.map((s) => s.id).join(',')}\u0000${config.placeholders.join('\u0001')}`;
    byAdapter.set(adapter, (scope = { words, styles, wordsKey: wordsKey(words), stylesKey }));
  }
  return scope;
}

/** What a file's config adds to every message's data; `key` names it in the message memo. */
interface MessageScope {
  words: Set<string>;
  policyDate: string;
  styles: ReturnType<typeof customStyles>;
  key: string;
}

// Configs are cached per folder: folders with the same words get the same short key.
const wordsKeys = new WeakMap<Set<string>, string>();
const wordsIds = new Map<string, string>();

function wordsKey(words: Set<string>): string {
  let key = wordsKeys.get(words);
  if (key === undefined) {
    const content = [...words].sort().join('\u0001');
    key = wordsIds.get(content);
    if (key === undefined) wordsIds.set(content, (key = String(wordsIds.size)));
    wordsKeys.set(words, key);
  }
  return key;
}

const severitiesByActive = new WeakMap<ActiveRule[], Map<string, Severity>>();
/** the project words of a config (configs are cached per folder: one set for all their files) */
const wordsByConfig = new WeakMap<Config, Set<string>>();
const detected = new WeakMap<FormatInput, FormatAdapter | undefined>();

/** detectFormat, remembered per input (recognises() and lintText() ask about the same one). */
function detectOnce(input: FormatInput): FormatAdapter | undefined {
  if (!detected.has(input)) detected.set(input, detectFormat(input));
  return detected.get(input);
}

/** `messageContext` entries: `*` in an id pattern matches any run of characters. */
function compileMessageContext(entries: NonNullable<Config['messageContext']>): (id: string | undefined) => Partial<MessageContext> | undefined {
  if (entries.length === 0) return () => undefined;
  const compiled = entries.map((e) => ({ test: new RegExp(`^${e.id.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`), context: e.context }));
  return (id) => {
    if (id === undefined) return undefined;
    let out: Partial<MessageContext> | undefined;
    for (const entry of compiled) if (entry.test.test(id)) out = { ...out, ...entry.context };
    return out;
  };
}

function detectLocale(text: string): string | undefined {
  const found = detectLanguage(text);
  return found && found.margin >= 1 ? found.language : undefined;
}

function toFinding(m: VFileMessage, message: Message, severities: Map<string, Severity>, lines: LineIndex, source: string): Finding {
  const extra = m as unknown as { field?: keyof NonNullable<MessageContext['fieldSpans']>; fix?: string; later?: RuleReport['later'] };
  const severity: Severity = m.fatal === undefined || m.fatal === null ? 'info' : severities.get(m.ruleId ?? '') ?? 'warn';
  let range: [number, number];
  const fieldSpan = extra.field ? message.context.fieldSpans?.[extra.field] : undefined;
  if (fieldSpan) range = fieldSpan;
  else if (m.place && 'start' in m.place) {
    range = [message.sourceMap.toFile(m.place.start.offset ?? 0), message.sourceMap.toFile(m.place.end.offset ?? message.text.length, 'end')];
  } else if (m.place && 'offset' in m.place) {
    const at = message.sourceMap.toFile(m.place.offset ?? 0);
    range = [at, at];
  } else {
    range = [message.sourceMap.toFile(0), message.sourceMap.toFile(message.text.length, 'end')];
  }
  if (range[1] < range[0]) range = [range[0], range[0]];
  const finding = positioned(
    {
      ruleId: m.ruleId ?? null,
      severity,
      message: m.reason,
      help: m.note ?? undefined,
      url: m.url ?? undefined,
      messageId: message.id,
      actual: m.actual ?? undefined,
      suggestions: m.expected && m.expected.length > 0 ? [...m.expected] : undefined,
    },
    range,
    lines,
  );
  if (m.ruleId) finding.url = ruleDocUrl(m.ruleId);
  finding.messageLine = lines.at(message.sourceMap.toFile(0)).line;
  const suggestionFixes = () => {
    if (finding.suggestions && m.place && 'start' in m.place) {
      const { start, end } = m.place;
      finding.suggestionFixes = finding.suggestions.map((s) => mapFix(message, start.offset ?? 0, end.offset ?? 0, s, source));
    }
  };
  suggestionFixes();
  // Completed in place, before the run reads its findings (src/language/spell/background.ts).
  extra.later?.whenReady(({ reason, expected }) => {
    finding.message = reason;
    finding.suggestions = expected.length > 0 ? [...expected] : undefined;
    suggestionFixes();
  });
  if (extra.fix !== undefined && m.place && 'start' in m.place) {
    const fix = mapFix(message, m.place.start.offset ?? 0, m.place.end.offset ?? 0, extra.fix, source);
    if (fix) finding.fix = fix;
  }
  return finding;
}

/**
 * A fix in message offsets becomes a file edit only when it is safe: the original span,
 * re-encoded for the format, must be exactly what the file holds there.
 */
function mapFix(message: Message, start: number, end: number, replacement: string, source: string): Finding['fix'] {
  const encode = message.encode ?? ((t: string) => t);
  const fileStart = message.sourceMap.toFile(start);
  const fileEnd = message.sourceMap.toFile(end, 'end');
  const original = encode(message.text.slice(start, end));
  const text = encode(replacement);
  if (original === undefined || text === undefined || source.slice(fileStart, fileEnd) !== original) return undefined;
  return { range: [fileStart, fileEnd], text };
}

function positioned(partial: Omit<Finding, 'line' | 'column' | 'endLine' | 'endColumn' | 'range'>, range: [number, number], lines: LineIndex): Finding {
  const start = lines.at(range[0]);
  const end = lines.at(range[1]);
  // Copy only defined fields (`delete` would turn every finding into a slow dictionary object).
  const finding = {} as Record<string, unknown>;
  for (const key in partial) {
    const value = partial[key as keyof typeof partial];
    if (value !== undefined) finding[key] = value;
  }
  Object.assign(finding, { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, range });
  return finding as unknown as Finding;
}

/**
 * Drops findings silenced by inline directives (`msglint-disable…`). Directives that name
 * an unknown rule are reported; with `reportUnused`, so are directives that silenced nothing.
 */
function applyDirectives(findings: Finding[], directives: Directive[], lines: LineIndex, reportUnused: boolean): Finding[] {
  if (directives.length === 0) return findings;
  const known = new Set(rules.map((r) => r.meta.id));
  const used = new Set<Directive>();
  const covers = (d: Directive, f: Finding) => d.rules.length === 0 || (f.ruleId !== null && d.rules.includes(f.ruleId));
  const sorted = [...directives].sort((a, b) => a.offset - b.offset);
  const silence = (d: Directive) => {
    used.add(d);
    return false;
  };
  const kept = findings.filter((f) => {
    if (f.fatal || f.ruleId === null) return true;
    let active: Directive | undefined;
    for (const d of sorted) {
      const line = lines.at(d.offset).line;
      if (d.kind === 'disable-next-line' && coversNextLine(line, f, lines) && covers(d, f)) return silence(d);
      if (d.kind === 'disable-line' && f.line === line && covers(d, f)) return silence(d);
      if (d.kind === 'disable-range' && d.range && f.range[0] >= d.range[0] && f.range[0] < d.range[1] && covers(d, f)) return silence(d);
      if (d.offset > f.range[0]) continue;
      if (d.kind === 'disable' && covers(d, f)) active = d;
      if (d.kind === 'enable' && active && covers(d, f)) active = undefined;
    }
    if (active) used.add(active);
    return !active;
  });
  for (const d of directives) {
    const unknown = d.rules.filter((r) => !known.has(r));
    if (unknown.length > 0) {
      kept.push(positioned({ ruleId: null, severity: 'warn', message: `Unknown rule ${unknown.map((r) => `\`${r}\``).join(', ')} in a \`msglint-${d.kind === 'disable-range' ? 'disable' : d.kind}\` directive` }, [d.offset, d.offset], lines));
    } else if (reportUnused && d.kind !== 'enable' && !used.has(d)) {
      kept.push(positioned({ ruleId: null, severity: 'error', message: `Unused msglint-${d.kind === 'disable-range' ? 'disable' : d.kind} directive (no problems were reported${d.rules.length ? ` from ${d.rules.map((r) => `\`${r}\``).join(', ')}` : ''})` }, [d.offset, d.offset], lines));
    }
  }
  return kept;
}

/**
 * A `disable-next-line` directive covers the next line, and the whole message that starts
 * there — also a YAML block scalar whose `key: |` header is on that line.
 */
function coversNextLine(line: number, f: Finding, lines: LineIndex): boolean {
  if (f.line === line + 1 || f.messageLine === line + 1) return true;
  return f.messageLine === line + 2 && /:\s*[|>][-+0-9]*\s*(#.*)?$/.test(lines.lineText(line + 1));
}

function finish(filePath: string, source: string, all: Finding[]): FileResult {
  all.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || String(a.ruleId).localeCompare(String(b.ruleId)));
  // A YAML anchor used by several messages is one text in the file: report each problem once.
  const findings = all.filter((f, i) => {
    for (let j = i - 1; j >= 0 && all[j].range[0] === f.range[0]; j--) {
      const g = all[j];
      if (g.range[1] === f.range[1] && g.ruleId === f.ruleId && g.message === f.message) return false;
    }
    return true;
  });
  return {
    filePath,
    findings,
    source,
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warn').length,
    infoCount: findings.filter((f) => f.severity === 'info').length,
    fatalErrorCount: findings.filter((f) => f.fatal).length,
  };
}

/** A result for a file that could not be linted at all. */
export function fatalResult(filePath: string, message: string, at = { line: 1, column: 1, offset: 0 }): FileResult {
  const { line, column, offset } = at;
  return finish(filePath, '', [{ ruleId: null, severity: 'error', fatal: true, message, line, column, endLine: line, endColumn: column, range: [offset, offset] }]);
}
