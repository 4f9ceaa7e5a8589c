// WhatsApp Cloud API message templates: the body of a template creation request
// (`POST /<WABA_ID>/message_templates`), a single template as the Graph API returns it, an
// array of templates, or the list-templates response `{ "data": [ …templates ], "paging": … }`.
//
// Each template has `name`, `category`, `language` and `components`:
//   HEADER (format TEXT)  `text`                → component `header`
//   BODY                  `text`                → component `body`
//   FOOTER                `text`                → component `footer`
//   BUTTONS               `buttons[].text`      → component `button` (QUICK_REPLY, URL, PHONE_NUMBER, OTP, FLOW…)
//   CAROUSEL              `cards[].components`  → the same, per card
//   LIMITED_TIME_OFFER    `limited_time_offer.text` → component `text`
// Component types and categories are accepted in any case (Meta's own samples use
// lowercase); the category is upper-cased in the context. Variable examples
// (`example.header_text`, `example.body_text`, `…_named_params`) are passed to rules in
// `context.extra.examples` (variable name → example value).
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { Message, MessageContext } from '../types.js';
import { FormatError, type Extraction, type FormatAdapter, type FormatInput } from './types.js';
import { child, childString, compact, duplicateKeyErrors, items, messageFromScalar, nodeSpan } from './structured.js';
import { decodeScalar } from './yaml-scalar.js';

/** Is this node a template object (`name` plus a `components` list)? */
function isTemplate(node: unknown): boolean {
  if (!isMap(node)) return false;
  const components = child(node, 'components');
  return childString(node, 'name') !== undefined && isSeq(components) && items(components).every((c) => isMap(c) && childString(c, 'type') !== undefined);
}

/** The template nodes of a document, with the JSON path prefix of each; undefined if not templates. */
function templateNodes(contents: unknown): { node: Node; path: string }[] | undefined {
  if (isTemplate(contents)) return [{ node: contents as Node, path: '' }];
  if (isSeq(contents)) {
    const list = items(contents);
    if (list.length > 0 && list.every(isTemplate)) return list.map((node, i) => ({ node, path: `[${i}]` }));
    return undefined;
  }
  if (isMap(contents)) {
    const data = child(contents, 'data');
    const list = items(data);
    if (isSeq(data) && list.length > 0 && list.every(isTemplate)) return list.map((node, i) => ({ node, path: `data[${i}]` }));
  }
  return undefined;
}

export const whatsappTemplateAdapter: FormatAdapter = {
  id: 'whatsapp-template',
  description: 'WhatsApp Cloud API message templates (`name`, `category`, `language`, `components`), one, an array, or a list-templates response',
  extensions: ['.json'],
  placeholderStyles: ['double-brace'],
  detect(input: FormatInput): boolean {
    return templateNodes(input.document().contents) !== undefined;
  },
  extract(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
    const doc = input.document();
    const contents = doc.contents;
    const templates = templateNodes(contents);
    const messages: Message[] = [];
    const errors: FormatError[] = duplicateKeyErrors(doc);
    if (!templates) {
      errors.push(new FormatError('Expected a WhatsApp template (`name` and `components`), an array of templates or `{ "data": [ … ] }`', nodeSpan(contents as Node)?.[0] ?? 0));
      return { messages, errors };
    }
    const names = templates.map((t) => childString(t.node, 'name'));
    templates.forEach(({ node, path }) => {
      const name = childString(node, 'name')!;
      const language = languageOf(node);
      // Several language versions of one template in a list response share the name.
      const prefix = names.filter((n) => n === name).length > 1 && language ? `${name}(${language})` : name;
      messages.push(...templateMessages(node, prefix, path, input.text, defaults, errors));
    });
    return { messages, errors };
  },
};

function languageOf(template: Node): string | undefined {
  const language = child(template, 'language');
  // Send-time template objects write `language: { code: "en_US" }`.
  return isMap(language) ? childString(language, 'code') : childString(template, 'language');
}

/** File span of a string value without its quotes. */
function valueSpan(node: Node | undefined, src: string): [number, number] | undefined {
  if (!isScalar(node)) return nodeSpan(node);
  const decoded = decodeScalar(node as Scalar, src);
  if (!decoded || decoded.text.length === 0) return nodeSpan(node);
  return [decoded.sourceMap.toFile(0), decoded.sourceMap.toFile(decoded.text.length, 'end')];
}

