import rule from '../../rules/readability.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: 'Your order has shipped. It will be with you on Friday.' },
    { text: 'La tua consegna arriverà venerdì mattina.', context: { locale: 'it' } },
  ],
  invalid: [
    {
      text: 'La consegna del tuo ordine, che abbiamo preparato con cura nel nostro magazzino principale di Milano dopo aver verificato ogni singolo articolo, arriverà probabilmente entro la fine della prossima settimana lavorativa.',
      context: { locale: 'it' },
      findings: [{ message: 'hard to read sentence' }],
    },
  ],
});
