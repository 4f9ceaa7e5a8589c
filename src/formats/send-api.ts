// Messenger / Instagram Send API request bodies (`POST /me/messages`): one JSON object or an
// array of them, as bots keep them in fixtures, scripts and flow exports.
//
//   message.text                                    → component `text`
//   message.quick_replies[].title                   → component `quick_reply`
//   message.attachment.payload (template_type button)
//     .text                                         → component `button_text`
//     .buttons[].title                              → component `button`
//   message.attachment.payload (template_type generic)
//     .elements[].title / .subtitle                 → components `title` / `subtitle`
//     .elements[].buttons[].title                   → component `button`
//
// `messaging_type` and `tag` become context (with their file positions in `fieldSpans`) on the
// request's main message — the text, the button template text or the first element title —
// which also carries `counts` (quick replies, buttons, elements), so request-level findings are
// reported once. The other strings of a tagged request are marked `promotional: false`: they
// are held to the same non-promotional standard without repeating the tag findings.
// Channel: `instagram` when the path says so (`instagram`, `/ig/`, `-ig/`, `_ig_`…) or the
// config's channel is `instagram`; otherwise `messenger`.
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { Channel, Component, Message, MessageContext } from '../types.js';
import { FormatError, type Extraction, type FormatAdapter, type FormatInput } from './types.js';
import { child, childString, compact, duplicateKeyErrors, items, localeFromPath, messageFromScalar, nodeSpan } from './structured.js';
import { decodeScalar } from './yaml-scalar.js';
import { ALL_STYLE_IDS } from '../engine/placeholders.js';

/** A Send API request: `message` (or `sender_action`) and `recipient` or `messaging_type`. */
function isRequest(node: unknown, needMessage: boolean): boolean {
  if (!isMap(node)) return false;
  const hasMessage = isMap(child(node, 'message'));
  const addressed = child(node, 'recipient') !== undefined || child(node, 'messaging_type') !== undefined;
  if (!addressed) return false;
  return hasMessage || (!needMessage && child(node, 'sender_action') !== undefined);
}

function requestNodes(contents: unknown): { node: Node; path: string }[] | undefined {
  if (isRequest(contents, true)) return [{ node: contents as Node, path: '' }];
  if (isSeq(contents)) {
    const list = items(contents);
    // Scripts interleave `sender_action` requests (typing_on…) with messages.
    if (list.length > 0 && list.every((n) => isRequest(n, false)) && list.some((n) => isRequest(n, true))) {
      return list.map((node, i) => ({ node, path: `[${i}]` }));
    }
  }
  return undefined;
}

export function channelFor(filePath: string, defaults: Partial<MessageContext>): Channel {
  const path = filePath.replace(/\\/g, '/').toLowerCase();
  if (path.includes('instagram') || /(?:^|[/_-])ig(?=[/_.-])/.test(path)) return 'instagram';
  return defaults.channel === 'instagram' ? 'instagram' : 'messenger';
}

export const sendApiAdapter: FormatAdapter = {
  id: 'send-api',
  description: 'Messenger / Instagram Send API request bodies (`recipient`, `messaging_type`, `tag`, `message`), one or an array',
  extensions: ['.json'],
  placeholderStyles: ALL_STYLE_IDS,
  detect(input: FormatInput): boolean {
    return requestNodes(input.document().contents) !== undefined;
  },
  extract(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
    const doc = input.document();
    const contents = doc.contents;
    const requests = requestNodes(contents);
    const messages: Message[] = [];
    const errors: FormatError[] = duplicateKeyErrors(doc);
    if (!requests) {
      errors.push(new FormatError('Expected a Send API request body (`recipient`, `message`) or an array of them', nodeSpan(contents as Node)?.[0] ?? 0));
      return { messages, errors };
    }
    const channel = channelFor(input.filePath, defaults);
    const locale = localeFromPath(input.filePath) ?? defaults.locale;
    for (const { node, path } of requests) {
      messages.push(...requestMessages(node, path, input.text, { ...defaults, channel, locale }, errors));
    }
    return { messages, errors };
  },
};

/** File span of a string value without its quotes. */
function valueSpan(node: Node | undefined, src: string): [number, number] | undefined {
  if (!isScalar(node)) return nodeSpan(node);
  const decoded = decodeScalar(node as Scalar, src);
  if (!decoded || decoded.text.length === 0) return nodeSpan(node);
  return [decoded.sourceMap.toFile(0), decoded.sourceMap.toFile(decoded.text.length, 'end')];
}

