// max-length: keep messages to a few short sentences.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { sentences } from './support.js';

const PROSE_COMPONENTS = new Set(['text', 'button_text', 'body', 'greeting']);

export default defineRule<{ maxSentences: number }>({
  meta: {
    id: 'max-length',
    type: 'suggestion',
    description: 'Limit a message to a brevity budget of sentences (default 3).',
    rationale: 'The source articles advise keeping messages short, "2–3 short sentences", with no long paragraphs (FACTS.md, last section). A wall of text does not fit the chat bubble and is skimmed.',
    severity: 'warn',
    appliesTo: 'prose components (text, body, button template text, greeting)',
    languageDependent: false,
    options: { maxSentences: { type: 'number', default: 3, description: 'most sentences a message may have' } },
    examples: {
      valid: [{ text: 'Thanks for your order! It ships tomorrow. Reply here if you need anything.' }],
      invalid: [
        {
          text: 'Thanks for your order. It ships tomorrow. You will get a tracking link. Delivery takes 3 days. Reply here if you need anything.',
          findings: [{ message: 'Message has 5 sentences; the budget is 3', actual: 'Delivery takes 3 days. Reply here if you need anything.' }],
        },
      ],
    },
  },
  appliesTo: (data) => PROSE_COMPONENTS.has(data.context.component ?? 'text'),
  create(options) {
    return (tree, file) => {
      const { raw } = messageData(file);
      const list = sentences(tree).filter((s) => /[\p{L}\p{N}]/u.test(raw.slice(s.start, s.end)));
      if (list.length <= options.maxSentences) return;
      report(file, {
        start: list[options.maxSentences].start,
        end: list[list.length - 1].end,
        reason: `Message has ${list.length} sentences; the budget is ${options.maxSentences}`,
        help: 'Keep chat messages to 2–3 short sentences: cut, or split the rest into a follow-up the customer can ask for.',
      });
    };
  },
});
