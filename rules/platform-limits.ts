// platform-limits: hard limits of the Send API and WhatsApp templates.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { limits } from '../src/language/platform.js';
import { CHANNEL_NAMES, charCount, offsetAfterChars } from './support.js';

const COMPONENT_NAMES: Record<string, string> = {
  text: 'text message', button_text: 'button template text', quick_reply: 'quick reply title', button: 'button title',
  title: 'generic template title', subtitle: 'generic template subtitle', greeting: 'profile greeting text',
  header: 'template header', body: 'template body', footer: 'template footer', otn_title: 'one-time notification request title',
};

export default defineRule({
  meta: {
    id: 'platform-limits',
    type: 'problem',
    description: 'Disallow text over a hard platform limit (length per component, number of quick replies and buttons).',
    rationale:
      'The Send API rejects longer strings with error (#100): Messenger text 2000, button template text 640, quick reply and button titles 20, generic title/subtitle 80, profile greeting 160, at most 13 quick replies and 3 buttons; WhatsApp body 1024, header/footer 60, button 25; Instagram text 1000 (FACTS.md: Send API limits, WhatsApp Business; data in rules/data/platform/limits.yml). Characters are counted as Unicode code points, placeholders as written.',
    severity: 'error',
    appliesTo: 'every message; the limit depends on `channel` and `component`',
    languageDependent: false,
    options: {},
    examples: {
      valid: [
        { text: 'Track order', context: { channel: 'messenger', component: 'quick_reply' } },
        { text: 'See our delivery times', context: { channel: 'whatsapp', component: 'button' }, note: '22 characters: fine for a WhatsApp button (25), too long for Messenger (20).' },
      ],
      invalid: [
        { text: 'Talk to a human agent now', context: { channel: 'messenger', component: 'quick_reply' }, findings: [{ message: 'Messenger quick reply title is 25 characters; the limit is 20', actual: 't now' }] },
        { text: 'Pick a size', context: { channel: 'messenger', component: 'button_text', counts: { buttons: 4 } }, findings: [{ message: '4 buttons; Messenger allows at most 3' }] },
      ],
    },
  },
  create() {
    const data = limits();
    return (_tree, file) => {
      const { raw, context } = messageData(file);
      const channel = context.channel ?? 'generic';
      const component = context.component ?? 'text';
      // A channel without the component (no profile greeting on Instagram) has no limit for it.
      const limit = data.length[channel]?.[component];
      const name = `${CHANNEL_NAMES[channel] === 'chat' ? '' : `${CHANNEL_NAMES[channel]} `}${COMPONENT_NAMES[component] ?? component}`;
      const length = charCount(raw);
      if (limit !== undefined && length > limit) {
        const cut = offsetAfterChars(raw, 0, limit);
        report(file, {
          start: cut,
          end: raw.length,
          reason: `${name[0].toUpperCase()}${name.slice(1)} is ${length} characters; the limit is ${limit}`,
          help: length - limit > 20 ? 'Shorten it or split it into several messages; the platform rejects the whole request.' : `Cut ${length - limit} characters; the platform rejects the whole request.`,
        });
      }
      const max = data.count[channel] ?? data.count.generic;
      const counts = context.counts ?? {};
      const check = (n: number | undefined, allowed: number | undefined, what: string) => {
        if (n !== undefined && allowed !== undefined && n > allowed) {
          report(file, { reason: `Message has ${n} ${what}; ${CHANNEL_NAMES[channel]} allows at most ${allowed}`, help: `Keep ${allowed} or fewer ${what}; offer the rest in a follow-up.` });
        }
      };
      check(counts.quickReplies, max.quickReplies, 'quick replies');
      check(counts.buttons, max.buttons, 'buttons');
      check(counts.elements, max.elements, 'template elements');
    };
  },
});
