// The audit: reads conversation exports as streams of records, checks every business message
// against the messaging window in force on its date, lints its text, and collects what the
// responsiveness metrics need.
//
// Memory. Nothing holds a file. Per conversation the audit keeps a few numbers in typed
// arrays (last message time, last customer message time, the pending counted message, flags,
// two counters) behind a Map from the conversation id; per counted customer message it keeps
// two numbers (its time and the time of the first human reply). Findings are kept (the
// formatters take them all at once).
//
// Order. Exports are normally sorted by conversation and time, or by time; conversations may
// interleave freely. Within a conversation the checks need time order: when a conversation's
// messages go back in time, its results from the first pass are discarded and, after the
// first pass, its records are read again (only that conversation's), sorted by time and
// replayed. A fully shuffled export therefore costs a second read and memory for its events.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileResult, Finding } from '../types.js';
import { LineIndex } from '../engine/positions.js';
import { decode } from '../engine/decode.js';
import { FormatError } from '../formats/types.js';
import { readLines, UnreadableError, type Line } from './lines.js';
import { CsvParser, csvPosition, type CsvRecord } from './csv.js';
import { JsonSyntaxError, parseWithSpans, rawIndexInJsonString, type Spans } from './json-spans.js';
import { GRAPH_FIELD, GraphFormatError, graphTextOffset, inferPageId, readGraph } from './graph.js';
import { FIELDS, normalizeRecord, RecordError, REQUIRED, utcDate, type AuditRecord, type FieldName } from './records.js';
import { DAY, WINDOW_MS, tagVerdict } from './policy.js';
import { auditDocUrl, type AuditRuleId } from './audit-rules.js';
import { badgeMetrics, replyTimes, ZonedClock, type BadgeMetrics, type ReplyTimes } from './metrics.js';
import { LintService, MESSAGING_TYPE_SPAN, TAG_SPAN } from './lint-service.js';

export type InputFormat = 'jsonl' | 'csv' | 'graph';

export interface AuditOptions {
  cwd: string;
  /** epoch ms: messages before it update the window state but get no findings and no metrics */
  since?: number;
  /** YYYY-MM-DD: judge every message by this date's policy instead of its own date */
  policyDate?: string;
  timeZone?: string;
  /** the Page's id in Graph API exports */
  pageId?: string;
  /** force the input format instead of choosing by extension */
  inputFormat?: InputFormat;
  /** lint business messages with the message rules (default true) */
  lint?: boolean;
  configFile?: string;
  useConfigFiles?: boolean;
  /** build `source` (for code frames) only for files with at most this many lines */
  maxSourceLines?: number;
}

export interface AuditMetrics {
  files: number;
  conversations: number;
  messages: { total: number; customer: number; business: number; automated: number };
  since: string | null;
  policyDate: string | null;
  counted: {
    /** counted customer messages in the audited period (after the exclusions) */
    messages: number;
    responded: number;
    excluded: { awayMessages: number; doneConversations: number; automatedReplies: number };
    /** conversations whose records were out of time order and were replayed sorted */
    reorderedConversations: number;
  };
  badge: BadgeMetrics;
  replyTimes: ReplyTimes;
  lint: { enabled: boolean; linted: number; cacheHits: number };
}

export interface AuditOutcome {
  results: FileResult[];
  metrics: AuditMetrics;
}

export class UsageError extends Error {}

/** Where a finding goes in the file. */
export interface Where {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  range: [number, number];
}

interface Locator {
  line: number;
  offset: number;
  field(name: FieldName): Where | undefined;
  text(start: number, end: number): Where | undefined;
}

type Sink = (item: AuditRecord | RecordError, at: Locator) => void;

const FLAG_DONE = 1;
const FLAG_UNSORTED = 2;
const FLAG_REPLAY = 4;

