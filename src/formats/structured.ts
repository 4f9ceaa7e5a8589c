// Helpers shared by the adapters of JSON/YAML-based formats: read nodes with their ranges,
// turn string scalars into Messages with exact source maps.
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Component, Message, MessageContext } from '../types.js';
import { decodeScalar, type DecodedScalar } from './yaml-scalar.js';
import { deref } from './yaml-document.js';

export { deref, duplicateKeyErrors } from './yaml-document.js';

/** The pair of `key` that takes effect in a YAML map (the last one, as in JSON.parse), or undefined. */
function pairOf(map: unknown, key: string): Pair | undefined {
  const m = deref(map);
  if (!isMap(m)) return undefined;
  const list = (m as YAMLMap).items as Pair[];
  for (let i = list.length - 1; i >= 0; i--) {
    if (isScalar(list[i].key) && String((list[i].key as Scalar).value) === key) return list[i];
  }
  return undefined;
}

/** The value node of `key` in a YAML map, or undefined; an alias is read as the node it names. */
export function child(map: unknown, key: string): Node | undefined {
  return deref(pairOf(map, key)?.value as Node | undefined);
}

/** The value of `key` as written (an alias stays an alias): where to point at a wrong value. */
export function writtenChild(map: unknown, key: string): Node | undefined {
  return pairOf(map, key)?.value as Node | undefined;
}

/** The string value of a scalar child, or undefined. */
export function childString(map: unknown, key: string): string | undefined {
  const node = child(map, key);
  if (isScalar(node) && node.value != null && typeof node.value !== 'object') return String(node.value);
  return undefined;
}

export function childBoolean(map: unknown, key: string): boolean | undefined {
  const node = child(map, key);
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  return undefined;
}

/** File offsets of a node's value (without trailing comments/whitespace). */
export function nodeSpan(node: Node | undefined): [number, number] | undefined {
  if (!node || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}

/** Items of a sequence node (empty when not a sequence); aliases are read as the nodes they name. */
export function items(node: unknown): Node[] {
  const seq = deref(node);
  return isSeq(seq) ? (seq.items as Node[]).map((item) => deref(item)) : [];
}

/** Pairs of a map that take effect: of duplicated keys, only the last one. */
export function pairs(node: unknown): Pair[] {
  const map = deref(node);
  if (!isMap(map)) return [];
  const list = (map as YAMLMap).items as Pair[];
  const last = new Map<string, Pair>();
  for (const pair of list) if (isScalar(pair.key)) last.set(String(pair.key.value), pair);
  return list.filter((pair) => !isScalar(pair.key) || last.get(String(pair.key.value)) === pair);
}

/**
 * The quick replies and buttons of a catalogue-style item (`- Yes` or `- title: Yes`), each a
 * `choice` message with its own component and an id under the item's (`id.quick_replies[0]`).
 */
export function choiceMessages(quickReplies: Node[], buttons: Node[], src: string, context: MessageContext, id: string): Message[] {
  const out: Message[] = [];
  const add = (list: Node[], component: Component, name: string) =>
    list.forEach((entry, i) => {
      const titleNode = isMap(entry) ? child(entry, 'title') : entry;
      const m = messageFromScalar(titleNode, src, { ...context, component, counts: undefined, kind: 'choice' }, `${id}.${name}[${i}]`);
      if (m) out.push(m);
    });
  add(quickReplies, 'quick_reply', 'quick_replies');
  add(buttons, 'button', 'buttons');
  return out;
}

/** Makes a Message from a string scalar node, or undefined when it is not a non-empty string. */
export function messageFromScalar(
  node: Node | undefined,
  src: string,
  context: MessageContext,
  id?: string,
): Message | undefined {
  node = deref(node); // an aliased string lives (and is fixed) at its anchor
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const decoded = decodeScalar(node as Scalar, src);
  if (!decoded || decoded.text.trim() === '') return undefined;
  return { id, text: decoded.text, context, sourceMap: decoded.sourceMap, encode: decoded.exact ? encoderFor(decoded.style) : () => undefined };
}

/** How replacement text is written inside a scalar of each style (undefined: not safely). */
export function encoderFor(style: DecodedScalar['style']): (text: string) => string | undefined {
  switch (style) {
    case 'double':
      return (text) => JSON.stringify(text).slice(1, -1);
    case 'single':
      return (text) => (/[\n\r]/.test(text) ? undefined : text.replace(/'/g, "''"));
    default:
      // Plain and block scalars: only text that cannot change the YAML structure.
      return (text) => (/^[^\n\r#:'"\\{}\[\]]*$/.test(text) ? text : undefined);
  }
}

/** Sets `key` when `value` is defined (an item's own value wins over the default). */
export function setDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** Keeps only the defined values of a context object (without the key `except`). */
export function compact<T extends object>(value: T, except?: string): T {
  // for…in, not Object.entries: no arrays per call (it runs for every catalogue item)
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = value[key];
    if (v !== undefined && key !== except && Object.prototype.hasOwnProperty.call(value, key)) out[key] = v;
  }
  return out as T;
}

/** Turns a file name or path into a locale: `it_IT.json`, `fr.json`, `locales/de/…`, `x.de-de.lg`. */
export function localeFromPath(filePath: string): string | undefined {
  const parts = filePath.split(/[\\/]/);
  const base = parts[parts.length - 1];
  const stem = base.replace(/\.[^.]+$/, '');
  const fromName = /(?:^|[.])([a-z]{2})(?:[-_]([A-Za-z]{2}))?$/.exec(stem);
  if (fromName && KNOWN_LANGUAGES.has(fromName[1])) return fromName[2] ? `${fromName[1]}-${fromName[2].toUpperCase()}` : fromName[1];
  for (let i = parts.length - 2; i >= 0; i--) {
    const m = /^([a-z]{2})(?:[-_]([A-Za-z]{2}))?$/.exec(parts[i]);
    if (m && KNOWN_LANGUAGES.has(m[1])) return m[2] ? `${m[1]}-${m[2].toUpperCase()}` : m[1];
  }
  return undefined;
}

// ISO 639-1 codes seen in bot content; enough to tell `de.json` from `db.json`.
const KNOWN_LANGUAGES = new Set(
  'ar bg bn ca cs da de el en es et fa fi fr he hi hr hu id it ja ko lt lv ms nb nl no pl pt ro ru sk sl sr sv th tl tr uk ur vi zh'.split(' '),
);
