// preview-length: the opening must fit the notification / inbox preview.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { limits } from '../src/language/platform.js';
import type { Placeholder } from '../src/types.js';
import { CHANNEL_NAMES, sentences } from './support.js';

/**
 * Length of raw[start, end) with each placeholder counted as `placeholderLength`
 * characters, and the offset where the preview budget runs out.
 */
function measure(raw: string, start: number, end: number, budget: number, placeholders: Placeholder[], placeholderLength: number) {
  let length = 0;
  let cut = end;
  let i = start;
  while (i < end) {
    const placeholder = placeholders.length === 0 ? undefined : placeholderAt(placeholders, i);
    const step = placeholder ? placeholderLength : 1;
    const next = placeholder ? placeholder.end : i + (raw.codePointAt(i)! > 0xffff ? 2 : 1);
    if (length + step > budget && cut === end) cut = i;
    length += step;
    i = Math.min(next, end);
  }
  return { length, cut };
}

/** The first placeholder starting at `i` (a loop: a closure per character was most of the rule's cost). */
function placeholderAt(placeholders: Placeholder[], i: number): Placeholder | undefined {
  for (const p of placeholders) if (p.start === i) return p;
  return undefined;
}

const PROSE_COMPONENTS = new Set(['text', 'button_text', 'body', 'greeting']);

export default defineRule<{ budget: number | null; placeholderLength: number }>({
  meta: {
    id: 'preview-length',
    type: 'suggestion',
    description: "Require the opening sentence (or first line) to fit the channel's notification preview.",
    rationale:
      'Customers decide from the preview whether to open a message ("readable from the preview", FACTS.md, last section). No Messenger-specific preview length is documented; the defaults (rules/data/platform/limits.yml `preview`) use the iOS lock-screen figure of about 110 characters; iOS banners show about 62 and Android collapsed notifications about 49 (Braze), so set `budget` lower to target them.',
    severity: 'warn',
    appliesTo: 'prose components (text, body, button template text, greeting)',
    languageDependent: false,
    options: {
      budget: { type: 'number', default: null, description: 'characters of the opening that the preview shows; `null` uses the per-channel default from limits.yml' },
      placeholderLength: { type: 'number', default: 8, description: 'characters a placeholder is assumed to fill (a first name, an order number)' },
    },
    examples: {
      valid: [{ text: 'Your order has shipped! It will arrive on Friday, and you can track it any time from the menu below.' }],
      invalid: [
        {
          text: 'We wanted to reach out to let you know that, because of unusually high demand across all of our warehouses this week, your order will ship later. Sorry!',
          context: { channel: 'messenger' },
          findings: [{ message: 'Opening sentence is 145 characters; the Messenger notification preview shows about 110' }],
        },
        {
          text: 'Hi! Your appointment is confirmed for tomorrow.',
          options: { budget: 2 },
          findings: [{ message: 'Opening sentence is 3 characters', actual: '!' }],
        },
      ],
    },
  },
  appliesTo: (data) => PROSE_COMPONENTS.has(data.context.component ?? 'text'),
  create(options) {
    const defaults = limits().preview;
    return (tree, file) => {
      const { raw, context, placeholders } = messageData(file);
      const channel = context.channel ?? 'generic';
      const budget = typeof options.budget === 'number' ? options.budget : defaults[channel] ?? defaults.generic;
      const start = raw.length - raw.trimStart().length;
      const first = sentences(tree).find((s) => raw.slice(s.start, s.end).trim() !== '');
      const lineEnd = raw.indexOf('\n', start);
      let end = first ? first.end : raw.length;
      if (lineEnd !== -1 && lineEnd < end) end = lineEnd;
      const openingEnd = start + raw.slice(start, end).trimEnd().length;
      // Placeholders count as the text they will become (about `placeholderLength` characters).
      const { length, cut } = measure(raw, start, openingEnd, budget, placeholders, options.placeholderLength);
      if (length <= budget) return;
      const opening = raw.slice(start, openingEnd);
      const where = CHANNEL_NAMES[channel] === 'chat' ? 'the notification preview' : `the ${CHANNEL_NAMES[channel]} notification preview`;
      report(file, {
        start: cut,
        end: start + opening.length,
        reason: `Opening sentence is ${length} characters; ${where} shows about ${budget}, so customers see “${raw.slice(start, cut).trimEnd()}…”`,
        help: `Put the point of the message in the first ${budget} characters: a short first sentence, details after it.`,
      });
    };
  },
});
