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

/** per pipeline: text → context key → the vfile messages (texts are hashed once, cached in the string) */
interface Memo {
  byText: Map<string, Map<string, readonly VFileMessage[]>>;
  size: number;
}

const memos = new WeakMap<MessagePipeline, Memo>();

/**
 * What besides its text decides a message's findings under one pipeline. `scope` names what
 * a file's config adds (project words, policy date, placeholder styles). Field spans are file
 * offsets: only which fields have one matters to a rule (it reports at the field when there
 * is one).
 */
export function contextKey(scope: string, context: MessageContext): string {
  // JSON.stringify without a replacer function: V8's fast path (a replacer made it ~5× slower).
  const described = context.fieldSpans ? JSON.stringify({ ...context, fieldSpans: Object.keys(context.fieldSpans) }) : JSON.stringify(context);
  return `${scopeId(scope)}\u0000${described}`;
}

// Scopes are few (one per config and format): a short id keeps the keys short to hash.
const scopeIds = new Map<string, string>();

function scopeId(scope: string): string {
  let id = scopeIds.get(scope);
  if (id === undefined) scopeIds.set(scope, (id = String(scopeIds.size)));
  return id;
}

export function remembered(pipeline: MessagePipeline, text: string, context: string): readonly VFileMessage[] | undefined {
  return memos.get(pipeline)?.byText.get(text)?.get(context);
}

export function remember(pipeline: MessagePipeline, text: string, context: string, messages: readonly VFileMessage[]): void {
  let memo = memos.get(pipeline);
  if (!memo || memo.size >= MAX_ENTRIES) memos.set(pipeline, (memo = { byText: new Map(), size: 0 }));
  let byContext = memo.byText.get(text);
  if (!byContext) memo.byText.set(text, (byContext = new Map()));
  const repeatable = messages.filter((m) => !(m as { oncePerRun?: boolean }).oncePerRun);
  byContext.set(context, repeatable.length === 0 ? NOTHING : repeatable);
  memo.size++;
}

/** Marks a note its rule gives once per run: a repeated message does not repeat it. */
export function oncePerRun(message: VFileMessage): VFileMessage {
  (message as { oncePerRun?: boolean }).oncePerRun = true;
  return message;
}
