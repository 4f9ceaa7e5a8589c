// Small helpers shared by rules: context descriptions, sentences, character counts.
import type { Parent, Root, Sentence, Word } from 'nlcst';
import { toString } from 'nlcst-to-string';
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

/**
 * The text of a word node: nlcst-to-string, without building an array and a new string for
 * the usual word of one text node (every word of every message goes through here).
 */
export function wordText(word: Word): string {
  const children = word.children;
  if (children.length === 1 && 'value' in children[0]) return children[0].value;
  let text = '';
  for (const child of children) text += 'value' in child ? child.value : toString(child);
  return text;
}

// Several rules walk the same tree, one after the other: the sentence list is computed once
// per tree, with a plain loop (unist-util-visit builds a closure per node, ~10% of a run).
// Only the last tree is kept: with a WeakMap entry per tree, trees lived through young
// garbage collections and died in the old generation, the dearest place to collect them
// (a library run over 1 MB in 5,000 files: 54 MB of parse nodes collected there, 6 MB now).
let lastTree: Root | undefined;
let lastSentences: Sentence[] = [];

/** The sentence nodes of a message, in order (cached for the last tree). */
export function sentenceNodes(tree: Root): Sentence[] {
  if (tree !== lastTree) {
    lastSentences = [];
    collectSentences(tree, lastSentences);
    lastTree = tree;
  }
  return lastSentences;
}

function collectSentences(node: Parent, out: Sentence[]): void {
  for (const child of node.children) {
    if (child.type === 'SentenceNode') out.push(child);
    else if ('children' in child) collectSentences(child as Parent, out);
  }
}

/** Calls `fn` for each word node of the message with its parent and index (document order). */
export function forEachWord(tree: Root, fn: (word: Word, index: number, parent: Parent) => void): void {
  for (const sentence of sentenceNodes(tree)) wordsIn(sentence, fn);
}

/** Word nodes under `node` (words do not nest: a word's children are text and symbols). */
export function wordsIn(node: Parent, fn: (word: Word, index: number, parent: Parent) => void): void {
  const { children } = node;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'WordNode') fn(child, i, node);
    else if ('children' in child) wordsIn(child as Parent, fn);
  }
}

/** Sentences of the message as offset spans (trimmed), from the nlcst tree. */
export function sentences(tree: Root): Span[] {
  const out: Span[] = [];
  for (const node of sentenceNodes(tree)) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) out.push({ start, end });
  }
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
