// What the customer first sees: the notification preview (the opening cut at the channel's
// budget from rules/data/platform/limits.yml `preview`, or the `preview-length` rule's
// `budget` option), the character count against the platform limit, and the quick-reply /
// button chips against theirs. Characters are Unicode code points with placeholders as
// written, as the platform-limits rule counts them.
import { limits } from '../../language/platform.js';
import type { Config, RuleSetting } from '../../engine/config.js';
import type { Channel, Component, MessageContext } from '../../types.js';
import { charCount, firstChars } from '../text.js';

export const CHANNEL_LABEL: Record<Channel, string> = { messenger: 'Messenger', instagram: 'Instagram', whatsapp: 'WhatsApp', generic: 'Chat' };

export interface ChipPreview {
  text: string;
  component: Component;
  length: number;
  limit?: number;
  over: boolean;
}

export interface Preview {
  channel: Channel;
  component: Component;
  /** characters the notification shows */
  budget: number;
  /** the notification text: whitespace collapsed, cut at the budget */
  notification: string;
  truncated: boolean;
  length: number;
  limit?: number;
  over: boolean;
  chips: ChipPreview[];
  /** how many chips of each kind the channel allows */
  maxQuickReplies?: number;
  maxButtons?: number;
}

/** The `preview-length` budget from a config (or --rule), when one is set. */
export function budgetFromConfig(config: Config | undefined, overrides: Record<string, RuleSetting> = {}): number | undefined {
  const setting = overrides['preview-length'] ?? config?.rules['preview-length'];
  if (Array.isArray(setting) && setting[1] && typeof setting[1].budget === 'number') return setting[1].budget;
  return undefined;
}

export function limitFor(channel: Channel, component: Component): number | undefined {
  const data = limits();
  return data.length[channel]?.[component];
}

export function previewOf(
  text: string,
  context: Partial<MessageContext>,
  chips: { text: string; component: Component }[] = [],
  budgetOverride?: number,
): Preview {
  const data = limits();
  const channel = (context.channel ?? 'generic') as Channel;
  const component = (context.component ?? 'text') as Component;
  const budget = budgetOverride ?? data.preview[channel] ?? data.preview.generic;
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  const truncated = charCount(collapsed) > budget;
  const notification = truncated ? `${firstChars(collapsed, budget).trimEnd()}…` : collapsed;
  const length = charCount(text);
  const limit = limitFor(channel, component);
  const counts = data.count[channel] ?? data.count.generic;
  return {
    channel,
    component,
    budget,
    notification,
    truncated,
    length,
    limit,
    over: limit !== undefined && length > limit,
    chips: chips.map((chip) => {
      const chipLength = charCount(chip.text);
      const chipLimit = limitFor(channel, chip.component);
      return { text: chip.text, component: chip.component, length: chipLength, limit: chipLimit, over: chipLimit !== undefined && chipLength > chipLimit };
    }),
    maxQuickReplies: counts.quickReplies,
    maxButtons: counts.buttons,
  };
}
