// The review session: the files under review with their decoded text, findings and
// messages, and the actions the review screen offers — apply a fix or a suggestion, add a
// word to the project dictionary, suppress with a reason, take an external edit, undo. No
// React here: the screen renders `items()` and calls these methods; every method returns a
// plain result for the status line and re-lints what it changed.
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../../engine/config.js';
import { decode, encode, type Decoded } from '../../engine/decode.js';
import { discover } from '../../engine/discover.js';
import { applyFixes } from '../../engine/fix.js';
import { IgnoreRules, type IgnoreOptions } from '../../engine/ignore.js';
import { fatalResult, Linter, ruleCatalog, type LintOptions } from '../../engine/lint.js';
import { writeFileAtomic } from '../../engine/write.js';
import { FormatError } from '../../formats/types.js';
import type { FileResult, Finding, Severity } from '../../types.js';
import { describeMessages, messageOfFinding, messageSpan, safeExtract, type MessageInfo } from './messages.js';
import { budgetFromConfig, previewOf, type Preview } from './preview.js';
import { planSuppression, SuppressError } from './suppress.js';
import { addWordToConfigText, newConfigText, WordEditError } from './words.js';

export interface ReviewFile {
  /** as shown (relative to the working directory) */
  path: string;
  absolute: string;
  explicit: boolean;
  /** the bytes msglint read (undefined when the file could not be read) */
  bytes?: Buffer;
  text: string;
  bom: Decoded['bom'];
  result: FileResult;
  messages: MessageInfo[];
  /** preview budget from the config's `preview-length` options */
  budget?: number;
}

/** One finding as the review list shows it. */
export interface ReviewItem {
  /** stable while the finding exists: file, rule, message and position */
  key: string;
  fileIndex: number;
  path: string;
  finding: Finding;
  /** the message the finding is in (a chip is its own message) */
  message?: MessageInfo;
  /** the finding's span inside `message.text` */
  span?: [number, number];
  /** the main message (the chip's parent, or the message itself) */
  main?: MessageInfo;
  chips: MessageInfo[];
  groupKey: string;
  groupLabel: string;
  preview?: Preview;
}

export interface ActionResult {
  ok: boolean;
  message: string;
}

interface Change {
  absolute: string;
  /** null: the file did not exist */
  before: Buffer | null;
  after: Buffer | null;
}

interface HistoryEntry {
  label: string;
  changes: Change[];
  /** a config file changed: every file is re-linted */
  config: boolean;
}

export interface SessionOptions {
  cwd: string;
  patterns: string[];
  lint?: LintOptions;
  ignore?: Omit<IgnoreOptions, 'cwd'>;
}

export interface EditorCommand {
  command: string;
  args: string[];
}

const ok = (message: string): ActionResult => ({ ok: true, message });
const fail = (message: string): ActionResult => ({ ok: false, message });

/** Splits `$EDITOR` like a shell would for simple cases (quotes, backslash escapes). */
export function splitCommand(command: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | undefined;
  let any = false;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < command.length) current += command[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      any = true;
    } else if (ch === '\\' && i + 1 < command.length) {
      current += command[++i];
      any = true;
    } else if (/\s/.test(ch)) {
      if (current || any) out.push(current);
      current = '';
      any = false;
    } else {
      current += ch;
      any = true;
    }
  }
  if (current || any) out.push(current);
  return out;
}

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  if (a === null || b === null) return a === b;
  return a.equals(b);
}

