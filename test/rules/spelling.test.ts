import rule from '../../rules/spelling.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: 'Your Coastie hoodie is ready.', words: ['Coastie'] },
    { text: 'Email us at help@example.com or visit www.example.com/help.' },
    { text: 'Hi {{frist_name}}, your order {{1}} is ready, ${userName}.', name: 'placeholders are not checked' },
    { text: 'Use code SAVE10 at 9am; FAQ and OTP are fine.' },
    { text: 'We apologise for the delay.', context: { locale: 'en-GB' } },
    { text: 'We apologise: your order was cancelled.', name: 'plain `en` accepts British spellings' },
    { text: "It's a well-known, state-of-the-art service." },
  ],
  invalid: [
    { text: 'Thanks for expresing your interest.', findings: [{ message: 'Unknown word `expresing`', actual: 'expresing', suggestions: ['expressing'] }] },
    { text: 'We apologise for the delay.', context: { locale: 'en-US' }, findings: [{ message: '`apologise`', suggestions: ['apologize'] }] },
    { text: 'Hi 👋🏽 {{name}}, your pakage is here.', findings: [{ message: '`pakage`', actual: 'pakage', column: 24, suggestions: ['package'] }] },
    { text: 'La consegna arriva domani.', context: { locale: 'pt-BR' }, findings: [{ message: 'Spelling is not checked' }], name: 'unsupported locales say so' },
  ],
});
