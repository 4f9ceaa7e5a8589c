// The messaging-window policy the audit applies, from rules/data/platform/tags.yml: which tags
// are in force on a date, how long a tagged message may follow the customer's message.
import { tags } from '../language/platform.js';
import type { Channel } from '../types.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** A business message up to exactly 24 h 00 min 00 s after the customer's is inside the window. */
export const WINDOW_MS = DAY;

export interface TagVerdict {
  /** the tag is in tags.yml */
  known: boolean;
  /** the date it was retired, when it was retired on or before the policy date */
  retired?: string;
  replacement?: string;
  /** the tag lets the message go outside the 24-hour window on this date and channel */
  valid: boolean;
  /** how many days after the customer's last message the tag allows (HUMAN_AGENT, CUSTOMER_FEEDBACK) */
  windowDays?: number;
}

export function tagVerdict(tag: string, date: string, channel: Channel | undefined): TagVerdict {
  const info = tags().tags[tag];
  if (!info) return { known: false, valid: false };
  if (info.retired && info.retired <= date) return { known: true, retired: info.retired, replacement: info.replacement, valid: false };
  const introduced = !info.introduced || info.introduced <= date;
  // WhatsApp has no tags (templates instead); Instagram accepts only HUMAN_AGENT (FACTS.md).
  const channelOk = channel !== 'whatsapp' && (channel !== 'instagram' || tag === 'HUMAN_AGENT');
  return { known: true, valid: introduced && channelOk, ...(info.windowDays ? { windowDays: info.windowDays } : {}) };
}

let boundaries: string[] | undefined;

/**
 * The date given to the message linter for a message sent on `date`. Only tag dates in
 * tags.yml change what the linter reports (valid-message-tag), so every date between two
 * such boundaries lints the same: the latest boundary on or before `date` stands for them
 * all, which keeps one Linter per policy period instead of one per day.
 */
export function lintPolicyDate(date: string): string {
  boundaries ??= [...new Set(Object.values(tags().tags).flatMap((t) => [t.introduced, t.retired]).filter((d): d is string => typeof d === 'string'))].sort();
  let best = '0001-01-01';
  for (const b of boundaries) if (b <= date) best = b;
  return best;
}
