// offer-human-handoff: a fallback ("I didn't understand") must offer a person or another channel.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { tokenize } from '../src/language/tokens.js';
import { contactLiterals, lexiconLabels, matchLabel, wordSentences } from './set-expectations.js';

const PROSE_COMPONENTS = new Set([undefined, 'text', 'body', 'button_text']);

interface Options extends Record<string, unknown> {
  detectByContent: boolean;
  skipWithChoices: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'offer-human-handoff',
    type: 'suggestion',
    description:
      'Require fallback messages (“Sorry, I didn’t understand”) to offer a way to reach a person or another channel (“talk to an agent”, “type ‘human’”, “call us”, an e-mail address).',
    rationale:
      'The source articles: let a human take over when the bot cannot help (FACTS.md, last section). A fallback that only asks the person to rephrase can loop forever; one line with a way out ends the loop.',
    severity: 'warn',
    appliesTo:
      'messages of kind `fallback` (set by the adapters: Rasa `utter_default`, `utter_fallback*`, `utter_out_of_scope*`, `utter_ask_rephrase`; .lg templates named like fallback; locale keys like `not_understood`), and any message that says the bot did not understand or cannot help (`detectByContent`); not quick replies or buttons',
    languageDependent: true,
    options: {
      detectByContent: {
        type: 'boolean',
        default: true,
        description: 'also check messages of other kinds that say the bot did not understand (“I didn’t get that”, “could you rephrase?”) or cannot help (“that’s not something I can help with”)',
      },
      skipWithChoices: {
        type: 'boolean',
        default: true,
        description:
          'leave alone a fallback that carries quick replies or buttons: msglint lints each string alone and cannot see whether one of them is “Talk to an agent”',
      },
    },
    examples: {
      valid: [
        { text: "Sorry, I didn't get that. Type \"agent\" to talk to a person.", context: { kind: 'fallback' } },
        { text: 'I did not understand. You can also call us on 0800 123 456.', context: { kind: 'fallback' } },
        { text: 'Thanks for sending this attachment, we can connect you to an agent to review it.', context: { kind: 'fallback' } },
        { text: "If you don't understand the invoice, reply with your order number.", note: 'The customer not understanding is not a fallback.' },
      ],
      invalid: [
        {
          text: "Sorry, I didn't get that. Can you rephrase?",
          context: { kind: 'fallback' },
          findings: [{ message: 'Fallback message does not offer a way to reach a person', actual: "I didn't get that" }],
        },
        {
          text: "I'm sorry, I'm not able to help with that.",
          findings: [{ message: '`I\'m not able to help with that`', actual: "I'm not able to help with that" }],
          note: 'Recognised by its content, whatever its kind.',
        },
      ],
    },
  },
  appliesTo: (data, options) =>
    PROSE_COMPONENTS.has(data.context.component) &&
    (data.context.kind === 'fallback' || options.detectByContent !== false) &&
    !(options.skipWithChoices !== false && ((data.context.counts?.quickReplies ?? 0) > 0 || (data.context.counts?.buttons ?? 0) > 0)),
  create(options) {
    return (tree, file) => {
      const data = messageData(file);
      const text = String(file.value);
      const tokens = tokenize(text);
      const fallback = lexiconLabels(data.language, 'fallback');
      const signals = [...matchLabel(fallback, 'not understood', tokens), ...matchLabel(fallback, 'cannot help', tokens)].sort((a, b) => a.start - b.start);
      const byKind = data.context.kind === 'fallback';
      if (!byKind && (options.detectByContent === false || signals.length === 0)) return;

      const handoff = lexiconLabels(data.language, 'handoff');
      if (!handoff) return; // no lexicon for this language: nothing to judge by
      if (matchLabel(handoff, 'person', tokens).length > 0 || matchLabel(handoff, 'channel', tokens).length > 0) return;
      const literals = contactLiterals(data.raw);
      if (literals.email || literals.phone) return;

      const first = signals[0];
      // The phrase without the punctuation some patterns end on ("I don't understand.").
      const words = first ? tokens.slice(first.from, first.to).filter((t) => t.kind !== 'symbol') : [];
      const span = first ? { start: first.start, end: words[words.length - 1].end } : wordSentences(tree, text)[0];
      const phrase = data.raw.slice(span.start, span.end);
      report(file, {
        start: span.start,
        end: span.end,
        reason: byKind
          ? 'Fallback message does not offer a way to reach a person or another channel'
          : `\`${phrase}\`: a message that says the bot ${first.phrase.label === 'cannot help' ? 'cannot help' : 'did not understand'} does not offer a way to reach a person or another channel`,
        help: 'Add a way out, e.g. “Type “agent” to talk to a person” or a phone number, e-mail address or help-centre link, so the person is not stuck in a loop.',
      });
    };
  },
});
