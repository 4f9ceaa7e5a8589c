// require-closing: a closing message must end politely.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { loadLexicon } from '../src/language/lexicon.js';
import { tokenize } from '../src/language/tokens.js';
import { sentences } from './support.js';

export default defineRule({
  meta: {
    id: 'require-closing',
    type: 'suggestion',
    description: 'Require a message of kind `closing` (or the last business turn of a conversation script) to end politely: an offer of further help, thanks or a goodbye.',
    rationale: 'The source articles: end every conversation politely ("Is there anything else I can help you with today?") (FACTS.md, last section).',
    severity: 'warn',
    appliesTo: 'messages of kind `closing`',
    languageDependent: true,
    options: {},
    examples: {
      valid: [
        { text: 'Your refund is on its way. Is there anything else I can help you with today?', context: { kind: 'closing' } },
        { text: 'All done! Have a great day.', context: { kind: 'closing' } },
      ],
      invalid: [
        {
          text: 'Your ticket has been closed.',
          context: { kind: 'closing' },
          findings: [{ message: 'Closing message does not end politely', actual: 'Your ticket has been closed.' }],
        },
      ],
    },
  },
  appliesTo: (data) => data.context.kind === 'closing',
  create() {
    return (tree, file) => {
      const data = messageData(file);
      const lexicon = loadLexicon(data.language, 'closings');
      if (!lexicon) return;
      const text = String(file.value);
      const list = sentences(tree).filter((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));
      // The polite ending belongs at the end: the last sentence, or the one before it when
      // the last is a short sign-off ("Thanks for waiting! Bye."). Thanks that open a message
      // followed by bad news do not close it politely.
      const last = list[list.length - 1] ?? { start: 0, end: text.length };
      const lastWords = tokenize(text.slice(last.start, last.end)).filter((t) => t.kind === 'word').length;
      const endingStart = list.length > 1 && lastWords <= 4 ? list[list.length - 2].start : last.start;
      if (lexicon.test(tokenize(text.slice(endingStart)))) return;
      report(file, {
        start: last.start,
        end: last.end,
        reason: 'Closing message does not end politely: no offer of further help, thanks or goodbye',
        help: 'End with an offer of help or a goodbye, e.g. “Is there anything else I can help you with today?”',
      });
    };
  },
});
