// Rasa domain files (`domain.yml`, or the files of a `domain/` folder): the bot's responses.
//
//   responses:                      # `templates:` in Rasa 1.x
//     utter_greet:                  # response name → kind heuristic (see `rasaKind`)
//     - text: Hi {name}!            # one variation → one message `utter_greet[0]`
//       channel: facebook           # → channel `messenger` (see CHANNELS)
//       buttons:                    # → `utter_greet[0].buttons[i]`, component `button`
//       - title: Track my order
//         payload: /track
//       quick_replies: [...]        # → `utter_greet[0].quick_replies[i]`, component `quick_reply`
//       elements: [...]             # Messenger generic template: title / subtitle / buttons
//       custom: {text: ...}         # only a string `custom.text` is read; other payloads are skipped
//       image: https://…            # skipped (not prose)
//       condition: [...]            # kept in `extra.condition`
//
// Text is read with exact source maps through the YAML scalar decoder (plain, quoted and block
// scalars, CRLF). `{slot}` placeholders are masked by the engine (`single-brace`). Suppression
// comments: `# msglint-disable-next-line rule -- reason`.
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Channel, Component, Message, MessageContext } from '../types.js';
import { FormatError, type Extraction, type FormatAdapter, type FormatInput } from './types.js';
import { child, childString, compact, deref, duplicateKeyErrors, items, messageFromScalar, nodeSpan, pairs, writtenChild } from './structured.js';
import { hashCommentDirectives } from './directives.js';

/** Top-level keys of a Rasa domain file. */
const DOMAIN_KEYS = ['version', 'intents', 'entities', 'slots', 'responses', 'templates', 'actions', 'forms', 'session_config', 'e2e_actions'];

/** Rasa output channel names (`channel:` of a variation) → msglint channel. Others → generic. */
const CHANNELS: Record<string, Channel> = {
  facebook: 'messenger',
  messenger: 'messenger',
  instagram: 'instagram',
  whatsapp: 'whatsapp',
  twilio_whatsapp: 'whatsapp',
};

/**
 * Kind of a response from its name (documented in docs/formats/rasa.md):
 * greeting: `utter_greet*`, `utter_welcome*`, `utter_hello*`;
 * closing: `utter_goodbye*`, `utter_bye*`, `utter_farewell*`;
 * fallback: `utter_default`, `utter_fallback*`, `utter_out_of_scope*`, `utter_ask_rephrase`,
 * `utter_please_rephrase`. Anything else keeps the configured default kind.
 */
export function rasaKind(name: string): string | undefined {
  const n = name.toLowerCase();
  if (/^utter_(greet|welcome|hello)/.test(n)) return 'greeting';
  if (/^utter_(goodbye|bye|farewell)/.test(n)) return 'closing';
  if (/^utter_(default$|fallback|out_of_scope|ask_rephrase$|please_rephrase$)/.test(n)) return 'fallback';
  return undefined;
}

function isRasaPath(filePath: string): boolean {
  return /(^|[\\/])domain\.ya?ml$/i.test(filePath) || /(^|[\\/])domain[\\/]/i.test(filePath);
}

/** The `responses` (or Rasa 1.x `templates`) mapping, when it looks like Rasa responses. */
function responsesNode(contents: unknown): Node | undefined {
  for (const key of ['responses', 'templates']) {
    const node = child(contents, key);
    if (isMap(node) && pairs(node).some((p) => isScalar(p.key) && /^utter_/.test(String(p.key.value)))) return node;
  }
  return undefined;
}

