import rule from '../../rules/readability.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: 'Your order has shipped. It will be with you on Friday.' },
    { text: 'La tua consegna arriverà venerdì mattina.', context: { locale: 'it' } },
    { text: 'Votre colis arrive demain matin chez vous avant midi.', context: { locale: 'fr' } },
    { text: 'Ihr Paket kommt morgen früh bei Ihnen an, vor zwölf Uhr.', context: { locale: 'de' } },
    { text: 'Tu paquete llega mañana por la mañana antes de las doce.', context: { locale: 'es' } },
    { text: 'Pakettisi saapuu huomenna aamulla ennen kahtatoista.', context: { locale: 'fi' } },
  ],
  invalid: [
    {
      text: 'Conformément aux dispositions contractuelles précédemment communiquées, la réglementation européenne impose obligatoirement une vérification administrative particulièrement approfondie.',
      context: { locale: 'fr' },
      findings: [{ message: 'Kandel–Moles score' }],
    },
    {
      text: 'Aufgrund außergewöhnlicher betrieblicher Umstrukturierungsmaßnahmen verzögert sich die ordnungsgemäße Bearbeitung sämtlicher Rückerstattungsanträge voraussichtlich erheblich.',
      context: { locale: 'de' },
      findings: [{ message: 'Amstad score' }],
    },
    {
      text: 'Conforme a las disposiciones contractuales previamente comunicadas, la administración correspondiente necesitará documentación complementaria extraordinariamente detallada.',
      context: { locale: 'es' },
      findings: [{ message: 'Fernández-Huerta score' }],
    },
    {
      text: 'Conformemente alle disposizioni contrattuali precedentemente comunicate, l\'amministrazione richiederà documentazione supplementare straordinariamente dettagliata.',
      context: { locale: 'it' },
      findings: [{ message: 'Gulpease score' }],
    },
    {
      text: 'La consegna del tuo ordine, che abbiamo preparato con cura nel nostro magazzino principale di Milano dopo aver verificato ogni singolo articolo, arriverà probabilmente entro la fine della prossima settimana lavorativa.',
      context: { locale: 'it' },
      findings: [{ message: 'hard to read sentence' }],
    },
  ],
});
