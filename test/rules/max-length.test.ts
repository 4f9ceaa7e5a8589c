import rule from '../../rules/max-length.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: 'One. Two. Three.' },
    { text: 'Hi {{first_name}}! Your order shipped. See you soon.' },
    { text: 'One. Two. Three. Four.', options: { maxSentences: 4 } },
    { text: 'Price: $4.99. Size: M. Colour: blue.', name: 'decimal points are not sentence ends' },
  ],
  invalid: [
    { text: 'One. Two. Three. Four.', findings: [{ message: 'Message has 4 sentences; the budget is 3', actual: 'Four.' }] },
    { text: 'One. Two. Three.', options: { maxSentences: 2 }, findings: [{ message: 'budget is 2', actual: 'Three.' }] },
    { text: 'First line.\nSecond line.\n\nThird paragraph. Fourth one.', findings: [{ message: '4 sentences', line: 4, column: 18 }] },
  ],
});