/** Per-conversation state, struct-of-arrays. */
class Conversations {
  readonly ids = new Map<string, number>();
  size = 0;
  lastTs = new Float64Array(1024);
  lastCustomer = new Float64Array(1024);
  pending = new Int32Array(1024);
  flags = new Uint8Array(1024);
  away = new Uint32Array(1024);
  automatedReplies = new Uint32Array(1024);

  index(id: string): number {
    let c = this.ids.get(id);
    if (c === undefined) {
      c = this.add(0);
      this.ids.set(id, c);
    }
    return c;
  }

  add(flags: number): number {
    if (this.size === this.lastTs.length) this.grow();
    const c = this.size++;
    this.lastTs[c] = -Infinity;
    this.lastCustomer[c] = NaN;
    this.pending[c] = -1;
    this.flags[c] = flags;
    return c;
  }

  private grow(): void {
    const n = this.lastTs.length * 2;
    const copy = <T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.lastTs = copy(this.lastTs, new Float64Array(n));
    this.lastCustomer = copy(this.lastCustomer, new Float64Array(n));
    this.pending = copy(this.pending, new Int32Array(n));
    this.flags = copy(this.flags, new Uint8Array(n));
    this.away = copy(this.away, new Uint32Array(n));
    this.automatedReplies = copy(this.automatedReplies, new Uint32Array(n));
  }
}

/** Counted customer messages: conversation, time, time of the first human reply (NaN: none). */
class Pairs {
  size = 0;
  conv = new Int32Array(1024);
  t = new Float64Array(1024);
  r = new Float64Array(1024);

  push(conv: number, t: number): number {
    if (this.size === this.t.length) {
      const n = this.t.length * 2;
      const conv2 = new Int32Array(n);
      conv2.set(this.conv);
      const t2 = new Float64Array(n);
      t2.set(this.t);
      const r2 = new Float64Array(n);
      r2.set(this.r);
      this.conv = conv2;
      this.t = t2;
      this.r = r2;
    }
    const i = this.size++;
    this.conv[i] = conv;
    this.t[i] = t;
    this.r[i] = NaN;
    return i;
  }
}

interface FileState {
  path: string;
  absolute: string;
  format: InputFormat | undefined;
  findings: Finding[];
  /** window findings with their conversation (dropped if the conversation is replayed) */
  windowFindings: { finding: Finding; conv: number }[];
  lineCount: number;
  /** Graph documents are in memory anyway: their text is the source */
  source?: string;
}

/** What a replayed (out-of-order) record keeps: enough for the window checks and metrics. */
interface ReplayEvent {
  record: AuditRecord;
  file: number;
  line: number;
  where: Partial<Record<'timestamp' | 'tag' | 'automated', Where>>;
}

export function formatFor(path: string, forced: InputFormat | undefined): InputFormat | undefined {
  if (forced) return forced;
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.json$/i.test(path)) return 'graph';
  return undefined;
}

export async function runAudit(paths: string[], options: AuditOptions): Promise<AuditOutcome> {
  const clock = new ZonedClock(options.timeZone ?? 'UTC');
  const lint = options.lint === false ? undefined : await LintService.create({ cwd: options.cwd, configFile: options.configFile, useConfigFiles: options.useConfigFiles, policyDate: options.policyDate });
  const auditor = new Auditor(paths.map((p) => ({ path: p, absolute: resolve(options.cwd, p), format: formatFor(p, options.inputFormat), findings: [], windowFindings: [], lineCount: 0 })), options, lint);
  await auditor.run();
  return auditor.finish(clock);
}

class Auditor {
  private readonly convs = new Conversations();
  private readonly pairs = new Pairs();
  private readonly counters = { total: 0, customer: 0, business: 0, automated: 0 };
  private pageId: string | undefined;
  private replay: Map<number, ReplayEvent[]> | undefined;
  private readonly dates = new Map<number, string>();

  constructor(
    private readonly files: FileState[],
    private readonly options: AuditOptions,
    private readonly lintService: LintService | undefined,
  ) {
    this.pageId = options.pageId;
  }

