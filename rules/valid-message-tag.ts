// valid-message-tag: unknown or retired Messenger tags, MESSAGE_TAG without a tag.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { closest } from '../src/engine/suggest.js';
import { tags } from '../src/language/platform.js';

export default defineRule({
  meta: {
    id: 'valid-message-tag',
    type: 'problem',
    description: 'Require a known Messenger message tag that is in force on the policy date, and a tag whenever `messaging_type` is `MESSAGE_TAG`.',
    rationale:
      'Tags were consolidated on 2020-03-04 and CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE and ACCOUNT_UPDATE fail with error 100 from 2026-04-27; MESSAGE_TAG requires a tag; Instagram only accepts HUMAN_AGENT (FACTS.md: message tags, rules/data/platform/tags.yml). The policy date is `policyDate` in `.lintrc`, today by default.',
    severity: 'error',
    appliesTo: 'messages with a `tag` or a `messaging_type`',
    languageDependent: false,
    options: {},
    examples: {
      valid: [
        { text: 'An agent will reply to your refund question here.', context: { channel: 'messenger', tag: 'HUMAN_AGENT', messagingType: 'MESSAGE_TAG' } },
        { text: 'Thanks for your feedback on your last order.', context: { channel: 'messenger', tag: 'CUSTOMER_FEEDBACK', messagingType: 'MESSAGE_TAG' } },
      ],
      invalid: [
        { text: 'Your parcel has shipped.', context: { tag: 'POST_PURCHASE_UPDATE' }, findings: [{ message: 'was retired on 2026-04-27' }] },
        { text: 'Your ticket is confirmed.', context: { tag: 'TICKET_UPDATE' }, findings: [{ message: 'was retired on 2020-03-04' }] },
        { text: 'Your order has shipped.', context: { messagingType: 'MESSAGE_TAG' }, findings: [{ message: '`MESSAGE_TAG` requires a `tag`' }] },
        { text: 'Hello again.', context: { tag: 'HUMAN_AGNT' }, findings: [{ message: 'Unknown message tag `HUMAN_AGNT`; did you mean `HUMAN_AGENT`?' }] },
      ],
    },
  },
  appliesTo: (data) => Boolean(data.context.tag || data.context.messagingType),
  create() {
    const data = tags();
    return (_tree, file) => {
      const { context, policyDate } = messageData(file);
      const { tag, messagingType, channel } = context;
      if (messagingType && !data.messagingTypes.includes(messagingType)) {
        const hint = closest(messagingType, data.messagingTypes);
        report(file, {
          field: 'messagingType',
          reason: `Unknown \`messaging_type\` \`${messagingType}\`${hint ? `; did you mean \`${hint}\`?` : ''}`,
          help: `Use one of ${data.messagingTypes.map((t) => `\`${t}\``).join(', ')}.`,
        });
      }
      if (messagingType === 'MESSAGE_TAG' && !tag) {
        report(file, {
          field: 'messagingType',
          reason: '`MESSAGE_TAG` requires a `tag`',
          help: 'Add the tag that matches the message (HUMAN_AGENT or CUSTOMER_FEEDBACK), or send it as `RESPONSE` inside the 24-hour window.',
        });
      }
      if (!tag) return;
      if (channel === 'whatsapp') {
        report(file, { field: 'tag', reason: `Message tag \`${tag}\` has no meaning on WhatsApp`, help: 'Outside the 24-hour window WhatsApp only delivers approved templates: use a template instead of a tag.' });
        return;
      }
      const info = Object.hasOwn(data.tags, tag) ? data.tags[tag] : undefined;
      if (!info) {
        const current = Object.entries(data.tags).filter(([, t]) => !t.retired || t.retired > policyDate).map(([name]) => name);
        const hint = closest(tag, Object.keys(data.tags));
        report(file, {
          field: 'tag',
          reason: `Unknown message tag \`${tag}\`${hint ? `; did you mean \`${hint}\`?` : ''}`,
          help: `Tags in force on ${policyDate}: ${current.map((t) => `\`${t}\``).join(', ')}.`,
        });
        return;
      }
      if (info.retired && info.retired <= policyDate) {
        report(file, {
          field: 'tag',
          reason: `Message tag \`${tag}\` was retired on ${info.retired}: requests with it fail`,
          help: `Use ${info.replacement ?? 'a reply inside the 24-hour window'} instead.${info.exceptionFor ? ` (Still valid for ${info.exceptionFor}.)` : ''}`,
        });
        return;
      }
      if (info.introduced && info.introduced > policyDate) {
        report(file, { field: 'tag', reason: `Message tag \`${tag}\` is not available before ${info.introduced}` });
      }
      if (channel === 'instagram' && tag !== 'HUMAN_AGENT') {
        report(file, { field: 'tag', reason: `Instagram only accepts the \`HUMAN_AGENT\` tag, not \`${tag}\`` });
      }
      if (messagingType && messagingType !== 'MESSAGE_TAG') {
        report(file, { field: 'messagingType', reason: `A tagged message must be sent with \`messaging_type: MESSAGE_TAG\`, not \`${messagingType}\`` });
      }
    };
  },
});
