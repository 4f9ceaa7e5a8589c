// The shared vocabulary of msglint: messages, their context, findings and results.
import type { SourceMap } from './engine/source-map.js';

export type Channel = 'messenger' | 'instagram' | 'whatsapp' | 'generic';

/** What a string is inside a message, so `platform-limits` can apply the right limit. */
export type Component =
  | 'text'
  | 'quick_reply'
  | 'button'
  | 'button_text'
  | 'title'
  | 'subtitle'
  | 'greeting'
  | 'header'
  | 'body'
  | 'footer'
  | 'otn_title';

export type Severity = 'error' | 'warn' | 'info';
export type RuleLevel = Severity | 'off';

/** File offsets (UTF-16 code units into the decoded file text) of a context field's value. */
export type FieldSpans = Partial<Record<'tag' | 'messagingType' | 'category' | 'kind' | 'locale' | 'channel', [number, number]>>;

export interface Placeholder {
  start: number;
  end: number;
  raw: string;
  /** the variable name or index inside the placeholder (`first_name`, `1`) */
  name: string;
  style: string;
}

export interface MessageContext {
  channel: Channel;
  messagingType?: string;
  tag?: string;
  /** WhatsApp template category: MARKETING, UTILITY, AUTHENTICATION */
  category?: string;
  /** greeting | reply | away | closing | update | fallback | otn | … */
  kind?: string;
  locale?: string;
  component?: Component;
  /** explicit `promotional: false` makes any message non-promotional */
  promotional?: boolean;
  /** placeholders found in the text (filled by the engine) */
  placeholders?: Placeholder[];
  /** how many quick replies / buttons / elements the message carries */
  counts?: { quickReplies?: number; buttons?: number; elements?: number };
  /** a one-time-notification topic or similar extra data set by adapters */
  topic?: string;
  /** Where context values sit in the file, so findings about them point there. */
  fieldSpans?: FieldSpans;
  /** free-form extras from adapters (template name, variation index…) */
  extra?: Record<string, unknown>;
}

export interface Message {
  /** the template's `id` or the key path: reported as `messageId` */
  id?: string;
  text: string;
  context: MessageContext;
  sourceMap: SourceMap;
  /**
   * Encodes replacement text for this message's place in the file (JSON escapes, YAML
   * quoting); undefined when the format cannot take edits there. Identity when absent.
   */
  encode?: (text: string) => string | undefined;
}

/** A safe, range-based edit in file offsets. */
export interface Fix {
  range: [number, number];
  text: string;
}

/** One finding, positioned in the original file (1-based line and column, UTF-16 columns). */
export interface Finding {
  ruleId: string | null;
  severity: Severity;
  message: string;
  help?: string;
  url?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** file offsets of the span */
  range: [number, number];
  messageId?: string;
  actual?: string;
  suggestions?: string[];
  /** each suggestion as a file edit, encoded for the format (absent when it cannot be applied safely) */
  suggestionFixes?: (Fix | undefined)[];
  fix?: Fix;
  /** true for errors that stopped a file from being linted (parse errors) */
  fatal?: boolean;
  /** line where the message containing the finding starts (directives on the line above cover all of it) */
  messageLine?: number;
}

export interface FileResult {
  filePath: string;
  findings: Finding[];
  /** the decoded source text (used by formatters for code frames) */
  source?: string;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
}