  async run(): Promise<void> {
    if (this.pageId === undefined && this.files.some((f) => f.format === 'graph')) this.pageId = this.inferPage();
    for (const [i, file] of this.files.entries()) await this.readFile(i, (item, at) => this.first(item, at, file));
    let unsorted = false;
    for (let c = 0; c < this.convs.size; c++) if (this.convs.flags[c] & FLAG_UNSORTED) unsorted = true;
    if (!unsorted) return;
    this.replay = new Map();
    for (let c = 0; c < this.convs.size; c++) if (this.convs.flags[c] & FLAG_UNSORTED) this.replay.set(c, []);
    for (const [i] of this.files.entries()) await this.readFile(i, (item, at) => this.collect(item, at, i), true);
    for (const [c, events] of this.replay) {
      events.sort((a, b) => a.record.ts - b.record.ts || a.file - b.file || a.line - b.line);
      const slot = this.convs.add((this.convs.flags[c] & FLAG_DONE) | FLAG_REPLAY);
      for (const e of events) this.step(slot, e.record, (name) => e.where[name as 'timestamp'], this.files[e.file]);
    }
    this.replay = undefined;
  }

  /** The Page in Graph exports: the participant present in every conversation of every Graph file. */
  private inferPage(): string | undefined {
    const sets: Set<string>[] = [];
    for (const file of this.files) {
      if (file.format !== 'graph') continue;
      try {
        const text = decode(readFileSync(file.absolute)).text;
        for (const conversation of readGraph(text, undefined).conversations) sets.push(conversation.participants);
      } catch {
        // reported when the file is read
      }
    }
    if (sets.length === 0) return undefined; // nothing readable: the files report their own errors
    const { pageId, reason } = inferPageId(sets);
    if (!pageId) throw new UsageError(`cannot tell which participant is the Page in the Graph API export: ${reason}; pass --page-id`);
    return pageId;
  }

  // ---- reading ----------------------------------------------------------------------------

  private async readFile(index: number, sink: Sink, again = false): Promise<void> {
    const file = this.files[index];
    const fatal = (message: string, line = 1, column = 1, offset = 0) => {
      if (!again) file.findings.push(fatalFinding(message, { line, column, endLine: line, endColumn: column, range: [offset, offset] }));
    };
    if (!file.format) {
      fatal('Unknown export format: name the file .jsonl, .ndjson, .csv or .json (Graph API), or pass --input-format');
      return;
    }
    try {
      if (file.format === 'graph') this.readGraphFile(file, sink, fatal, again);
      else {
        const bad = (line: number, offset: number, reason: string) => fatal(`Malformed record: ${reason}`, line, 1, offset);
        const stats = file.format === 'jsonl' ? await readJsonl(file.absolute, sink, bad) : await readCsv(file.absolute, sink, bad, fatal);
        file.lineCount = stats.lines;
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code) fatal(`Cannot read file: ${code}`);
      else if (error instanceof UnreadableError || error instanceof FormatError || error instanceof GraphFormatError) fatal(error.message);
      else throw error;
    }
  }

