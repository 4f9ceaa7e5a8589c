// Compose screen state: the context fields, the draft with its cursor, the focus, the
// latest findings (from a debounced lint) and the exit confirmation. A pure reducer.
import { useReducer } from 'react';
import type { Channel, Finding, MessageContext } from '../../types.js';
import { wrapOffsets, type WrappedLine } from '../text.js';

export type FieldName = 'channel' | 'messagingType' | 'tag' | 'category' | 'kind' | 'locale';

export const FIELD_ORDER: FieldName[] = ['channel', 'messagingType', 'tag', 'category', 'kind', 'locale'];
export const FIELD_LABEL: Record<FieldName, string> = { channel: 'channel', messagingType: 'type', tag: 'tag', category: 'category', kind: 'kind', locale: 'locale' };
/** focus index of the message editor (after the fields) */
export const MESSAGE_FOCUS = FIELD_ORDER.length;

export type Fields = Partial<Record<FieldName, string>> & { channel: string };

export interface ComposeState {
  fields: Fields;
  options: Record<FieldName, (string | undefined)[]>;
  text: string;
  cursor: number;
  focus: number;
  mode: 'edit' | 'confirm' | 'help';
  findings: Finding[];
  /** the text the findings belong to (findings are stale while it differs from `text`) */
  lintedText?: string;
  status?: { text: string; tone: 'info' | 'success' | 'error' };
}

export type ComposeAction =
  | { type: 'focus'; delta: number }
  | { type: 'cycle'; delta: number }
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'cursor'; to: 'left' | 'right' | 'home' | 'end' | 'up' | 'down'; width: number }
  | { type: 'clear' }
  | { type: 'mode'; mode: ComposeState['mode'] }
  | { type: 'linted'; text: string; findings: Finding[] }
  | { type: 'status'; status?: ComposeState['status'] };

export function contextOf(fields: Fields): Partial<MessageContext> {
  const context: Partial<MessageContext> = { channel: fields.channel as Channel };
  if (fields.messagingType) context.messagingType = fields.messagingType;
  if (fields.tag) context.tag = fields.tag;
  if (fields.category) context.category = fields.category;
  if (fields.kind) context.kind = fields.kind;
  if (fields.locale) context.locale = fields.locale;
  // As in a catalogue: a WhatsApp message is a template body.
  context.component = fields.channel === 'whatsapp' ? 'body' : 'text';
  return context;
}

/** The visual line holding the cursor (a cursor at a wrap point belongs to the next line). */
export function cursorLine(lines: WrappedLine[], cursor: number): number {
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i];
    const next = lines[i + 1];
    if (cursor >= start && (cursor < end || (cursor === end && (!next || next.start > cursor)))) return i;
    if (next && cursor > end && cursor < next.start) return i;
  }
  return Math.max(0, lines.length - 1);
}

function previousCodePoint(text: string, at: number): number {
  if (at <= 0) return 0;
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
}

function nextCodePoint(text: string, at: number): number {
  if (at >= text.length) return text.length;
  return (text.codePointAt(at) ?? 0) > 0xffff ? at + 2 : at + 1;
}

export function composeReducer(state: ComposeState, action: ComposeAction): ComposeState {
  switch (action.type) {
    case 'focus': {
      const count = FIELD_ORDER.length + 1;
      return { ...state, focus: (state.focus + action.delta + count) % count };
    }
    case 'cycle': {
      if (state.focus >= MESSAGE_FOCUS) return state;
      const name = FIELD_ORDER[state.focus];
      const options = state.options[name];
      const at = Math.max(0, options.indexOf(state.fields[name]));
      const value = options[(at + action.delta + options.length) % options.length];
      const fields: Fields = { ...state.fields, [name]: value };
      // A Messenger tag is sent with messaging_type MESSAGE_TAG.
      if (name === 'tag' && value && !fields.messagingType) fields.messagingType = 'MESSAGE_TAG';
      return { ...state, fields };
    }
    case 'insert': {
      const text = action.text.replace(/\r\n?/g, '\n');
      return { ...state, text: state.text.slice(0, state.cursor) + text + state.text.slice(state.cursor), cursor: state.cursor + text.length };
    }
    case 'backspace': {
      if (state.cursor === 0) return state;
      const from = previousCodePoint(state.text, state.cursor);
      return { ...state, text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from };
    }
    case 'delete': {
      if (state.cursor >= state.text.length) return state;
      return { ...state, text: state.text.slice(0, state.cursor) + state.text.slice(nextCodePoint(state.text, state.cursor)) };
    }
    case 'cursor': {
      const { text, cursor } = state;
      if (action.to === 'left') return { ...state, cursor: previousCodePoint(text, cursor) };
      if (action.to === 'right') return { ...state, cursor: nextCodePoint(text, cursor) };
      const lines = wrapOffsets(text, action.width);
      const at = cursorLine(lines, cursor);
      const line = lines[at];
      if (action.to === 'home') return { ...state, cursor: line.start };
      if (action.to === 'end') return { ...state, cursor: line.end };
      const target = lines[at + (action.to === 'up' ? -1 : 1)];
      if (!target) return { ...state, cursor: action.to === 'up' ? 0 : text.length };
      return { ...state, cursor: Math.min(target.start + (cursor - line.start), target.end) };
    }
    case 'clear':
      return { ...state, text: '', cursor: 0 };
    case 'mode':
      return { ...state, mode: action.mode };
    case 'linted':
      return { ...state, findings: action.findings, lintedText: action.text };
    case 'status':
      return { ...state, status: action.status };
  }
}

export interface ComposePreset {
  channel?: string;
  messagingType?: string;
  tag?: string;
  category?: string;
  kind?: string;
  locale?: string;
  text?: string;
}

export function initialComposeState(preset: ComposePreset, tagNames: string[], defaults: { channel?: string; locale?: string } = {}): ComposeState {
  const withValue = (list: (string | undefined)[], value: string | undefined) => (value && !list.includes(value) ? [...list, value] : list);
  const fields: Fields = {
    channel: preset.channel ?? defaults.channel ?? 'messenger',
    messagingType: preset.messagingType ?? (preset.tag ? 'MESSAGE_TAG' : undefined),
    tag: preset.tag,
    category: preset.category,
    kind: preset.kind,
    locale: preset.locale ?? defaults.locale ?? 'en',
  };
  const options: ComposeState['options'] = {
    channel: withValue(['messenger', 'instagram', 'whatsapp', 'generic'], fields.channel),
    messagingType: withValue([undefined, 'RESPONSE', 'UPDATE', 'MESSAGE_TAG'], fields.messagingType),
    tag: withValue([undefined, ...tagNames], fields.tag),
    category: withValue([undefined, 'MARKETING', 'UTILITY', 'AUTHENTICATION'], fields.category),
    kind: withValue([undefined, 'greeting', 'reply', 'away', 'closing', 'update', 'fallback'], fields.kind),
    locale: withValue(['en', 'en-US', 'en-GB', 'de', 'es', 'fr', 'it', 'fi'], fields.locale),
  };
  const text = preset.text ?? '';
  return { fields, options, text, cursor: text.length, focus: MESSAGE_FOCUS, mode: 'edit', findings: [] };
}

export function useComposeState(initial: ComposeState) {
  return useReducer(composeReducer, initial);
}
