// i18n locale files: a JSON or YAML mapping of (nested mappings of) strings, one file per
// locale, as used by i18n / i18next / vue-i18n / Rails and by Meta's Original Coast Clothing
// sample (`locales/en_US.json`). Every string leaf is a message; its key path
// (`get_started.welcome`) is the messageId, and the key names suggest the message's kind
// and component (see `kindFromKey` and docs/formats/locale-json.md).
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Channel, Component, Message, MessageContext } from '../types.js';
import type { Extraction, FormatAdapter, FormatInput } from './types.js';
import { compact, duplicateKeyErrors, localeFromPath, messageFromScalar, pairs } from './structured.js';
import { hashCommentDirectives } from './directives.js';

/** Folder names that hold translation files. */
const LOCALE_FOLDERS = new Set(['locales', 'locale', 'i18n', 'l10n', 'lang', 'langs', 'translations']);

/** A root key that is itself a locale (Rails: `en:` / `de-DE:` at the top of the file). */
const ROOT_LOCALE = /^([a-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?$/;

/** True when the path looks like a translation file: a locale folder or a locale file name. */
export function isLocalePath(filePath: string): boolean {
  const parts = filePath.split(/[\\/]/);
  const base = parts[parts.length - 1];
  if (!/\.(json|ya?ml)$/i.test(base)) return false;
  if (parts.slice(0, -1).some((p) => LOCALE_FOLDERS.has(p.toLowerCase()))) return true;
  return localeFromPath(base) !== undefined;
}

/** true when the path says the content is for Instagram (`…-ig/…`, `instagram`). */
export function isInstagramPath(filePath: string): boolean {
  return /-ig[\\/]/i.test(filePath) || /instagram/i.test(filePath);
}

/** JSON comment and suppression fields (`"//": …`, `"//key": …`, `"msglint-disable": …`): not messages. */
export function isDirectiveKey(key: string): boolean {
  return key.startsWith('//') || key === 'msglint-disable';
}

interface Leaf {
  keyPath: string;
  node: Node;
}

/** Walks a mapping and collects string leaves with their key paths; counts other scalars. */
function collect(node: unknown, prefix: string, leaves: Leaf[], stats: { strings: number; others: number }): void {
  if (isMap(node)) {
    for (const pair of pairs(node)) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (isDirectiveKey(key)) continue;
      collect(pair.value, prefix === '' ? key : `${prefix}.${key}`, leaves, stats);
    }
  } else if (isSeq(node)) {
    (node.items as Node[]).forEach((item, i) => collect(item, `${prefix}[${i}]`, leaves, stats));
  } else if (isScalar(node)) {
    if (typeof node.value === 'string') {
      stats.strings++;
      leaves.push({ keyPath: prefix, node });
    } else if (node.value !== null) stats.others++;
  } else if (node !== null && node !== undefined) {
    stats.others++; // alias or other node
  }
}

/** The single root key when it is a locale (`en:`), as `en` / `de-DE`. */
function rootLocale(contents: unknown): { key: string; locale: string } | undefined {
  if (!isMap(contents) || contents.items.length !== 1) return undefined;
  const pair = contents.items[0] as Pair;
  if (!isScalar(pair.key) || !isMap(pair.value)) return undefined;
  const key = String(pair.key.value);
  const m = ROOT_LOCALE.exec(key);
  if (!m || !localeFromPath(`${m[1]}.json`)) return undefined; // only known languages
  return { key, locale: m[2] ? `${m[1]}-${m[2].toUpperCase()}` : m[1] };
}

// ── Key-name heuristics ──────────────────────────────────────────────────────────────────

/** `productLaunchTitle`, `not-understood`, `Get Started` → `product_launch_title`, … */
function words(segment: string): string {
  return segment
    .replace(/\[\d+\]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

const wordPattern = (alternatives: string) => new RegExp(`(?:^|_)(?:${alternatives})(?:_|$)`);

/** Kind patterns, tried in this order on one segment: the first that matches wins. */
const KIND_PATTERNS: [string, RegExp][] = [
  ['fallback', wordPattern('fallback|not_understood|unknown|didnt_understand|did_not_understand|dont_understand')],
  ['away', wordPattern('away|out_of_office|offline')],
  ['closing', wordPattern('goodbye|good_bye|bye|farewell|closing|thanks_for|anything_else')],
  ['greeting', wordPattern('greet|greets|greeting|greetings|welcome|hello')],
];

const PROFILE_PARENTS = new Set(['profile', 'messenger_profile', 'page_profile']);
const BUTTON_WORDS = /(?:^|_)(?:button|buttons|btn|cta)$/;
const BUTTON_PARENTS = /(?:^|_)(?:buttons|button|btns|ctas|cta)$/;
const QUICK_REPLY_WORDS = /(?:^|_)quick_repl(?:y|ies)$/;
const MENU_PARENT = /(?:^|_)menu$/;

export interface KeyHint {
  kind?: string;
  component?: Component;
}

/**
 * What a key path suggests about a string: `profile.greeting` is the Messenger profile
 * greeting (kind `greeting`, component `greeting`); `menu.*` are persistent-menu items
 * (kind `choice`); a last segment ending in `title`/`subtitle`/`button`/`cta`/`quick_reply`
 * (or a parent `buttons`/`quick_replies`) names a component; otherwise the last segment, then
 * its parent, is matched against the kind patterns (greeting, closing, fallback, away).
 * Conservative on purpose: a key that matches nothing gets no hint.
 */
export function kindFromKey(keyPath: string): KeyHint {
  const segments = keyPath
    .split('.')
    .map(words)
    .filter((s) => s !== '');
  if (segments.length === 0) return {};
  const last = segments[segments.length - 1];
  const parent = segments.length > 1 ? segments[segments.length - 2] : undefined;
  const ancestors = segments.slice(0, -1);
  if (parent !== undefined && PROFILE_PARENTS.has(parent) && (last === 'greeting' || last === 'greeting_text')) {
    return { kind: 'greeting', component: 'greeting' };
  }
  if (ancestors.some((s) => MENU_PARENT.test(s))) return { kind: 'choice' };
  if (QUICK_REPLY_WORDS.test(last) || (parent !== undefined && QUICK_REPLY_WORDS.test(parent))) return { kind: 'choice', component: 'quick_reply' };
  if (BUTTON_WORDS.test(last) || (parent !== undefined && BUTTON_PARENTS.test(parent))) return { kind: 'choice', component: 'button' };
  if (/(?:^|_)subtitle$/.test(last)) return { component: 'subtitle' };
  if (/(?:^|_)title$/.test(last)) return { component: 'title' };
  for (const segment of parent !== undefined ? [last, parent] : [last]) {
    for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(segment)) return { kind };
  }
  return {};
}

// ── The adapter ──────────────────────────────────────────────────────────────────────────

export const localeJsonAdapter: FormatAdapter = {
  id: 'locale-json',
  description: 'i18n locale file: nested keys → strings (`locales/en_US.json`, `fr.yml`)',
  extensions: ['.json', '.yml', '.yaml'],
  placeholderStyles: ['double-brace', 'single-brace', 'printf'],
  detect(input: FormatInput): boolean {
    if (!isLocalePath(input.filePath)) return false;
    const contents = input.document().contents;
    if (!isMap(contents) || contents.items.length === 0) return false;
    const stats = { strings: 0, others: 0 };
    collect(contents, '', [], stats);
    // Mostly strings: a few numbers or booleans (Rails `precision: 3`) are tolerated.
    return stats.strings > 0 && stats.strings >= stats.others * 2;
  },
  extract(input: FormatInput, defaults: Partial<MessageContext>): Extraction {
    const doc = input.document();
    const fromPath = localeFromPath(input.filePath);
    let root = rootLocale(doc.contents);
    // A root key is only a locale wrapper when it agrees with the path (or the path has none).
    if (root && fromPath && fromPath.split('-')[0] !== root.locale.split('-')[0]) root = undefined;
    const locale = fromPath ?? root?.locale ?? defaults.locale;
    const channel: Channel = defaults.channel ?? (isInstagramPath(input.filePath) ? 'instagram' : 'generic');
    const leaves: Leaf[] = [];
    const start = root ? (doc.contents as { items: Pair[] }).items[0].value : doc.contents;
    collect(start, '', leaves, { strings: 0, others: 0 });
    const messages: Message[] = [];
    for (const { keyPath, node } of leaves) {
      const hint = kindFromKey(keyPath);
      const context: MessageContext = compact({
        ...defaults,
        channel,
        locale,
        kind: hint.kind ?? defaults.kind,
        component: hint.component ?? defaults.component ?? 'text',
        extra: { ...defaults.extra, key: keyPath },
      });
      const message = messageFromScalar(node, input.text, context, keyPath);
      if (message) messages.push(message);
    }
    const directives = /\.ya?ml$/i.test(input.filePath) ? hashCommentDirectives(input.text) : [];
    return { messages, errors: duplicateKeyErrors(doc), directives };
  },
};