  private readGraphFile(file: FileState, sink: Sink, fatal: (message: string, line?: number, column?: number, offset?: number) => void, again: boolean): void {
    const text = decode(readFileSync(file.absolute)).text;
    const lines = new LineIndex(text);
    const whereAt = (start: number, end: number): Where => {
      const a = lines.at(start);
      const b = lines.at(end);
      return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, range: [start, end] };
    };
    let document;
    try {
      document = readGraph(text, this.pageId);
    } catch (error) {
      if (error instanceof JsonSyntaxError || error instanceof GraphFormatError) {
        const at = lines.at(error.offset);
        fatal(error instanceof JsonSyntaxError ? `Cannot parse JSON: ${error.message}` : error.message, at.line, at.column, error.offset);
        return;
      }
      throw error;
    }
    if (!again) {
      file.source = text;
      file.lineCount = lines.lineCount;
    }
    for (const conversation of document.conversations) {
      for (const message of conversation.messages) {
        const spans: Spans = message.spans;
        const anchor = spans.get('message')?.[0] ?? message.offset;
        const start = lines.at(anchor);
        const locator: Locator = {
          line: start.line,
          offset: anchor,
          field(name) {
            const key = GRAPH_FIELD[name];
            const span = key ? spans.get(key) : undefined;
            return span ? whereAt(...valueSpan(text, span)) : undefined;
          },
          text(s, e) {
            const a = graphTextOffset(text, spans, s);
            const b = graphTextOffset(text, spans, e);
            return a === undefined || b === undefined ? undefined : whereAt(a, b);
          },
        };
        sink(message.record ?? message.error!, locator);
      }
    }
  }

  // ---- first pass ------------------------------------------------------------------------

  private first(item: AuditRecord | RecordError, at: Locator, file: FileState): void {
    if (item instanceof RecordError) {
      const where =
        (item.field && at.field(item.field)) ||
        (item.column !== undefined ? { line: at.line, column: item.column + 1, endLine: at.line, endColumn: item.column + 1, range: [at.offset + item.column, at.offset + item.column] as [number, number] } : pointAt(at));
      file.findings.push(fatalFinding(`Malformed record: ${item.message}`, where));
      return;
    }
    const record = item;
    this.counters.total++;
    if (record.from === 'customer') this.counters.customer++;
    else {
      this.counters.business++;
      if (record.automated) this.counters.automated++;
    }
    const c = this.convs.index(record.conversation);
    if (record.done) this.convs.flags[c] |= FLAG_DONE;
    if (record.ts < this.convs.lastTs[c]) this.convs.flags[c] |= FLAG_UNSORTED;
    this.step(c, record, (name) => at.field(name), file);
    if (this.lintService && record.from === 'business' && this.inScope(record.ts) && record.text.trim() !== '') {
      for (const f of this.lintService.lint(record, this.dateOf(record.ts))) file.findings.push(placeLintFinding(f, record, at));
    }
  }

  // ---- second pass (out-of-order conversations) -----------------------------------------

  private collect(item: AuditRecord | RecordError, at: Locator, file: number): void {
    if (item instanceof RecordError) return;
    const c = this.convs.ids.get(item.conversation);
    const events = c === undefined ? undefined : this.replay!.get(c);
    if (!events) return;
    const where: ReplayEvent['where'] = {};
    if (item.from === 'business') {
      for (const name of ['timestamp', 'tag', 'automated'] as const) {
        const w = at.field(name);
        if (w) where[name] = w;
      }
    }
    events.push({ record: item, file, line: at.line, where });
  }

  // ---- the checks ------------------------------------------------------------------------

  private inScope(ts: number): boolean {
    return this.options.since === undefined || ts >= this.options.since;
  }

  private dateOf(ts: number): string {
    const day = Math.floor(ts / DAY);
    let date = this.dates.get(day);
    if (date === undefined) {
      if (this.dates.size > 10_000) this.dates.clear();
      date = utcDate(ts);
      this.dates.set(day, date);
    }
    return date;
  }

  /** Window checks and metrics bookkeeping for one record, in time order within its conversation. */
  private step(c: number, record: AuditRecord, field: (name: FieldName) => Where | undefined, file: FileState): void {
    const convs = this.convs;
    const inScope = this.inScope(record.ts);
    if (record.from === 'customer') {
      // Counted: the first customer message of the conversation, or the first after 24 hours
      // without any message in it (from either side).
      const counted = Number.isNaN(convs.lastCustomer[c]) || record.ts - convs.lastTs[c] >= DAY;
      if (counted && inScope) {
        convs.pending[c] = -1; // an earlier counted message still waiting stays unanswered
        if (record.away) convs.away[c]++;
        else convs.pending[c] = this.pairs.push(c, record.ts);
      }
      convs.lastCustomer[c] = record.ts;
    } else {
      if (inScope) this.windowChecks(c, record, field, file);
      const pending = convs.pending[c];
      if (pending >= 0) {
        if (record.automated) convs.automatedReplies[c]++;
        else {
          this.pairs.r[pending] = record.ts;
          convs.pending[c] = -1;
        }
      }
    }
    if (record.ts > convs.lastTs[c]) convs.lastTs[c] = record.ts;
  }

  private windowChecks(c: number, record: AuditRecord, field: (name: FieldName) => Where | undefined, file: FileState): void {
    const date = this.options.policyDate ?? this.dateOf(record.ts);
    const last = this.convs.lastCustomer[c];
    const elapsed = Number.isNaN(last) ? undefined : record.ts - last;
    const report = (ruleId: AuditRuleId, message: string, help: string, at: FieldName) => {
      const where = field(at) ?? field('timestamp');
      const finding: Finding = { ruleId, severity: 'error', message, help, url: auditDocUrl(ruleId), ...(where ?? { line: 1, column: 1, endLine: 1, endColumn: 1, range: [0, 0] }) };
      if (record.id) finding.messageId = record.id;
      file.windowFindings.push({ finding, conv: c });
    };
    const since = () => (elapsed === undefined ? '' : ` ${duration(elapsed)} after the customer's last message (${new Date(last).toISOString().replace('.000Z', 'Z')})`);
    let valid = false;
    let windowDays: number | undefined;
    let tagProblem = false;
    let tagReason = '';
    if (record.tag) {
      const verdict = tagVerdict(record.tag, date, record.channel);
      if (verdict.retired) {
        tagProblem = true;
        report(
          'retired-tag',
          `Message tag \`${record.tag}\` was retired on ${verdict.retired}${this.options.policyDate ? ` (policy date ${date})` : ` and this message was sent on ${date}`}: requests with it fail`,
          `Use ${verdict.replacement ?? 'a reply inside the 24-hour window'} instead.`,
          'tag',
        );
      }
      if (record.tag === 'HUMAN_AGENT' && record.automated) {
        report('human-agent-automated', 'HUMAN_AGENT message marked `automated`: the tag is only for replies written by a person', 'Send automated follow-ups inside the 24-hour window, or have an agent write the message.', 'automated');
      }
      valid = verdict.valid;
      windowDays = verdict.windowDays;
      if (!verdict.known) tagReason = 'an unknown tag';
      else if (record.channel === 'whatsapp') tagReason = 'but WhatsApp has no message tags';
      else if (record.channel === 'instagram' && record.tag !== 'HUMAN_AGENT') tagReason = 'a tag Instagram does not accept';
      else tagReason = `a tag not yet available on ${date}`;
    }
    if (valid) {
      if (windowDays !== undefined && (elapsed === undefined || elapsed > windowDays * DAY)) {
        const human = record.tag === 'HUMAN_AGENT';
        report(
          human ? 'human-agent-window' : 'window-24h',
          elapsed === undefined
            ? `\`${record.tag}\` message with no customer message before it in the conversation: the tag allows ${windowDays} days after the customer's message`
            : `\`${record.tag}\` message sent${since()}: the tag allows ${windowDays} days`,
          human ? 'A HUMAN_AGENT reply must follow the customer\'s message within 7 days; after that, wait for the customer to write again.' : `\`${record.tag}\` is valid within ${windowDays} days of the customer's last message.`,
          'timestamp',
        );
      }
    } else if (!tagProblem) {
      if (elapsed === undefined) {
        report('no-open-window', 'Business message with no customer message before it in the conversation and no message tag in force: no messaging window is open', 'Only the customer opens the window (a message, a button tap, a reaction…); outside it use a fitting tag or a paid marketing message.', 'timestamp');
      } else if (elapsed > WINDOW_MS) {
        report(
          'window-24h',
          `Business message sent${since()} ${record.tag ? `with \`${record.tag}\`, ${tagReason}` : 'without a message tag'}: outside the 24-hour window`,
          'Reply within 24 hours of the customer\'s last message; later, only a fitting tag (HUMAN_AGENT for a person, within 7 days) lets the message through.',
          'timestamp',
        );
      }
    }
  }

  // ---- results ---------------------------------------------------------------------------

  async finish(clock: ZonedClock): Promise<AuditOutcome> {
    const { convs, pairs } = this;
    const excluded = (c: number) => (convs.flags[c] & (FLAG_DONE | FLAG_UNSORTED)) !== 0;
    let doneConversations = 0;
    let reordered = 0;
    let awayMessages = 0;
    let automatedReplies = 0;
    for (let c = 0; c < convs.size; c++) {
      const flags = convs.flags[c];
      if (!(flags & FLAG_REPLAY) && flags & FLAG_DONE) doneConversations++;
      if (flags & FLAG_UNSORTED) reordered++;
      if (!excluded(c)) {
        awayMessages += convs.away[c];
        automatedReplies += convs.automatedReplies[c];
      }
    }
    let n = 0;
    for (let i = 0; i < pairs.size; i++) if (!excluded(pairs.conv[i])) n++;
    const t = new Float64Array(n);
    const r = new Float64Array(n);
    let responded = 0;
    for (let i = 0, j = 0; i < pairs.size; i++) {
      if (excluded(pairs.conv[i])) continue;
      t[j] = pairs.t[i];
      r[j] = pairs.r[i];
      if (!Number.isNaN(r[j])) responded++;
      j++;
    }
    const results: FileResult[] = [];
    for (const file of this.files) {
      const findings = [...file.findings, ...file.windowFindings.filter((w) => !(convs.flags[w.conv] & FLAG_UNSORTED)).map((w) => w.finding)];
      findings.sort((a, b) => a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)));
      file.findings = findings;
      file.windowFindings = [];
      const source = file.source ?? (await this.sparseSource(file));
      results.push({
        filePath: file.path,
        findings,
        ...(source !== undefined ? { source } : {}),
        errorCount: findings.filter((f) => f.severity === 'error').length,
        warningCount: findings.filter((f) => f.severity === 'warn').length,
        infoCount: findings.filter((f) => f.severity === 'info').length,
        fatalErrorCount: findings.filter((f) => f.fatal).length,
      });
    }
    const metrics: AuditMetrics = {
      files: this.files.length,
      conversations: convs.ids.size,
      messages: { ...this.counters },
      since: this.options.since === undefined ? null : new Date(this.options.since).toISOString(),
      policyDate: this.options.policyDate ?? null,
      counted: { messages: n, responded, excluded: { awayMessages, doneConversations, automatedReplies }, reorderedConversations: reordered },
      badge: badgeMetrics(t, r),
      replyTimes: replyTimes(t, r, clock),
      lint: { enabled: this.lintService !== undefined, linted: this.lintService?.linted ?? 0, cacheHits: this.lintService?.cacheHits ?? 0 },
    };
    return { results, metrics };
  }

  /**
   * The formatters show code frames from `source`. A streamed file is not kept, so `source`
   * is rebuilt with the real text on every line that has a finding and empty lines elsewhere
   * (one more read of the file; skipped for files over `maxSourceLines` lines).
   */
  private async sparseSource(file: FileState): Promise<string | undefined> {
    if (file.findings.length === 0 || file.lineCount === 0 || file.lineCount > (this.options.maxSourceLines ?? 2_000_000)) return undefined;
    const wanted = new Set<number>();
    for (const f of file.findings) for (let l = f.line; l <= Math.min(f.endLine, f.line + 50); l++) wanted.add(l);
    const kept = new Map<number, string>();
    try {
      await readLines(file.absolute, { line: (l) => wanted.has(l.number) && kept.set(l.number, l.text), bad: () => {} });
    } catch {
      return undefined;
    }
    const numbers = [...kept.keys()].sort((a, b) => a - b);
    let out = '';
    let line = 1;
    for (const n of numbers) {
      out += '\n'.repeat(n - line) + kept.get(n)!;
      line = n;
    }
    return out + '\n'.repeat(Math.max(0, file.lineCount - line));
  }
}

// ---- readers ------------------------------------------------------------------------------

/** A field value's span; a string's quotes are left out. */
function valueSpan(text: string, span: [number, number]): [number, number] {
  return text[span[0]] === '"' && span[1] - span[0] >= 2 ? [span[0] + 1, span[1] - 1] : span;
}

function whereInLine(line: Line, start: number, end: number): Where {
  return { line: line.number, column: start + 1, endLine: line.number, endColumn: end + 1, range: [line.offset + start, line.offset + end] };
}

function pointAt(at: Locator): Where {
  return { line: at.line, column: 1, endLine: at.line, endColumn: 1, range: [at.offset, at.offset] };
}

/**
 * Positions in the current JSONL line. One instance is reused for every line (the sink is
 * synchronous), and the line is parsed for positions only when a finding needs one.
 */
class JsonlLocator implements Locator {
  line = 0;
  offset = 0;
  private current!: Line;
  private spans: Spans | null | undefined;

  reset(line: Line): this {
    this.current = line;
    this.line = line.number;
    this.offset = line.offset;
    this.spans = undefined;
    return this;
  }

  private fieldSpans(): Spans | undefined {
    if (this.spans === undefined) {
      try {
        const parsed = parseWithSpans(this.current.text);
        this.spans = (typeof parsed.value === 'object' && parsed.value !== null && parsed.spans.get(parsed.value)) || null;
      } catch {
        this.spans = null;
      }
    }
    return this.spans ?? undefined;
  }

  field(name: FieldName): Where | undefined {
    const span = this.fieldSpans()?.get(name);
    if (!span) return undefined;
    const [a, b] = valueSpan(this.current.text, span);
    return whereInLine(this.current, a, b);
  }

  text(start: number, end: number): Where | undefined {
    const span = this.fieldSpans()?.get('text');
    const text = this.current.text;
    if (!span || text[span[0]] !== '"') return undefined;
    return whereInLine(this.current, rawIndexInJsonString(text, span[0], start), rawIndexInJsonString(text, span[0], end));
  }
}

/** JSON Lines: one JSON object per line; blank lines are skipped. */
async function readJsonl(path: string, sink: Sink, bad: (line: number, offset: number, reason: string) => void) {
  const at = new JsonlLocator();
  return readLines(path, {
    bad,
    line(line) {
      const text = line.text;
      if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) return;
      const locator = at.reset(line);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        const message = (error as Error).message;
        const position = /position (\d+)/.exec(message);
        const column = position ? Math.min(Number(position[1]), text.length) : undefined;
        sink(new RecordError(`invalid JSON (${message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '')})`, undefined, column), locator);
        return;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        sink(new RecordError('each line must be a JSON object'), locator);
        return;
      }
      let record: AuditRecord;
      try {
        record = normalizeRecord(value as Record<string, unknown>);
      } catch (error) {
        if (error instanceof RecordError) {
          sink(error, locator);
          return;
        }
        throw error;
      }
      sink(record, locator);
    },
  });
}

/** CSV with a header row naming the schema's fields (any order, case-insensitive; other columns ignored). */
async function readCsv(path: string, sink: Sink, bad: (line: number, offset: number, reason: string) => void, fatal: (message: string, line?: number, column?: number, offset?: number) => void) {
  let header: (FieldName | undefined)[] | undefined;
  let stop = false;
  const locatorFor = (record: CsvRecord): Locator => {
    const first = record.lines[0];
    const index = (name: FieldName) => (header ? header.indexOf(name) : -1);
    const span = (field: number, start: number, end: number): Where => {
      const a = csvPosition(record, field, start);
      const b = csvPosition(record, field, end);
      return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, range: [a.offset, b.offset] };
    };
    return {
      line: first.number,
      offset: first.offset,
      field(name) {
        const i = index(name);
        return i >= 0 && i < record.fields.length ? span(i, 0, record.fields[i].length) : undefined;
      },
      text(start, end) {
        const i = index('text');
        return i >= 0 && i < record.fields.length ? span(i, start, end) : undefined;
      },
    };
  };
  const parser = new CsvParser({
    error: (line, offset, column, message) => fatal(message, line, column, offset),
    record(record) {
      if (stop) return;
      if (!header) {
        const names = record.fields.map((f) => f.trim().toLowerCase().replace(/^\uFEFF/, ''));
        header = names.map((n, i) => ((FIELDS as readonly string[]).includes(n) && names.indexOf(n) === i ? (n as FieldName) : undefined));
        const missing = REQUIRED.filter((f) => !header!.includes(f));
        if (missing.length > 0) {
          fatal(`CSV header must name the columns ${REQUIRED.join(', ')}; missing: ${missing.join(', ')} (found: ${record.fields.join(', ')})`, record.lines[0].number, 1, record.lines[0].offset);
          stop = true;
        }
        return;
      }
      const locator = locatorFor(record);
      if (record.fields.length !== header.length) {
        sink(new RecordError(`expected ${header.length} fields as in the header, found ${record.fields.length}`), locator);
        return;
      }
      const raw: Record<string, unknown> = {};
      for (const [i, name] of header.entries()) {
        if (!name) continue;
        const value = record.fields[i];
        // An empty cell is an absent optional field; `text` may be empty.
        if (value !== '' || name === 'text') raw[name] = value;
      }
      try {
        sink(normalizeRecord(raw), locator);
      } catch (error) {
        if (error instanceof RecordError) sink(error, locator);
        else throw error;
      }
    },
  });
  const stats = await readLines(path, { bad, line: (line) => parser.push(line) });
  parser.end();
  if (!header && !stop) fatal('Empty CSV file: expected a header row');
  return stats;
}

// ---- findings -----------------------------------------------------------------------------

function fatalFinding(message: string, where: Where): Finding {
  return { ruleId: null, severity: 'error', fatal: true, message, ...where };
}

/** A lint finding (text offsets) placed in the export. */
function placeLintFinding(f: Finding, record: AuditRecord, at: Locator): Finding {
  let where: Where | undefined;
  if (f.range[0] === TAG_SPAN[0]) where = at.field('tag');
  else if (f.range[0] === MESSAGING_TYPE_SPAN[0]) where = at.field('messaging_type');
  else where = at.text(f.range[0], f.range[1]);
  where ??= pointAt(at);
  const out: Finding = { ruleId: f.ruleId, severity: f.severity, message: f.message, ...where };
  if (f.help) out.help = f.help;
  if (f.url) out.url = f.url;
  if (f.actual !== undefined) out.actual = f.actual;
  if (f.suggestions) out.suggestions = f.suggestions;
  if (record.id) out.messageId = record.id;
  return out;
}

/** `24 h 0 min 1 s`, `7 d 0 h 0 min 1 s`, `23 h 59 min`, `24 h 0 min 0.001 s`, `0 s` */
export function duration(ms: number): string {
  const total = Math.round(ms);
  const millis = total % 1000;
  let s = (total - millis) / 1000;
  const days = s >= 2 * 86400 ? Math.floor(s / 86400) : 0;
  s -= days * 86400;
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  s -= minutes * 60;
  const parts: [number, string][] = [];
  if (days) parts.push([days, `${days} d`]);
  if (days || hours) parts.push([hours, `${hours} h`]);
  if (days || hours || minutes) parts.push([minutes, `${minutes} min`]);
  parts.push([s + millis, millis ? `${s}.${String(millis).padStart(3, '0').replace(/0+$/, '')} s` : `${s} s`]);
  // Trailing zero units go (`24 h`, not `24 h 0 min 0 s`); inner ones stay (`24 h 0 min 1 s`).
  while (parts.length > 1 && parts[parts.length - 1][0] === 0) parts.pop();
  return parts.map((p) => p[1]).join(' ');
}