/** Variable examples of a HEADER or BODY component: name (`1`, `first_name`) → example value. */
function examplesOf(component: Node, kind: 'header' | 'body'): Record<string, string> | undefined {
  const example = child(component, 'example');
  if (!isMap(example)) return undefined;
  const out: Record<string, string> = {};
  // Positional: header_text is ["v1"]; body_text is [["v1", "v2", …]] (one row per sample).
  const positional = child(example, `${kind}_text`);
  let row = items(positional);
  if (row.length > 0 && isSeq(row[0])) row = items(row[0]);
  row.forEach((value, i) => {
    if (isScalar(value) && value.value != null) out[String(i + 1)] = String(value.value);
  });
  for (const param of items(child(example, `${kind}_text_named_params`))) {
    const name = childString(param, 'param_name');
    const value = childString(param, 'example');
    if (name !== undefined && value !== undefined) out[name] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function templateMessages(
  template: Node,
  prefix: string,
  path: string,
  src: string,
  defaults: Partial<MessageContext>,
  errors: FormatError[],
): Message[] {
  const categoryNode = child(template, 'category');
  const category = childString(template, 'category')?.toUpperCase() ?? defaults.category;
  const language = languageOf(template);
  const languageNode = isMap(child(template, 'language')) ? child(child(template, 'language'), 'code') : child(template, 'language');
  const base: MessageContext = compact({
    ...defaults,
    channel: 'whatsapp',
    category,
    locale: language ?? defaults.locale,
    fieldSpans: compact({ ...defaults.fieldSpans, category: valueSpan(categoryNode, src), locale: valueSpan(languageNode, src) }),
  });
  const name = childString(template, 'name')!;
  const out: Message[] = [];
  readComponents(child(template, 'components'), prefix, `${path}${path ? '.' : ''}components`, src, base, name, out, errors);
  return out;
}

/** Reads a `components` list (of a template or of a carousel card) into messages. */
function readComponents(
  list: Node | undefined,
  idPrefix: string,
  jsonPath: string,
  src: string,
  base: MessageContext,
  template: string,
  out: Message[],
  errors: FormatError[],
): void {
  const first = out.length;
  let body: Message | undefined;
  let buttonCount = 0;
  let quickReplyCount = 0;
  items(list).forEach((component, index) => {
    if (!isMap(component)) {
      errors.push(new FormatError(`${jsonPath}[${index}] must be an object with a \`type\``, nodeSpan(component)?.[0] ?? 0));
      return;
    }
    const type = (childString(component, 'type') ?? '').toUpperCase();
    const extra = (more: Record<string, unknown> = {}) => ({ ...base.extra, template, whatsappComponent: type, ...more });
    switch (type) {
      case 'HEADER': {
        const format = (childString(component, 'format') ?? 'TEXT').toUpperCase();
        if (format !== 'TEXT') return; // IMAGE, VIDEO, DOCUMENT, LOCATION: no text
        const m = messageFromScalar(child(component, 'text'), src, { ...base, component: 'header', extra: extra(compact({ examples: examplesOf(component, 'header') })) }, `${idPrefix}.HEADER`);
        if (m) out.push(m);
        return;
      }
      case 'BODY': {
        const m = messageFromScalar(child(component, 'text'), src, { ...base, component: 'body', extra: extra(compact({ examples: examplesOf(component, 'body') })) }, `${idPrefix}.BODY`);
        if (m) {
          out.push(m);
          body = m;
        }
        return;
      }
      case 'FOOTER': {
        const m = messageFromScalar(child(component, 'text'), src, { ...base, component: 'footer', extra: extra() }, `${idPrefix}.FOOTER`);
        if (m) out.push(m);
        return;
      }
      case 'BUTTONS': {
        items(child(component, 'buttons')).forEach((button, i) => {
          buttonCount++;
          const buttonType = (childString(button, 'type') ?? '').toUpperCase();
          if (buttonType === 'QUICK_REPLY') quickReplyCount++;
          const m = messageFromScalar(
            child(button, 'text'),
            src,
            { ...base, component: 'button', kind: 'choice', extra: extra(compact({ buttonType: buttonType || undefined })) },
            `${idPrefix}.BUTTONS[${i}]`,
          );
          if (m) out.push(m);
        });
        return;
      }
      case 'CAROUSEL': {
        items(child(component, 'cards')).forEach((card, i) => {
          readComponents(child(card, 'components'), `${idPrefix}.CAROUSEL[${i}]`, `${jsonPath}[${index}].cards[${i}].components`, src, { ...base, extra: { ...base.extra, card: i } }, template, out, errors);
        });
        return;
      }
      case 'LIMITED_TIME_OFFER': {
        const offer = child(component, 'limited_time_offer');
        const m = messageFromScalar(child(offer, 'text'), src, { ...base, component: 'text', extra: extra() }, `${idPrefix}.LIMITED_TIME_OFFER`);
        if (m) out.push(m);
        return;
      }
      default:
        return; // unknown component types carry no text msglint knows how to read
    }
  });
  // The button counts go on the body (or the first message) so `platform-limits` reports them once.
  const main = body ?? out[first];
  if (main && buttonCount > 0) main.context = { ...main.context, counts: { buttons: buttonCount, quickReplies: quickReplyCount } };
}