function requestMessages(request: Node, path: string, src: string, defaults: Partial<MessageContext>, errors: FormatError[]): Message[] {
  const message = child(request, 'message');
  if (!isMap(message)) return []; // a sender_action request
  const at = (suffix: string) => `${path}${path ? '.' : ''}message.${suffix}`;
  const tag = childString(request, 'tag') ?? defaults.tag;
  const messagingType = childString(request, 'messaging_type') ?? defaults.messagingType;
  const main: MessageContext = compact({
    ...defaults,
    channel: defaults.channel ?? 'messenger',
    tag,
    messagingType,
    fieldSpans: compact({
      ...defaults.fieldSpans,
      tag: valueSpan(child(request, 'tag'), src),
      messagingType: valueSpan(child(request, 'messaging_type'), src),
    }),
  }) as MessageContext;
  // Everything else in the request: same channel and locale, no request-level fields.
  const rest: MessageContext = compact({
    ...defaults,
    channel: main.channel,
    tag: undefined,
    messagingType: undefined,
    fieldSpans: undefined,
    promotional: tag || messagingType === 'MESSAGE_TAG' ? false : defaults.promotional,
  }) as MessageContext;

  const out: Message[] = [];
  let mainMessage: Message | undefined;
  const push = (node: Node | undefined, component: Component, id: string, extra: Partial<MessageContext> = {}, isMain = false) => {
    const context = { ...(isMain ? main : rest), component, ...extra };
    const m = messageFromScalar(node, src, context, id);
    if (m) {
      out.push(m);
      if (isMain) mainMessage = m;
    }
    return m;
  };

  const quickReplies = items(child(message, 'quick_replies'));
  const counts: NonNullable<MessageContext['counts']> = {};
  if (quickReplies.length > 0) counts.quickReplies = quickReplies.length;

  push(child(message, 'text'), 'text', at('text'), {}, true);

  const attachment = child(message, 'attachment');
  const payload = child(attachment, 'payload');
  const templateType = childString(payload, 'template_type');
  if (childString(attachment, 'type') === 'template' || templateType) {
    if (templateType === 'button') {
      const buttons = items(child(payload, 'buttons'));
      counts.buttons = buttons.length;
      push(child(payload, 'text'), 'button_text', at('attachment.payload.text'), {}, !mainMessage);
      buttons.forEach((button, i) => push(child(button, 'title'), 'button', at(`attachment.payload.buttons[${i}].title`), { kind: 'choice' }));
    } else if (templateType === 'generic') {
      const elements = items(child(payload, 'elements'));
      counts.elements = elements.length;
      elements.forEach((element, e) => {
        if (!isMap(element)) {
          errors.push(new FormatError(`${at(`attachment.payload.elements[${e}]`)} must be an object with a \`title\``, nodeSpan(element)?.[0] ?? 0));
          return;
        }
        const buttons = items(child(element, 'buttons'));
        const elementCounts = buttons.length > 0 ? { counts: { buttons: buttons.length } } : {};
        const title = push(child(element, 'title'), 'title', at(`attachment.payload.elements[${e}].title`), elementCounts, !mainMessage);
        push(child(element, 'subtitle'), 'subtitle', at(`attachment.payload.elements[${e}].subtitle`));
        // Without a title (which the API requires) the element's button count rides on nothing.
        if (!title && buttons.length > 0) errors.push(new FormatError(`${at(`attachment.payload.elements[${e}]`)} has no \`title\``, nodeSpan(element)?.[0] ?? 0));
        buttons.forEach((button, i) => push(child(button, 'title'), 'button', at(`attachment.payload.elements[${e}].buttons[${i}].title`), { kind: 'choice' }));
      });
    }
  }

  quickReplies.forEach((reply, i) => push(child(reply, 'title'), 'quick_reply', at(`quick_replies[${i}].title`), { kind: 'choice' }));

  // Request-level facts go on one message: the main one, or else the first string of the request.
  let carrier = mainMessage;
  if (!carrier && out.length > 0) {
    carrier = out[0];
    carrier.context = { ...main, component: carrier.context.component, kind: carrier.context.kind };
  }
  if (carrier && Object.keys(counts).length > 0) {
    carrier.context = { ...carrier.context, counts: { ...carrier.context.counts, ...counts } };
  }
  return out;
}
