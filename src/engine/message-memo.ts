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

const memos = new WeakMap<MessagePipeline, Map<string, readonly VFileMessage[]>>();

/**
 * The key of a message under one pipeline. `scope` names what a file's config adds (project
 * words, policy date, placeholder styles). Field spans are file offsets: only which fields
 * have one matters to a rule (it reports at the field when there is one).
 */
export function messageKey(scope: string, context: MessageContext, text: string): string {
  return `${scope}\u0000${JSON.stringify(context, spanNames)}\u0000${text}`;
}

function spanNames(key: string, value: unknown): unknown {
  return key === 'fieldSpans' && value ? Object.keys(value) : value;
}

export function remembered(pipeline: MessagePipeline, key: string): readonly VFileMessage[] | undefined {
  return memos.get(pipeline)?.get(key);
}

export function remember(pipeline: MessagePipeline, key: string, messages: readonly VFileMessage[]): void {
  let memo = memos.get(pipeline);
  if (!memo) memos.set(pipeline, (memo = new Map()));
  if (memo.size >= MAX_ENTRIES) memo.clear();
  const repeatable = messages.filter((m) => !(m as { oncePerRun?: boolean }).oncePerRun);
  memo.set(key, repeatable.length === 0 ? NOTHING : repeatable);
}

/** Marks a note its rule gives once per run: a repeated message does not repeat it. */
export function oncePerRun(message: VFileMessage): VFileMessage {
  (message as { oncePerRun?: boolean }).oncePerRun = true;
  return message;
}
