// A message's findings, remembered by everything its rules see. Bot content repeats itself:
// the same reply in many flows, files and folders (a third of the messages of the benchmark's
// 5,000 files repeat an earlier text). The rules are pure functions of the message data
// (text, context, placeholders, locale, project words, policy date) under a pipeline (rules,
// options, locale), so a repeated message reuses the first one's vfile messages, which hold
// message offsets: each copy is still positioned through its own source map. Bounded like
// src/memo.ts. A note a rule gives once per run (`oncePerRun`) is not repeated.
import type { VFileMessage } from 'vfile-message';
import type { MessageContext } from '../types.js';
import type { MessagePipeline } from './processor.js';

const MAX_ENTRIES = 20_000;
const NOTHING: readonly VFileMessage[] = [];

/** A checked message: its context is described (`key`) only when another message has its text. */
interface Entry {
  scope: string;
  context: MessageContext;
  key?: string;
  messages: readonly VFileMessage[];
}

/** per pipeline: text → the checked messages with that text (texts are hashed once, cached in the string) */
interface Memo {
  byText: Map<string, Entry[]>;
  size: number;
}

const memos = new WeakMap<MessagePipeline, Memo>();

/**
 * What besides its text decides a message's findings under one pipeline. `scope` names what
 * a file's config adds (project words, policy date, placeholder styles). Field spans are file
 * offsets: only which fields have one matters to a rule (it reports at the field when there
 * is one).
 */
function contextKey(scope: string, context: MessageContext): string {
  // JSON.stringify without a replacer function: V8's fast path (a replacer made it ~5× slower).
  const described = context.fieldSpans ? JSON.stringify({ ...context, fieldSpans: Object.keys(context.fieldSpans) }) : JSON.stringify(context);
  return `${scope}\u0000${described}`;
}

/** The findings of an earlier message with this text, scope and context, if any. */
export function remembered(pipeline: MessagePipeline, scope: string, text: string, context: MessageContext): readonly VFileMessage[] | undefined {
  const entries = memos.get(pipeline)?.byText.get(text);
  if (!entries) return undefined; // most texts are new: their context is never described
  const key = contextKey(scope, context);
  for (const entry of entries) {
    entry.key ??= contextKey(entry.scope, entry.context);
    if (entry.key === key) return entry.messages;
  }
  return undefined;
}

export function remember(pipeline: MessagePipeline, scope: string, text: string, context: MessageContext, messages: readonly VFileMessage[]): void {
  let memo = memos.get(pipeline);
  if (!memo || memo.size >= MAX_ENTRIES) memos.set(pipeline, (memo = { byText: new Map(), size: 0 }));
  let repeatable = messages;
  if (messages.length === 0) repeatable = NOTHING;
  else if (messages.some(isOncePerRun)) repeatable = messages.filter((m) => !isOncePerRun(m));
  const entry: Entry = { scope, context, messages: repeatable };
  const entries = memo.byText.get(text);
  if (entries) entries.push(entry);
  else memo.byText.set(text, [entry]);
  memo.size++;
}

function isOncePerRun(message: VFileMessage): boolean {
  return (message as { oncePerRun?: boolean }).oncePerRun === true;
}

/** Marks a note its rule gives once per run: a repeated message does not repeat it. */
export function oncePerRun(message: VFileMessage): VFileMessage {
  (message as { oncePerRun?: boolean }).oncePerRun = true;
  return message;
}
