// The messages of a file as the review screen shows them: re-extracted with the same format
// adapter and context defaults as the Linter (the engine returns findings, not messages),
// grouped so that quick replies and buttons are chips of the message they belong to, and
// each finding assigned to its message.
import { resolve } from 'node:path';
import { detectFormat, makeInput } from '../../formats/index.js';
import { createSelectorAdapter, type SelectorFormat } from '../../formats/selectors.js';
import type { FormatAdapter } from '../../formats/types.js';
import type { Config } from '../../engine/config.js';
import type { Component, Finding, Message, MessageContext } from '../../types.js';

export interface MessageInfo {
  /** index in the file's extraction order */
  index: number;
  id?: string;
  /** what the list shows: the id, or `message N` */
  label: string;
  text: string;
  context: MessageContext;
  /** file offsets covered by the message text */
  start: number;
  end: number;
  message: Message;
  /** index of the main message for a quick reply / button chip */
  parent?: number;
  /** indexes of this message's chips */
  chips: number[];
}

export const CHIP_COMPONENTS = new Set<Component>(['quick_reply', 'button']);

/** Context defaults exactly as `Linter.lintText` builds them. */
export function contextDefaults(config: Config, extra: Partial<MessageContext> = {}): Partial<MessageContext> {
  const defaults: Partial<MessageContext> = { ...config.context, ...extra };
  if (config.channel) defaults.channel = config.channel;
  if (config.locale && !defaults.locale) defaults.locale = config.locale;
  return defaults;
}

/** The adapter the Linter would pick: a config `formats` entry, else format detection. */
export function adapterFor(config: Config, filePath: string, text: string, cwd: string): FormatAdapter | undefined {
  const input = makeInput(filePath, text);
  for (const [i, { entry, baseDir }] of config.formats.entries()) {
    const adapter = createSelectorAdapter(entry as SelectorFormat, { baseDir, id: `formats[${i}]` });
    if (adapter.detect({ ...input, filePath: resolve(cwd, filePath) })) return adapter;
  }
  return detectFormat(input);
}

/** Extracts the messages of a decoded file; throws what the adapter throws. */
export function extractMessages(config: Config, filePath: string, text: string, cwd: string): Message[] {
  const adapter = adapterFor(config, filePath, text, cwd);
  if (!adapter) return [];
  return adapter.extract(makeInput(filePath, text), contextDefaults(config)).messages;
}

/** Same as extractMessages, but never throws (an unreadable file has no messages). */
export function safeExtract(config: Config, filePath: string, text: string, cwd: string): Message[] | undefined {
  try {
    return extractMessages(config, filePath, text, cwd);
  } catch {
    return undefined;
  }
}

function idPrefixOf(chipId: string | undefined, parentId: string | undefined): boolean {
  if (!chipId || !parentId) return false;
  return chipId.startsWith(`${parentId}.`) || chipId.startsWith(`${parentId}[`);
}

/** Builds MessageInfo for each message, attaching chips to their main message. */
export function describeMessages(messages: Message[]): MessageInfo[] {
  const infos: MessageInfo[] = messages.map((m, index) => ({
    index,
    id: m.id,
    label: m.id ?? (messages.length === 1 ? 'message' : `message ${index + 1}`),
    text: m.text,
    context: m.context,
    start: m.sourceMap.toFile(0),
    end: m.sourceMap.toFile(m.text.length, 'end'),
    message: m,
    chips: [],
  }));
  for (const info of infos) {
    if (!CHIP_COMPONENTS.has(info.context.component ?? 'text')) continue;
    // The nearest earlier main message whose id is a prefix of the chip's id, else the nearest.
    let parent: MessageInfo | undefined;
    for (let i = info.index - 1; i >= 0; i--) {
      const candidate = infos[i];
      if (CHIP_COMPONENTS.has(candidate.context.component ?? 'text')) continue;
      if (idPrefixOf(info.id, candidate.id)) {
        parent = candidate;
        break;
      }
      parent ??= candidate;
      if (!info.id) break;
    }
    if (parent) {
      info.parent = parent.index;
      parent.chips.push(info.index);
    }
  }
  return infos;
}

/** The message a finding belongs to (undefined for file-level findings). */
export function messageOfFinding(finding: Finding, infos: MessageInfo[]): MessageInfo | undefined {
  const at = finding.range[0];
  if (finding.messageId !== undefined) {
    const byId = infos.filter((m) => m.id === finding.messageId);
    if (byId.length === 1) return byId[0];
    const inside = byId.find((m) => at >= m.start && at <= m.end);
    if (inside) return inside;
    if (byId.length > 0) return byId[0];
  }
  const containing = infos.filter((m) => at >= m.start && at <= m.end).sort((a, b) => a.end - a.start - (b.end - b.start));
  if (containing.length > 0) return containing[0];
  const byField = infos.find((m) => Object.values(m.context.fieldSpans ?? {}).some((span) => span && at >= span[0] && at <= span[1]));
  if (byField) return byField;
  const mains = infos.filter((m) => m.parent === undefined);
  if (mains.length === 1 && !finding.fatal && finding.ruleId !== null) return mains[0];
  return undefined;
}

/**
 * A file range mapped into message offsets (for highlighting inside the message text);
 * undefined when the range lies outside the message (a context field in front matter…).
 */
export function messageSpan(info: MessageInfo, range: [number, number]): [number, number] | undefined {
  if (range[1] < info.start || range[0] > info.end) return undefined;
  const map = info.message.sourceMap;
  const length = info.text.length;
  const lowest = (target: number, bias: 'start' | 'end') => {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map.toFile(mid, bias) >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const start = lowest(range[0], 'start');
  const end = Math.max(start, lowest(range[1], 'end'));
  return [start, end];
}
