// no-promotional-content: promotional language in a message that must be non-promotional.
import { defineRule, messageData, report, type MessageData } from '../src/engine/rule.js';
import { loadLexicon } from '../src/language/lexicon.js';
import { tokenize } from '../src/language/tokens.js';
import { describeContext } from './support.js';

/** Is this message required to be non-promotional? */
export function mustBeNonPromotional(data: MessageData): boolean {
  const { context } = data;
  if (context.promotional === false) return true;
  if (context.tag) return true;
  if (context.messagingType === 'MESSAGE_TAG') return true;
  return context.channel === 'whatsapp' && (context.category === 'UTILITY' || context.category === 'AUTHENTICATION');
}

export default defineRule({
  meta: {
    id: 'no-promotional-content',
    type: 'problem',
    description: 'Disallow promotional language in tagged, MESSAGE_TAG, WhatsApp utility/authentication or `promotional: false` messages.',
    rationale:
      'Messenger message tags may never carry "deals, offers, coupons, and discounts", cross-sell or upsell; misuse can get the Page restricted. WhatsApp UTILITY and AUTHENTICATION templates must not promote, upsell or include offers, or Meta re-categorises them as MARKETING (FACTS.md: message tags; WhatsApp template categorization).',
    severity: 'error',
    appliesTo: 'messages with a Messenger `tag`, `messaging_type: MESSAGE_TAG`, WhatsApp `UTILITY`/`AUTHENTICATION` templates, or `promotional: false`',
    languageDependent: true,
    options: {},
    examples: {
      valid: [
        { text: 'Your order #1234 has shipped and should arrive on Friday.', context: { tag: 'POST_PURCHASE_UPDATE' } },
        { text: 'Use code SAVE10 for 10% off your next order!', context: { messagingType: 'RESPONSE' }, note: 'Inside the 24-hour window, promotions are allowed.' },
        { text: 'Feel free to reply if you have questions about your receipt.', context: { tag: 'POST_PURCHASE_UPDATE' } },
      ],
      invalid: [
        {
          text: 'Your order has shipped! Use code SAVE10 for 10% off your next order.',
          context: { tag: 'POST_PURCHASE_UPDATE' },
          findings: [
            { message: 'Unexpected promotional phrase `Use code`', actual: 'Use code' },
            { message: 'Unexpected promotional phrase `10% off`', actual: '10% off' },
          ],
        },
        {
          text: 'Your delivery is on its way. You may also like our new summer collection.',
          context: { channel: 'whatsapp', category: 'UTILITY' },
          findings: [
            { message: '`You may also like`', actual: 'You may also like' },
            { message: '`new summer collection`', actual: 'new summer collection' },
          ],
        },
      ],
    },
  },
  appliesTo: (data) => mustBeNonPromotional(data),
  create() {
    return (_tree, file) => {
      const data = messageData(file);
      const lexicon = loadLexicon(data.language, 'promotional');
      if (!lexicon) return;
      for (const match of lexicon.match(tokenize(String(file.value)))) {
        const phrase = data.raw.slice(match.start, match.end);
        report(file, {
          start: match.start,
          end: match.end,
          reason: `Unexpected promotional phrase \`${phrase}\` (${match.phrase.label}) in ${describeContext(data.context)}`,
          help: data.context.category
            ? 'Utility and authentication templates must not promote, upsell or include offers: remove it, or submit a MARKETING template.'
            : 'Tagged and non-promotional messages may not carry deals, offers, coupons, discounts, upsell or cross-sell: remove it, or send the offer inside the 24-hour window or as a marketing message.',
        });
      }
    };
  },
});
