import rule from '../../rules/require-closing.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: 'Done! Let us know if you need anything else.', context: { kind: 'closing' } },
    { text: 'Your case is resolved. Thanks for contacting us!', context: { kind: 'closing' } },
    { text: 'Goodbye 👋', context: { kind: 'closing' } },
    { text: 'Your ticket has been closed.', context: { kind: 'reply' } },
  ],
  invalid: [
    { text: 'Ticket closed.', context: { kind: 'closing' }, findings: [{ message: 'does not end politely', actual: 'Ticket closed.' }] },
    {
      text: 'Thanks for waiting. Your refund was sent. The case is closed. Reply STOP to opt out.',
      context: { kind: 'closing' },
      findings: [{ message: 'does not end politely', actual: 'Reply STOP to opt out.' }],
      name: 'thanks at the start does not count',
    },
  ],
});
