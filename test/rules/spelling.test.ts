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
    { text: 'Delivery takes approx. three days, e.g. on Monday, i.e. soon, etc. and so on.', name: 'abbreviations with full stops, initialisms' },
    { text: 'Wir liefern z.B. morgen, bzw. übermorgen.', context: { locale: 'de' }, name: 'German abbreviations' },
    { text: 'Ihre Sendungsnummer steht in der Sendungsverfolgung.', context: { locale: 'de' }, name: 'German linking-s compounds the dictionary does not list' },
  ],
  invalid: [
    { text: 'Thanks for expresing your interest.', findings: [{ message: 'Unknown word `expresing`', actual: 'expresing', suggestions: ['expressing'] }] },
    { text: 'We apologise for the delay.', context: { locale: 'en-US' }, findings: [{ message: '`apologise`', suggestions: ['apologize'] }] },
    { text: 'Hi 👋🏽 {{name}}, your pakage is here.', findings: [{ message: '`pakage`', actual: 'pakage', column: 24, suggestions: ['package'] }] },
    {
      text: 'Hello Ok. there, we shipp. it today',
      name: 'a full stop kept in the word by the parser is not part of the unknown word',
      findings: [
        { message: 'Unknown word `Ok`;', actual: 'Ok', column: 7 },
        { message: 'Unknown word `shipp`;', actual: 'shipp', column: 21, suggestions: ['ship'] },
      ],
    },
    {
      text: 'Thnks for yuor ordr, we wil shipp it tomorow and send you the tracking link by e-mail as soon as it leaves our warehouse.',
      name: 'typos in a third of the words: still one finding per word, not another language',
      findings: ['Thnks', 'yuor', 'ordr', 'wil', 'shipp', 'tomorow'].map((w) => ({ message: `Unknown word \`${w}\``, actual: w })),
    },
    {
      text: "Sorry for the problem, you can always buy it again on our website.",
      context: { locale: 'fr' },
      name: 'a message in another supported language is named',
      findings: [{ message: 'Message is not in French (it looks like English):' }],
    },
    {
      text: 'Votre reservation est confirmée.',
      context: { locale: 'fr' },
      name: 'a lower-case English word in French is a misspelling: it gets suggestions',
      findings: [{ message: 'Unknown word `reservation`; did you mean', actual: 'reservation', suggestions: ['réservation'] }],
    },
    {
      text: 'Original arriva domani.',
      context: { locale: 'it' },
      name: 'a capitalised English word that opens the sentence gets suggestions as any other word',
      findings: [{ message: 'Unknown word `Original`; did you mean', suggestions: ['Originale'] }],
    },
    {
      text: 'Pick a vendor, e.g Starbucks.',
      name: 'an initialism without its last full stop is corrected with it',
      findings: [{ message: 'Unknown word `e.g`; did you mean `e.g.`?', actual: 'e.g', suggestions: ['e.g.'] }],
    },
    { text: 'La consegna arriva domani.', context: { locale: 'pt-BR' }, findings: [{ message: 'Spelling is not checked' }], name: 'unsupported locales say so' },
  ],
});
