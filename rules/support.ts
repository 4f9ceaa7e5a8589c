// Small helpers shared by rules: context descriptions, sentences, character counts.
import type { Root, Sentence } from 'nlcst';
import { visit } from 'unist-util-visit';
import type { MessageContext } from '../src/types.js';

/** How a message's context reads in a finding: "a `POST_PURCHASE_UPDATE` message". */
export function describeContext(context: MessageContext): string {
  if (context.tag) return `a \`${context.tag}\` message`;
  if (context.category) return `a WhatsApp \`${context.category}\` template`;
  if (context.messagingType) return `a \`${context.messagingType}\` message`;
  if (context.promotional === false) return 'a message marked `promotional: false`';
  return 'this message';
}

export const CHANNEL_NAMES: Record<string, string> = {
  messenger: 'Messenger',
  instagram: 'Instagram',
  whatsapp: 'WhatsApp',
  generic: 'chat',
};

export interface Span {
  start: number;
  end: number;
}

/** Sentences of the message as offset spans (trimmed), from the nlcst tree. */
export function sentences(tree: Root): Span[] {
  const out: Span[] = [];
  visit(tree, 'SentenceNode', (node: Sentence) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) out.push({ start, end });
  });
  return out;
}

/** Number of Unicode code points (what platforms call characters). */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** UTF-16 offset of the `count`-th code point of `text` starting at `from`. */
export function offsetAfterChars(text: string, from: number, count: number): number {
  let i = from;
  let n = 0;
  while (i < text.length && n < count) {
    const code = text.codePointAt(i)!;
    i += code > 0xffff ? 2 : 1;
    n++;
  }
  return i;
}

/** The suggested name placeholder for a greeting on this channel. */
export function namePlaceholder(context: MessageContext): string {
  if (context.channel === 'messenger' && context.component === 'greeting') return '{{user_first_name}}';
  if (context.channel === 'whatsapp') return '{{1}}';
  return '{{first_name}}';
}
