import rule from '../../rules/require-greeting.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: 'Good morning! Thanks for reaching out.', context: { kind: 'greeting' } },
    { text: 'Thanks for messaging us. We reply within an hour.', context: { kind: 'greeting' } },
    { text: 'Hey there 👋', context: { kind: 'greeting' } },
    { text: 'Welcome {{user_first_name}}, tap Get Started.', context: { channel: 'messenger', component: 'greeting' } },
    { text: 'Tap a button below.', context: { kind: 'reply' } },
  ],
  invalid: [
    { text: 'Tap Get Started to see our catalogue.', context: { channel: 'messenger', component: 'greeting' }, findings: [{ message: 'does not open with a greeting' }] },
    { text: 'Choose an option. We can help with orders. Hi!', context: { kind: 'greeting' }, findings: [{ message: 'does not open', actual: 'Choose an option.' }], name: 'a greeting at the end does not count' },
    { text: 'This highway is closed.', context: { kind: 'greeting' }, findings: [{ message: 'does not open' }], name: '`hi` inside a word is not a greeting' },
  ],
});