export const rasaAdapter: FormatAdapter = {
  id: 'rasa',
  description: 'Rasa domain (`responses:` with `utter_*` variations)',
  extensions: ['.yml', '.yaml'],
  placeholderStyles: ['single-brace', 'double-brace'],
  detect(input: FormatInput): boolean {
    const contents = input.document().contents;
    if (!isMap(contents)) return false;
    if (responsesNode(contents)) return true;
    const has = (key: string) => child(contents, key) !== undefined;
    if (has('intents') && (has('version') || has('responses') || has('actions') || has('slots'))) return true;
    return isRasaPath(input.filePath) && DOMAIN_KEYS.some(has);
  },
  extract(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
    const src = input.text;
    const doc = input.document();
    const messages: Message[] = [];
    const errors: FormatError[] = duplicateKeyErrors(doc);
    const directives = hashCommentDirectives(src);
    const responses = child(doc.contents, 'responses') ?? child(doc.contents, 'templates');
    if (responses === undefined || responses === null || (isScalar(responses) && responses.value === null)) {
      return { messages, errors, directives };
    }
    if (!isMap(responses)) {
      errors.push(new FormatError('`responses` must be a mapping of response names (`utter_…`) to lists of variations', nodeSpan(responses)?.[0] ?? 0));
      return { messages, errors, directives };
    }
    for (const pair of pairs(responses) as Pair[]) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = deref(pair.value as Node | null); // `utter_b: *variations` reads the anchored list
      if (!isSeq(value)) {
        if (value === null || (isScalar(value) && value.value === null)) continue;
        errors.push(new FormatError(`Response \`${name}\` must be a list of variations (\`- text: …\`)`, nodeSpan(pair.value as Node)?.[0] ?? nodeSpan(pair.key as Node)?.[0] ?? 0));
        continue;
      }
      (value.items as Node[]).forEach((written, index) => {
        const variation = deref(written);
        if (!isMap(variation)) {
          // Pointed at the item as written: an alias in the list, not the node it names.
          errors.push(new FormatError(`Variation ${index} of \`${name}\` must be a mapping with a \`text\` field`, nodeSpan(written)?.[0] ?? 0));
          return;
        }
        messages.push(...variationMessages(variation, name, index, src, defaults, errors));
      });
    }
    return { messages, errors, directives };
  },
};

function variationMessages(
  variation: Node,
  name: string,
  index: number,
  src: string,
  defaults: Partial<MessageContext>,
  errors: FormatError[],
): Message[] {
  const id = `${name}[${index}]`;
  const channelNode = child(variation, 'channel');
  const rasaChannel = childString(variation, 'channel');
  const channel: Channel = rasaChannel !== undefined ? (Object.hasOwn(CHANNELS, rasaChannel.toLowerCase()) ? CHANNELS[rasaChannel.toLowerCase()] : 'generic') : defaults.channel ?? 'generic';
  const buttons = items(child(variation, 'buttons'));
  const quickReplies = items(child(variation, 'quick_replies'));
  const elements = items(child(variation, 'elements'));
  const condition = child(variation, 'condition');
  const extra: Record<string, unknown> = { ...(defaults.extra ?? {}), response: name, variation: index };
  if (rasaChannel !== undefined) extra.rasaChannel = rasaChannel;
  if (condition) extra.condition = condition.toJSON();
  const base: MessageContext = compact({
    ...defaults,
    channel,
    kind: rasaKind(name) ?? defaults.kind,
    extra,
    fieldSpans: compact({ ...(defaults.fieldSpans ?? {}), channel: rasaChannel !== undefined ? nodeSpan(channelNode) : undefined }),
  });
  const out: Message[] = [];
  const textComponent: Component = buttons.length > 0 && (channel === 'messenger' || channel === 'instagram') ? 'button_text' : 'text';
  const main = { ...base, component: textComponent, counts: compact({ buttons: buttons.length, quickReplies: quickReplies.length, elements: elements.length || undefined }) };
  const textNode = child(variation, 'text');
  if (textNode !== undefined && textNode !== null && !(isScalar(textNode) && textNode.value === null)) {
    if (isScalar(textNode) && typeof textNode.value === 'string') {
      const m = messageFromScalar(textNode, src, main, id);
      if (m) out.push(m);
    } else {
      errors.push(new FormatError(`\`text\` of \`${id}\` must be a string`, nodeSpan(writtenChild(variation, 'text'))?.[0] ?? 0));
    }
  }
  const custom = child(variation, 'custom');
  const customText = child(custom, 'text');
  if (isScalar(customText) && typeof customText.value === 'string') {
    const m = messageFromScalar(customText, src, { ...main, extra: { ...extra, custom: true } }, `${id}.custom.text`);
    if (m) out.push(m);
  }
  const choices = (list: Node[], component: Component, path: string) =>
    list.forEach((entry, i) => {
      const title = isMap(entry) ? child(entry, 'title') : entry;
      const m = messageFromScalar(title, src, { ...base, component, kind: 'choice' }, `${id}.${path}[${i}]`);
      if (m) out.push(m);
    });
  choices(buttons, 'button', 'buttons');
  choices(quickReplies, 'quick_reply', 'quick_replies');
  elements.forEach((element, e) => {
    if (!isMap(element)) return;
    const path = `${id}.elements[${e}]`;
    const elementButtons = items(child(element, 'buttons'));
    const counts = { buttons: elementButtons.length };
    for (const key of ['title', 'subtitle'] as const) {
      const m = messageFromScalar(child(element, key), src, { ...base, component: key, counts }, `${path}.${key}`);
      if (m) out.push(m);
    }
    choices(elementButtons, 'button', `elements[${e}].buttons`);
  });
  return out;
}
