// What a rule is: declarative metadata, documented examples that a test runs, and a
// unified-style transformer (tree, file) that reports through vfile, run once per message by
// the pipeline of processor.ts. `defineRule` keeps rules typed.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import type { Options as MessageOptions, VFileMessage } from 'vfile-message';
import type { Later } from '../language/spell/background.js';
import type { MessageContext, Placeholder, Severity } from '../types.js';

export interface OptionSpec {
  type: 'number' | 'string' | 'boolean' | 'string[]' | 'object';
  default: unknown;
  description: string;
}

export interface RuleExample {
  /** message text as the copywriter writes it */
  text: string;
  context?: Partial<MessageContext>;
  options?: Record<string, unknown>;
  /** why this example is valid or invalid (rendered in the docs) */
  note?: string;
}

export interface InvalidExample extends RuleExample {
  /** expected findings: a substring of the reason and the exact reported text */
  findings: { message: string; actual?: string }[];
}

export interface RuleMeta {
  id: string;
  /** ESLint's rule types, used by --fix-type: problem (policy, typos), suggestion (style), layout (whitespace) */
  type: 'problem' | 'suggestion' | 'layout';
  description: string;
  /** the guidance or platform rule this implements, with sources */
  rationale: string;
  severity: Severity;
  /** human description of the contexts the rule applies to */
  appliesTo: string;
  /** does it need a lexicon or dictionary for the message's language? */
  languageDependent: boolean;
  fixable?: 'safe' | 'suggestion';
  options: Record<string, OptionSpec>;
  examples: { valid: RuleExample[]; invalid: InvalidExample[] };
}

/** What the engine puts on `file.data` for every message before rules run. */
export interface MessageData {
  /** raw message text (placeholders intact) */
  raw: string;
  context: MessageContext;
  placeholders: Placeholder[];
  /** primary language subtag, lowercase: `en`, `it`… */
  language: string;
  /** full locale, e.g. `en-GB` */
  locale: string;
  /** project words from config (`words`) */
  words: Set<string>;
  /** the policy date (YYYY-MM-DD) rules compare dated data with */
  policyDate: string;
}

export interface RuleReport {
  /** message offsets [start, end) in the raw text; omit for the whole message */
  start?: number;
  end?: number;
  /** report at a context field's location in the file (e.g. the `tag` value) */
  field?: keyof NonNullable<MessageContext['fieldSpans']>;
  reason: string;
  help?: string;
  actual?: string;
  expected?: string[];
  /** a safe replacement for [start, end) */
  fix?: string;
  /** the final reason and `expected`, when they are computed later (spelling suggestions on another thread) */
  later?: Later<{ reason: string; expected: string[] }>;
}

export type Transformer = (tree: Root, file: VFile) => void;

export interface Rule<Options extends Record<string, unknown> = Record<string, unknown>> {
  meta: RuleMeta;
  /** should the rule look at a message with this context? (cheap; before parsing) */
  appliesTo?(data: MessageData, options: Options): boolean;
  /** create the transformer once per processor (load lexicons, compile patterns here) */
  create(options: Options): Transformer;
}

export function defineRule<Options extends Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export function messageData(file: VFile): MessageData {
  return file.data.msglint as MessageData;
}

/** Reports a finding through vfile, as remark-lint and retext plugins do. */
export function report(file: VFile, finding: RuleReport): void {
  const raw = messageData(file).raw;
  const start = finding.start ?? 0;
  const end = finding.end ?? raw.length;
  const message = newMessage(file, finding.reason, {
    place: { start: pointAt(raw, start), end: pointAt(raw, end) },
    source: 'msglint',
  });
  message.actual = finding.actual ?? raw.slice(start, end);
  if (finding.expected) message.expected = finding.expected;
  if (finding.help) message.note = finding.help;
  const extra = message as unknown as Record<string, unknown>;
  if (finding.field) extra.field = finding.field;
  if (finding.fix !== undefined) extra.fix = finding.fix;
  if (finding.later) extra.later = finding.later;
}

/**
 * `file.message()` without a stack trace: a VFileMessage is an Error, and capturing the stack
 * (which vfile then throws away) was most of its cost, thousands of times in a big run.
 */
export function newMessage(file: VFile, reason: string, options: MessageOptions): VFileMessage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let message: VFileMessage;
  try {
    message = file.message(reason, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
  // The fields msglint adds, on every message and in this order: messages then share one
  // shape. Added only by the rules that use them, they gave 2⁴ shapes, and V8 dropped the
  // optimised code of the functions reading findings when it met a new one.
  const extra = message as unknown as Record<string, unknown>;
  extra.field = undefined;
  extra.fix = undefined;
  extra.later = undefined;
  extra.oncePerRun = undefined;
  return message;
}

function pointAt(text: string, offset: number): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** Resolves options against the rule's declared defaults. */
export function resolveOptions(meta: RuleMeta, given: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(meta.options)) out[key] = spec.default;
  return { ...out, ...(given ?? {}) };
}
