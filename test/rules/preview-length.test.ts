import rule from '../../rules/preview-length.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

// A sentence of exactly n characters: capitalised words, ending with a full stop.
const sentence = (n: number) => 'Word '.repeat(Math.floor(n / 5)).trim().padEnd(n - 1, 'x').slice(0, n - 1) + '.';

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: `${sentence(110)} ${sentence(200)}`, name: 'a long second sentence is fine' },
    { text: 'Short first line\n' + 'x'.repeat(300), name: 'first line ends the opening' },
    { text: 'x'.repeat(300), context: { component: 'quick_reply' }, name: 'not prose' },
    { text: sentence(60), options: { budget: 60 } },
    { text: `Hi {{customer_full_name_with_title}}, ${sentence(95)}`, name: 'a placeholder counts as about 8 characters' },
  ],
  invalid: [
    { text: sentence(111), findings: [{ message: 'Opening sentence is 111 characters; the notification preview shows about 110', actual: '.' }] },
    { text: `\n\n${sentence(120)}`, findings: [{ message: 'is 120 characters', line: 3, column: 111 }] },
    { text: sentence(61), options: { budget: 60 }, findings: [{ message: 'shows about 60' }] },
    { text: `Hi {{n}}, ${sentence(100)}`, options: { placeholderLength: 20 }, findings: [{ message: 'Opening sentence is 125 characters' }] },
    { text: `😀${sentence(110)}`, findings: [{ message: '111 characters', actual: '.' }], name: 'counts code points, not UTF-16 units' },
  ],
});
