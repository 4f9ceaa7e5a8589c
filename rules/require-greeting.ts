// require-greeting: a greeting message must greet.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { loadLexicon } from '../src/language/lexicon.js';
import { tokenize } from '../src/language/tokens.js';
import { namePlaceholder, sentences } from './support.js';

export default defineRule({
  meta: {
    id: 'require-greeting',
    type: 'suggestion',
    description: 'Require a message of kind `greeting` (or a profile greeting) to open with a greeting.',
    rationale: 'The source articles advise greeting automatically and personalising with the person\'s name (FACTS.md, last section).',
    severity: 'warn',
    appliesTo: 'messages of kind `greeting` and the Messenger profile greeting (component `greeting`)',
    languageDependent: true,
    options: {},
    examples: {
      valid: [
        { text: 'Hi {{first_name}}! How can we help today?', context: { kind: 'greeting' } },
        { text: 'Welcome to Original Coast Clothing, {{user_first_name}}!', context: { kind: 'greeting' } },
        { text: 'Your order has shipped.', context: { kind: 'update' }, note: 'Only greetings must greet.' },
      ],
      invalid: [
        {
          text: 'How can we help today? Choose an option below.',
          context: { kind: 'greeting' },
          findings: [{ message: 'Greeting message does not open with a greeting', actual: 'How can we help today?' }],
        },
      ],
    },
  },
  appliesTo: (data) => data.context.kind === 'greeting' || data.context.component === 'greeting',
  create() {
    return (tree, file) => {
      const data = messageData(file);
      const lexicon = loadLexicon(data.language, 'greetings');
      if (!lexicon) return;
      const text = String(file.value);
      const list = sentences(tree).filter((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));
      // The greeting belongs in the opening: the first two sentences ("Hi! Welcome to …").
      const openingEnd = list.length > 1 ? list[1].end : text.length;
      if (lexicon.test(tokenize(text.slice(0, openingEnd)))) return;
      const first = list[0] ?? { start: 0, end: text.length };
      report(file, {
        start: first.start,
        end: first.end,
        reason: 'Greeting message does not open with a greeting',
        help: `Open with a greeting and the person's name, e.g. “Hi ${namePlaceholder(data.context)}!”`,
      });
    };
  },
});
