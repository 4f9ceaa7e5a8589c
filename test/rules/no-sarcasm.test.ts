import rule from '../../rules/no-sarcasm.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: 'Right, let me check that for you.' },
    { text: 'Thanks a lot for your help!' },
    { text: 'As mentioned in your confirmation e-mail, delivery takes 3 days.', name: 'a neutral reference to a document' },
    { text: 'Type "STOP" to unsubscribe.' },
    { text: 'Your "Summer Dress" order is ready.', name: 'a quoted product name' },
  ],
  invalid: [
    { text: 'Yeah, right. We never lose parcels.', findings: [{ message: '`Yeah, right`', actual: 'Yeah, right' }] },
    { text: 'Thanks for nothing.', findings: [{ message: '`Thanks for nothing`' }] },
    { text: 'Obviously, the code only works once.', findings: [{ message: '`Obviously`', actual: 'Obviously' }] },
    { text: 'Like I said, we are closed on Sundays.', findings: [{ message: '`Like I said`' }] },
    { text: 'We checked your “broken” phone and it works.', findings: [{ message: 'Scare quotes', actual: '“broken”' }] },
    { text: 'Sure, we love waiting too /s', findings: [{ message: 'Irony tag', actual: '/s' }] },
    { text: 'Hi 😀 {{name}}! As previously stated, no refunds.', findings: [{ message: '`As previously stated`', actual: 'As previously stated', column: 17 }] },
  ],
});
