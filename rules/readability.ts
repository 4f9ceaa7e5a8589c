// readability: sentences that are hard to read for the target age.
//
// English uses retext-readability (Dale–Chall, Automated Readability, Coleman–Liau,
// Flesch, Gunning fog, SMOG, Spache) as is. Other languages fall back to sentence length
// until per-language formulas land (see the README, Languages).
import retextReadability from 'retext-readability';
import type { Root } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { defineRule, messageData, report } from '../src/engine/rule.js';

export default defineRule<{ age: number; threshold: number; minWords: number; maxWords: number }>({
  meta: {
    id: 'readability',
    type: 'suggestion',
    description: 'Flag sentences that are hard to read for the target reading age.',
    rationale:
      'Chat messages are read on a phone, often in a notification: keep sentences short and plain (FACTS.md, last section). retext-readability reports a sentence when at least `threshold` of its 7 formulas put it above the target age. The defaults were measured on the English corpora (Rasa, Bot Framework, Original Coast Clothing, WhatsApp): age 14 with 5-word sentences gave 44 findings, mostly on short plain sentences where the formulas are unstable ("We were discussing carbon offsets."); age 16 (the plugin\'s default), sentences of 8+ words and 5 of 7 formulas agreeing gave 12, all long or dense sentences a reviewer would split. The `strict` preset lowers the age to 14.',
    severity: 'warn',
    appliesTo: 'every message; English uses retext-readability, other languages sentence length (`maxWords`)',
    languageDependent: true,
    options: {
      age: { type: 'number', default: 16, description: 'target reading age (English)' },
      threshold: { type: 'number', default: 5 / 7, description: 'share of the 7 formulas that must agree (English)' },
      minWords: { type: 'number', default: 8, description: 'shortest sentence that is checked' },
      maxWords: { type: 'number', default: 25, description: 'longest sentence, in words, for languages without a formula' },
    },
    examples: {
      valid: [{ text: 'Your order is on its way. It should arrive on Friday.' }],
      invalid: [
        {
          text: 'Notwithstanding the aforementioned considerations, the organisational restructuring necessitates comprehensive reconsideration of previously communicated delivery commitments.',
          findings: [{ message: 'hard to read sentence' }],
        },
      ],
    },
  },
  create(options) {
    const english = (retextReadability as unknown as (o: object) => (tree: Root, file: VFile) => void)({
      age: options.age,
      threshold: options.threshold,
      minWords: options.minWords,
    });
    return (tree, file) => {
      const data = messageData(file);
      if (data.language === 'en') {
        const before = file.messages.length;
        english(tree, file);
        for (const message of file.messages.slice(before)) {
          message.note = `Aim for readers aged ${options.age}: split the sentence, and prefer short, common words.`;
        }
        return;
      }
      visit(tree, 'SentenceNode', (sentence) => {
        let words = 0;
        visit(sentence, 'WordNode', () => {
          words++;
        });
        if (words > options.maxWords) {
          report(file, {
            start: sentence.position!.start.offset!,
            end: sentence.position!.end.offset!,
            reason: `Unexpected hard to read sentence: ${words} words (more than ${options.maxWords})`,
            help: 'Split it into shorter sentences.',
            actual: toString(sentence),
          });
        }
      });
    };
  },
});
