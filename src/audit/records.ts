// The audit's record: one message of an exported conversation, whatever the input format
// (JSON Lines, CSV, Messenger Graph API). Raw field values are checked and normalised here,
// so that every format reports a malformed record with the same words.
import type { Channel } from '../types.js';

export type Sender = 'customer' | 'business';

export interface AuditRecord {
  conversation: string;
  from: Sender;
  /** epoch milliseconds (sub-millisecond digits are dropped) */
  ts: number;
  text: string;
  messagingType?: string;
  tag?: string;
  automated: boolean;
  channel?: Channel;
  /** the Page was set to away when this (customer) message arrived */
  away: boolean;
  /** the conversation is marked done (any record saying so marks the whole conversation) */
  done: boolean;
  /** the message id, reported as `messageId` */
  id?: string;
  locale?: string;
}

/** The fields of the export schema (docs/audit.md), in CSV header order. */
export const FIELDS = ['conversation', 'from', 'timestamp', 'text', 'messaging_type', 'tag', 'automated', 'channel', 'page_status', 'done', 'id', 'locale'] as const;
export type FieldName = (typeof FIELDS)[number];
export const REQUIRED: FieldName[] = ['conversation', 'from', 'timestamp', 'text'];

const CHANNELS = new Set(['messenger', 'instagram', 'whatsapp', 'generic']);

export class RecordError extends Error {
  constructor(
    message: string,
    /** the field whose value is wrong (its position is reported when the format knows it) */
    readonly field?: FieldName,
    /** 0-based column in the record's first line, when known (JSON syntax errors) */
    readonly column?: number,
  ) {
    super(message);
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by `length` ASCII digits at `at`, or -1. */
function digits(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Parses an ISO 8601 date-time **with** a UTC offset into epoch milliseconds:
 * `YYYY-MM-DDTHH:MM[:SS[.fff…]]` (`T`, `t` or a space) then `Z`, `±HH:MM`, `±HHMM` or `±HH`.
 * Undefined when the text is not one (a time without an offset is ambiguous). Digits after
 * the milliseconds are dropped. Hand-written: it runs once per record of a 1 GB export.
 */
export function parseTimestamp(text: string): number | undefined {
  const n = text.length;
  if (n < 17) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const sep = text.charCodeAt(10);
  if (year < 0 || month < 1 || day < 1 || hour < 0 || minute < 0 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58) return undefined;
  if (sep !== 84 && sep !== 116 && sep !== 32) return undefined;
  if (month > 12 || day > DAYS_IN_MONTH[month - 1] || hour > 23 || minute > 59) return undefined;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(i) === 58) {
    second = digits(text, i + 1, 2);
    if (second < 0 || second > 59) return undefined;
    i += 3;
    const c = text.charCodeAt(i);
    if (c === 46 || c === 44) {
      i++;
      const from = i;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      if (i === from) return undefined;
      ms = Number((text.slice(from, Math.min(i, from + 3)) + '00').slice(0, 3));
    }
  }
  let offsetMinutes = 0;
  const z = text.charCodeAt(i);
  if (z === 90 || z === 122) {
    if (i + 1 !== n) return undefined;
  } else if (z === 43 || z === 45) {
    const oh = digits(text, i + 1, 2);
    let om = 0;
    const rest = n - (i + 3);
    if (rest === 3 && text.charCodeAt(i + 3) === 58) om = digits(text, i + 4, 2);
    else if (rest === 2) om = digits(text, i + 3, 2);
    else if (rest !== 0) return undefined;
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offsetMinutes = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0–99 to 1900–1999.
  const fixed = year < 100 ? new Date(utc).setUTCFullYear(year) : utc;
  return fixed - offsetMinutes * 60_000;
}

/** Parses `YYYY-MM-DD` (UTC midnight) or a full timestamp with offset, for `--since`. */
export function parseDateOrTimestamp(text: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseTimestamp(`${text}T00:00:00Z`);
  return parseTimestamp(text);
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Lenient booleans for CSV cells and JSON values: true/false, 1/0, yes/no; empty = absent. */
function bool(value: unknown, field: FieldName): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === '1' || v === 'yes') return true;
    if (v === 'false' || v === '0' || v === 'no') return false;
  }
  throw new RecordError(`\`${field}\` must be true or false, not ${show(value)}`, field);
}

function optionalString(value: unknown, field: FieldName): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new RecordError(`\`${field}\` must be a string, not ${show(value)}`, field);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Checks and normalises one record given as field → value (JSON values, or CSV strings with
 * `''` for an empty cell). Throws RecordError naming the field. Unknown fields are ignored.
 */
export function normalizeRecord(raw: Record<string, unknown>): AuditRecord {
  for (const field of REQUIRED) {
    if (!(field in raw) || raw[field] === undefined) throw new RecordError(`Missing required field \`${field}\``);
  }
  const conversation = raw.conversation;
  if ((typeof conversation !== 'string' && typeof conversation !== 'number') || String(conversation).trim() === '') {
    throw new RecordError(`\`conversation\` must be a non-empty string, not ${show(conversation)}`, 'conversation');
  }
  const from = typeof raw.from === 'string' ? raw.from.trim().toLowerCase() : raw.from;
  if (from !== 'customer' && from !== 'business') throw new RecordError(`\`from\` must be "customer" or "business", not ${show(raw.from)}`, 'from');
  if (typeof raw.timestamp !== 'string') throw new RecordError(`\`timestamp\` must be an ISO 8601 string with a UTC offset, not ${show(raw.timestamp)}`, 'timestamp');
  const ts = parseTimestamp(raw.timestamp.trim());
  if (ts === undefined) {
    const hint = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?$/.test(raw.timestamp.trim()) ? ' (add the UTC offset, e.g. `Z` or `+02:00`)' : '';
    throw new RecordError(`\`timestamp\` ${show(raw.timestamp)} is not an ISO 8601 date-time with a UTC offset${hint}`, 'timestamp');
  }
  const text = raw.text === null ? '' : raw.text;
  if (typeof text !== 'string') throw new RecordError(`\`text\` must be a string (or null for a message without text), not ${show(raw.text)}`, 'text');
  const channel = optionalString(raw.channel, 'channel')?.toLowerCase();
  if (channel !== undefined && !CHANNELS.has(channel)) throw new RecordError(`\`channel\` must be messenger, instagram, whatsapp or generic, not ${show(raw.channel)}`, 'channel');
  const status = optionalString(raw.page_status, 'page_status')?.toLowerCase();
  if (status !== undefined && status !== 'away' && status !== 'available') throw new RecordError(`\`page_status\` must be "away" or "available", not ${show(raw.page_status)}`, 'page_status');
  const record: AuditRecord = {
    conversation: String(conversation).trim(),
    from,
    ts,
    text,
    automated: bool(raw.automated, 'automated') ?? false,
    away: status === 'away',
    done: bool(raw.done, 'done') ?? false,
  };
  const messagingType = optionalString(raw.messaging_type, 'messaging_type');
  if (messagingType) record.messagingType = messagingType;
  const tag = optionalString(raw.tag, 'tag');
  if (tag) record.tag = tag;
  if (channel) record.channel = channel as Channel;
  const id = raw.id === undefined || raw.id === null || raw.id === '' ? undefined : typeof raw.id === 'number' ? String(raw.id) : optionalString(raw.id, 'id');
  if (id) record.id = id;
  const locale = optionalString(raw.locale, 'locale');
  if (locale) record.locale = locale;
  return record;
}
