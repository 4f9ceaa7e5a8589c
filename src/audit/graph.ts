// Messenger Graph API conversation exports (`GET /{page-id}/conversations?fields=messages{…}`):
//
//   {"data": [{"id": "t_…", "participants": {"data": [{"id", "name"}]},
//              "messages": {"data": [{"id": "m_…", "message": "…", "from": {"id", "name"},
//                                     "created_time": "2026-…+0000"}]}}], "paging": {…}}
//
// or an array of such pages. Each message becomes an AuditRecord: `from` is `business` when the
// sender is the Page (`--page-id`, or the one participant present in every conversation),
// `customer` otherwise. The API lists messages newest first; they are sorted by time here.
// The API says nothing about tags, automation, away status or done conversations: those
// fields stay at their defaults (untagged, human, available, not done).
// A Graph export is one JSON document, so it is parsed whole (the API pages it by 25
// conversations; convert very large exports to JSON Lines to stream them).
import { parseWithSpans, rawIndexInJsonString, type Spans } from './json-spans.js';
import { normalizeRecord, RecordError, type AuditRecord, type FieldName } from './records.js';

export interface GraphMessage {
  /** the record, or the reason it is malformed */
  record?: AuditRecord;
  error?: RecordError;
  /** offset of the message object in the document */
  offset: number;
  /** value spans of the message object's keys */
  spans: Spans;
}

export interface GraphDocument {
  conversations: { id: string; participants: Set<string>; messages: GraphMessage[] }[];
}

export class GraphFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Does this parsed JSON look like a Graph conversations export? */
export function looksLikeGraph(value: unknown): boolean {
  const pages = Array.isArray(value) ? value : [value];
  return pages.length > 0 && pages.every((p) => isObject(p) && Array.isArray(p.data) && p.data.every((c) => isObject(c) && (isObject(c.messages) || 'participants' in c)));
}

/** Parses a Graph export; `pageId` undefined reads participants only (for inference). */
export function readGraph(text: string, pageId: string | undefined): GraphDocument {
  const { value, spans } = parseWithSpans(text);
  if (!looksLikeGraph(value)) throw new GraphFormatError('Not a Messenger Graph API conversations export: expected {"data": [{"id": "t_…", "messages": {"data": [...]}}]} or an array of such pages', 0);
  const pages = (Array.isArray(value) ? value : [value]) as Json[];
  const out: GraphDocument = { conversations: [] };
  for (const page of pages) {
    for (const conversation of page.data as Json[]) {
      const id = typeof conversation.id === 'string' || typeof conversation.id === 'number' ? String(conversation.id) : '';
      const conversationOffset = offsetOf(spans, page, 'data');
      const messageList = isObject(conversation.messages) && Array.isArray(conversation.messages.data) ? (conversation.messages.data as unknown[]) : [];
      const participants = new Set<string>();
      if (isObject(conversation.participants) && Array.isArray(conversation.participants.data)) {
        for (const p of conversation.participants.data) if (isObject(p) && p.id !== undefined) participants.add(String(p.id));
      } else {
        // No participant list: everyone who sent or received a message in the thread.
        for (const m of messageList) {
          if (!isObject(m)) continue;
          if (isObject(m.from) && m.from.id !== undefined) participants.add(String(m.from.id));
          if (isObject(m.to) && Array.isArray(m.to.data)) for (const p of m.to.data) if (isObject(p) && p.id !== undefined) participants.add(String(p.id));
        }
      }
      const messages: GraphMessage[] = [];
      if (pageId !== undefined) {
        for (const m of messageList) {
          const messageSpans = isObject(m) ? spans.get(m) ?? new Map() : new Map();
          const offset = isObject(m) ? firstOffset(messageSpans) : conversationOffset;
          if (!isObject(m)) {
            messages.push({ error: new RecordError('Malformed Graph message: expected an object'), offset, spans: messageSpans });
            continue;
          }
          try {
            if (!id) throw new RecordError('Malformed Graph conversation: missing `id`');
            if (!isObject(m.from) || m.from.id === undefined) throw new RecordError('Malformed Graph message: missing `from.id`');
            if (typeof m.created_time !== 'string') throw new RecordError('Malformed Graph message: missing `created_time`', 'timestamp');
            const record = normalizeRecord({
              conversation: id,
              from: String(m.from.id) === pageId ? 'business' : 'customer',
              timestamp: m.created_time,
              text: typeof m.message === 'string' ? m.message : null,
              id: typeof m.id === 'string' ? m.id : undefined,
              channel: 'messenger',
            });
            messages.push({ record, offset, spans: messageSpans });
          } catch (error) {
            if (!(error instanceof RecordError)) throw error;
            messages.push({ error, offset, spans: messageSpans });
          }
        }
        // Newest first in the API: sort by time (stable, so equal times keep document order).
        const good = messages.filter((m) => m.record).sort((a, b) => a.record!.ts - b.record!.ts);
        const bad = messages.filter((m) => !m.record);
        messages.length = 0;
        messages.push(...bad, ...good);
      }
      out.conversations.push({ id, participants, messages });
    }
  }
  return out;
}

/**
 * The Page: the one participant present in every conversation. Undefined with the reason when
 * there is none or more than one (e.g. a single conversation: both people are in it).
 */
export function inferPageId(participantSets: Set<string>[]): { pageId?: string; reason?: string } {
  if (participantSets.length === 0) return { reason: 'the export has no conversations' };
  let common = new Set(participantSets[0]);
  for (const set of participantSets.slice(1)) common = new Set([...common].filter((id) => set.has(id)));
  if (common.size === 1) return { pageId: [...common][0] };
  if (common.size === 0) return { reason: 'no participant is present in every conversation' };
  return { reason: `${common.size} participants are present in every conversation (${[...common].slice(0, 4).join(', ')})` };
}

/** Graph field names for the schema's fields (for positions). */
export const GRAPH_FIELD: Partial<Record<FieldName, string>> = { text: 'message', timestamp: 'created_time', from: 'from', id: 'id', conversation: 'id' };

/** Raw offset in the document of a decoded offset inside the message's `message` string. */
export function graphTextOffset(text: string, spans: Spans, decoded: number): number | undefined {
  const span = spans.get('message');
  if (!span || text[span[0]] !== '"') return undefined;
  return rawIndexInJsonString(text, span[0], decoded);
}

function offsetOf(spans: WeakMap<object, Spans>, object: Json, key: string): number {
  return spans.get(object)?.get(key)?.[0] ?? 0;
}

function firstOffset(spans: Spans): number {
  let min = Infinity;
  for (const [start] of spans.values()) min = Math.min(min, start);
  return Number.isFinite(min) ? min : 0;
}
