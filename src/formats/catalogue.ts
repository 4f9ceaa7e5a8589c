// msglint's own template catalogue: a YAML or JSON file with a top-level `messages:` list.
// Each item has `text` and optional context (id, channel, messaging_type, tag, category, kind,
// locale, promotional, topic) plus `quick_replies` / `buttons` (strings or `{title}`).
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Channel, Component, Message, MessageContext } from '../types.js';
import { FormatError, type Extraction, type FormatAdapter, type FormatInput } from './types.js';
import { child, childBoolean, childString, choiceMessages, compact, duplicateKeyErrors, items, messageFromScalar, nodeSpan, setDefined, writtenChild } from './structured.js';
import { ALL_STYLE_IDS } from '../engine/placeholders.js';
import { hashCommentDirectives } from './directives.js';

const ITEM_KEYS = new Set([
  'id', 'text', 'channel', 'messaging_type', 'tag', 'category', 'kind', 'locale', 'promotional', 'topic',
  'quick_replies', 'buttons', 'component', 'msglint-disable',
]);

export const catalogueAdapter: FormatAdapter = {
  id: 'catalogue',
  description: 'msglint template catalogue (`messages:` list)',
  extensions: ['.yml', '.yaml', '.json'],
  placeholderStyles: ALL_STYLE_IDS,
  detect(input: FormatInput): boolean {
    const contents = input.document().contents;
    return isMap(contents) && isSeq(child(contents, 'messages')) && child(contents, 'responses') === undefined;
  },
  extract(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
    const doc = input.document();
    const list = child(doc.contents, 'messages');
    const messages: Message[] = [];
    const errors: FormatError[] = duplicateKeyErrors(doc);
    const seq = items(list);
    if (seq.length === 0 && list && !isScalar(list)) {
      errors.push(new FormatError('`messages` must be a list of message items', nodeSpan(list)?.[0] ?? 0));
    }
    const seen = new Set<Node>();
    seq.forEach((item, index) => {
      // `- *first` repeats an item: the same messages, linted once.
      if (seen.has(item)) return;
      seen.add(item);
      if (!isMap(item)) {
        errors.push(new FormatError(`messages[${index}] must be a mapping with a \`text\` field`, nodeSpan(item)?.[0] ?? 0));
        return;
      }
      for (const pair of item.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!ITEM_KEYS.has(key)) {
          errors.push(new FormatError(`Unknown key \`${key}\` in messages[${index}]`, nodeSpan(pair.key as Node)?.[0] ?? 0));
        }
      }
      messages.push(...itemMessages(item, index, input.text, defaults, errors));
    });
    // YAML comments carry suppressions; JSON catalogues use the `msglint-disable` field.
    return { messages, errors, directives: /\.json$/i.test(input.filePath) ? [] : hashCommentDirectives(input.text) };
  },
};

function itemMessages(item: Node, index: number, src: string, defaults: Partial<MessageContext>, errors: FormatError[]): Message[] {
  const id = childString(item, 'id') ?? `messages[${index}]`;
  const channel = (childString(item, 'channel') ?? defaults.channel ?? 'generic') as Channel;
  const quickReplies = items(child(item, 'quick_replies'));
  const buttons = items(child(item, 'buttons'));
  // Built field by field (a spread and compact() per item were most of reading a catalogue).
  const context = compact(defaults, 'topic') as MessageContext; // the topic is the item's own
  context.channel = channel;
  setDefined(context, 'messagingType', childString(item, 'messaging_type'));
  setDefined(context, 'tag', childString(item, 'tag'));
  setDefined(context, 'category', childString(item, 'category'));
  setDefined(context, 'kind', childString(item, 'kind'));
  setDefined(context, 'locale', childString(item, 'locale'));
  setDefined(context, 'promotional', childBoolean(item, 'promotional'));
  setDefined(context, 'topic', childString(item, 'topic'));
  context.counts = { quickReplies: quickReplies.length, buttons: buttons.length };
  const fieldSpans: NonNullable<MessageContext['fieldSpans']> = {};
  setDefined(fieldSpans, 'tag', nodeSpan(child(item, 'tag')));
  setDefined(fieldSpans, 'messagingType', nodeSpan(child(item, 'messaging_type')));
  setDefined(fieldSpans, 'category', nodeSpan(child(item, 'category')));
  setDefined(fieldSpans, 'kind', nodeSpan(child(item, 'kind')));
  context.fieldSpans = fieldSpans;
  const explicitComponent = childString(item, 'component') as Component | undefined;
  context.component = explicitComponent ?? (buttons.length > 0 && channel === 'messenger' ? 'button_text' : channel === 'whatsapp' ? 'body' : 'text');
  const out: Message[] = [];
  const textNode = child(item, 'text');
  const main = messageFromScalar(textNode, src, context, id);
  if (main) out.push(main);
  else errors.push(new FormatError(`messages[${index}] has no \`text\` string`, nodeSpan(writtenChild(item, 'text') ?? item)?.[0] ?? 0));
  out.push(...choiceMessages(quickReplies, buttons, src, context, id));
  return out;
}