function readOrNull(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/** Creates a file that must not exist yet, atomically (temp file + hard link). */
function createFileAtomic(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.msglint-new-${process.pid}-${Date.now()}.tmp`);
  writeFileSync(temp, bytes, { flag: 'wx' });
  try {
    linkSync(temp, path);
  } finally {
    unlinkSync(temp);
  }
}

function findingKey(f: Finding): string {
  return `${f.ruleId ?? ''}\u0000${f.message}\u0000${f.messageId ?? ''}`;
}

function countKeys(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(findingKey(f), (counts.get(findingKey(f)) ?? 0) + 1);
  return counts;
}

export class ReviewSession {
  readonly cwd: string;
  files: ReviewFile[] = [];
  private linter: Linter;
  private readonly lintOptions: LintOptions;
  private readonly history: HistoryEntry[] = [];

  private constructor(cwd: string, lintOptions: LintOptions) {
    this.cwd = cwd;
    this.lintOptions = { ...lintOptions, cwd };
    this.linter = new Linter(this.lintOptions);
  }

  /** Discovers the files like the command line (ignore files included) and lints them. */
  static async open(options: SessionOptions): Promise<ReviewSession> {
    const session = new ReviewSession(options.cwd, options.lint ?? {});
    const ignore = new IgnoreRules({ cwd: options.cwd, ...options.ignore });
    const targets = await discover(options.patterns.length > 0 ? options.patterns : ['.'], options.cwd);
    for (const target of targets) {
      const absolute = resolve(options.cwd, target.path);
      let ignored = false;
      try {
        ignored = ignore.ignored(absolute, session.linter.configFor(absolute).ignorePatterns);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
      }
      if (ignored) continue;
      const file = session.load(target.path, target.explicit);
      if (file) session.files.push(file);
    }
    return session;
  }

  get canUndo(): boolean {
    return this.history.length > 0;
  }

  /** changes written in this session and not undone */
  get changeCount(): number {
    return this.history.length;
  }

  get undoLabel(): string | undefined {
    return this.history[this.history.length - 1]?.label;
  }

  private load(path: string, explicit: boolean): ReviewFile | undefined {
    const absolute = resolve(this.cwd, path);
    const base = { path, absolute, explicit, text: '', bom: null as Decoded['bom'], messages: [] as MessageInfo[] };
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      return { ...base, result: fatalResult(path, `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`) };
    }
    let decoded: Decoded;
    try {
      decoded = decode(bytes);
    } catch (error) {
      if (error instanceof FormatError) return { ...base, bytes, result: fatalResult(path, error.message) };
      throw error;
    }
    try {
      if (!explicit && !this.linter.recognises(path, decoded.text)) return undefined;
      const result = this.linter.lintText(decoded.text, path);
      const config = this.linter.configFor(absolute);
      const messages = describeMessages(safeExtract(config, path, decoded.text, this.cwd) ?? []);
      return { ...base, bytes, text: decoded.text, bom: decoded.bom, result, messages, budget: budgetFromConfig(config, this.lintOptions.ruleOverrides) };
    } catch (error) {
      if (error instanceof ConfigError) return { ...base, bytes, text: decoded.text, bom: decoded.bom, result: fatalResult(path, `Configuration error: ${error.message}`) };
      throw error;
    }
  }

  private relint(fileIndex: number): void {
    const file = this.files[fileIndex];
    this.files[fileIndex] = this.load(file.path, true) ?? file;
  }

  private relintAll(): void {
    this.linter = new Linter(this.lintOptions); // configs are cached per Linter
    this.files = this.files.map((f) => this.load(f.path, true) ?? f);
  }

  /** Every finding, grouped by file, then by message, in file order. */
  items(): ReviewItem[] {
    const out: ReviewItem[] = [];
    this.files.forEach((file, fileIndex) => {
      const entries = file.result.findings.map((finding) => {
        const message = messageOfFinding(finding, file.messages);
        const main = message?.parent !== undefined ? file.messages[message.parent] : message;
        return { finding, message, main };
      });
      entries.sort((a, b) => (a.main?.index ?? -1) - (b.main?.index ?? -1) || a.finding.range[0] - b.finding.range[0]);
      const seen = new Map<string, number>();
      for (const { finding, message, main } of entries) {
        const base = `${fileIndex}\u0000${finding.ruleId}\u0000${finding.message}\u0000${finding.messageId ?? ''}`;
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        const chips = main ? main.chips.map((i) => file.messages[i]) : [];
        out.push({
          key: `${base}\u0000${n}`,
          fileIndex,
          path: file.path,
          finding,
          message,
          span: message ? messageSpan(message, finding.range) : undefined,
          main,
          chips,
          groupKey: `${fileIndex}:${main ? main.index : 'file'}`,
          groupLabel: main ? main.label : '(file)',
          preview: main ? previewOf(main.text, main.context, chips.map((c) => ({ text: c.text, component: c.context.component ?? 'quick_reply' })), file.budget) : undefined,
        });
      }
    });
    return out;
  }

  // ---- writing, with undo --------------------------------------------------------------

  private writeText(fileIndex: number, text: string, label: string): ActionResult {
    const file = this.files[fileIndex];
    if (!file.bytes) return fail(`${file.path} could not be read; nothing written`);
    const after = Buffer.from(encode(text, file.bom));
    try {
      writeFileAtomic(file.absolute, after, file.bytes);
    } catch (error) {
      this.relint(fileIndex);
      return fail(`${(error as Error).message}`);
    }
    this.history.push({ label, changes: [{ absolute: file.absolute, before: file.bytes, after }], config: false });
    this.relint(fileIndex);
    return ok(`${label} in ${file.path}`);
  }

  /** Applies the finding's safe fix (`'fix'`) or its suggestion number `choice` (0-based). */
  applyFix(item: ReviewItem, choice: 'fix' | number): ActionResult {
    const finding = item.finding;
    const fix = choice === 'fix' ? finding.fix : finding.suggestionFixes?.[choice];
    if (!fix) {
      if (choice === 'fix') return fail(finding.suggestions?.length ? 'No safe fix for this finding: pick a suggestion with its number' : 'No fix for this finding');
      if (!finding.suggestions || choice >= finding.suggestions.length) return fail(`No suggestion ${choice + 1} for this finding`);
      return fail(`Suggestion ${choice + 1} cannot be applied safely in this file (edit it with e)`);
    }
    const file = this.files[item.fileIndex];
    const { output } = applyFixes(file.text, [fix]);
    if (output === file.text) return fail('The fix changes nothing');
    const replaced = file.text.slice(fix.range[0], fix.range[1]);
    const label = choice === 'fix' ? `Fixed ${finding.ruleId}` : `Replaced \`${replaced}\` with \`${finding.suggestions?.[choice] ?? fix.text}\``;
    return this.writeText(item.fileIndex, output, label);
  }

  /** The config file that `words` are added to, or where a new `.lintrc` would go. */
  wordTarget(item: ReviewItem): { path: string; exists: boolean } | ActionResult {
    if (this.lintOptions.useConfigFiles === false) return fail('Config files are off (--no-config): there is no dictionary to add to');
    if (this.lintOptions.configFile) return { path: resolve(this.cwd, this.lintOptions.configFile), exists: true };
    const file = this.files[item.fileIndex];
    let chain;
    try {
      chain = this.linter.resolver.chain(dirname(file.absolute));
    } catch (error) {
      return fail(`Cannot read the config: ${(error as Error).message}`);
    }
    const nearest = chain[chain.length - 1];
    if (nearest) return { path: nearest.filePath, exists: true };
    const rel = relative(this.cwd, file.absolute);
    const insideCwd = rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
    return { path: join(insideCwd ? this.cwd : dirname(file.absolute), '.lintrc'), exists: false };
  }

  /** Adds the finding's word to `words` of the nearest `.lintrc` (created when there is none). */
  addWord(item: ReviewItem): ActionResult {
    const finding = item.finding;
    if (finding.ruleId !== 'spelling') return fail('Only spelling findings can be added to the dictionary');
    const file = this.files[item.fileIndex];
    const word = (finding.actual ?? file.text.slice(finding.range[0], finding.range[1])).trim();
    if (!word || /\s/.test(word)) return fail('No single word to add');
    const target = this.wordTarget(item);
    if ('ok' in target) return target;
    const display = relative(this.cwd, target.path) || target.path;
    let before: Buffer | null = null;
    let after: Buffer;
    try {
      if (target.exists) {
        before = readFileSync(target.path);
        const text = before.toString('utf8');
        after = Buffer.from(addWordToConfigText(target.path, text, word, ruleCatalog()), 'utf8');
        writeFileAtomic(target.path, after, before);
      } else {
        after = Buffer.from(newConfigText(word), 'utf8');
        createFileAtomic(target.path, after);
      }
    } catch (error) {
      if (error instanceof WordEditError || error instanceof ConfigError) return fail(`Not added: ${error.message}`);
      return fail(`Not added: ${(error as Error).message}`);
    }
    this.history.push({ label: `Added \`${word}\` to ${display}`, changes: [{ absolute: target.path, before, after }], config: true });
    this.relintAll();
    return ok(`Added \`${word}\` to \`words\` in ${display}${target.exists ? '' : ' (new file)'}`);
  }

  /** Inserts a suppression directive with `reason` for the finding (verified before writing). */
  suppress(item: ReviewItem, reason: string): ActionResult {
    const file = this.files[item.fileIndex];
    if (!file.bytes || file.result.fatalErrorCount > 0) return fail('This file could not be linted; nothing to suppress');
    const finding = item.finding;
    let config;
    try {
      config = this.linter.configFor(file.absolute);
    } catch (error) {
      return fail((error as Error).message);
    }
    // What must not change: each message's text and context (offsets aside).
    const texts = (t: string) =>
      safeExtract(config, file.path, t, this.cwd)?.map((m) => {
        const { fieldSpans: _spans, ...context } = m.context;
        return { id: m.id, text: m.text, context };
      });
    const baseline = JSON.stringify(texts(file.text));
    const before = countKeys(file.result.findings);
    const target = findingKey(finding);
    try {
      const plan = planSuppression(file.path, file.text, finding, reason, {
        sameMessages: (candidate) => {
          const t = texts(candidate);
          return t !== undefined && JSON.stringify(t) === baseline;
        },
        silenced: (candidate) => {
          const result = this.linter.lintText(candidate, file.path);
          if (result.fatalErrorCount > 0) return 'the edit would break the file';
          const after = countKeys(result.findings);
          if ((after.get(target) ?? 0) >= (before.get(target) ?? 0)) return 'the finding would still be reported';
          for (const [key, n] of after) {
            if (n > (before.get(key) ?? 0)) return `it would add: ${key.split('\u0000')[1]}`;
          }
          return undefined;
        },
      });
      const result = this.writeText(item.fileIndex, plan.text, `Suppressed ${finding.ruleId}`);
      return result.ok ? ok(`Suppressed ${finding.ruleId}: ${plan.description}`) : result;
    } catch (error) {
      if (error instanceof SuppressError) return fail(`Cannot suppress: ${error.message}`);
      throw error;
    }
  }

  /** `$VISUAL` / `$EDITOR` (default `vi`) with the `+LINE file` convention. */
  editorCommand(item: ReviewItem, env: NodeJS.ProcessEnv): EditorCommand {
    const words = splitCommand(env.VISUAL || env.EDITOR || 'vi');
    const [command, ...args] = words.length > 0 ? words : ['vi'];
    return { command, args: [...args, `+${item.finding.line}`, this.files[item.fileIndex].absolute] };
  }

  /** After an external edit of the item's file: record it for undo and re-lint. */
  afterExternalEdit(fileIndex: number): ActionResult {
    const file = this.files[fileIndex];
    const before = file.bytes ?? null;
    const after = readOrNull(file.absolute);
    if (sameBytes(before, after)) {
      this.relint(fileIndex);
      return ok(`${file.path}: no change`);
    }
    this.history.push({ label: `Edited ${file.path}`, changes: [{ absolute: file.absolute, before, after }], config: false });
    this.relint(fileIndex);
    const n = this.files[fileIndex].result.findings.length;
    return ok(`${file.path} edited; re-linted: ${n} finding${n === 1 ? '' : 's'}`);
  }

  /** Restores the files the last action changed, if nobody changed them since. */
  undo(): ActionResult {
    const entry = this.history.pop();
    if (!entry) return fail('Nothing to undo');
    for (const change of entry.changes) {
      const current = readOrNull(change.absolute);
      if (!sameBytes(current, change.after)) {
        this.history.push(entry);
        return fail(`Not undone: ${relative(this.cwd, change.absolute)} changed since (${entry.label})`);
      }
    }
    try {
      for (const change of [...entry.changes].reverse()) {
        if (change.before === null) {
          if (existsSync(change.absolute)) unlinkSync(change.absolute);
        } else if (change.after === null) {
          createFileAtomic(change.absolute, change.before);
        } else {
          writeFileAtomic(change.absolute, change.before, change.after);
        }
      }
    } catch (error) {
      return fail(`Undo failed: ${(error as Error).message}`);
    }
    if (entry.config) this.relintAll();
    else {
      for (const change of entry.changes) {
        const index = this.files.findIndex((f) => f.absolute === change.absolute);
        if (index >= 0) this.relint(index);
      }
    }
    return ok(`Undone: ${entry.label}`);
  }

  /** The exit code the plain CLI would give for what remains. */
  exitCode(): number {
    if (this.files.some((f) => f.result.fatalErrorCount > 0)) return 2;
    return this.files.some((f) => f.result.errorCount > 0) ? 1 : 0;
  }
}

export function severityCounts(items: ReviewItem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  for (const item of items) counts[item.finding.severity]++;
  return counts;
}

export function ruleCounts(items: ReviewItem[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const id = item.finding.ruleId ?? '(file)';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
