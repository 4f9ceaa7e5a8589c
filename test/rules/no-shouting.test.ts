import rule from '../../rules/no-shouting.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);

const l = (locale: string) => ({ locale });

runRuleTester(rule, {
  valid: [
    { text: 'Reply STOP to opt out. See our FAQ or call the SMS line.', name: 'acronyms of up to 4 letters' },
    { text: 'Your NIVEA order is ready.', words: ['NIVEA'], name: 'project words' },
    { text: 'Your order from ADIDAS is ready.', options: { allow: ['adidas'] }, name: 'allow is case-insensitive' },
    { text: 'Use code SUMMER2024 or COVID-19 rules apply.', name: 'codes with digits' },
    { text: 'Hi {{FIRST_NAME}}, visit https://EXAMPLE.COM/SALE', name: 'placeholders and links are not prose' },
    { text: 'Really?!', name: 'a lone interrobang' },
    { text: 'Thanks! See you soon!', name: 'single marks' },
    { text: 'Original Coast Clothing™ © 2024', name: '™ and © are text, not emoji' },
    { text: '👨‍👩‍👧 🇮🇹 ok 👍', name: 'a ZWJ family and a flag count as one emoji each' },
    { text: `${'Long message. '.repeat(12)}🎉🎉🎉🎉🎉`, name: 'the emoji budget applies to short messages only' },
    { text: 'Great!! Thanks', options: { maxPunctuation: 2 } },
    { text: 'IMPORTANT notice', options: { acronymLength: 10 }, name: 'acronymLength raised' },
    // the other languages
    { text: 'Il tuo ordine IKEA è pronto. Leggi le FAQ.', context: l('it-IT') },
    { text: 'Votre commande SNCF est confirmée.', context: l('fr-FR') },
    { text: '¡Hola! ¿Qué tal?', context: l('es-ES'), name: 'es: opening and closing marks are not a run' },
    { text: 'Ihre Bestellung bei OTTO ist da. Ihre IBAN bleibt gleich.', context: l('de-DE') },
    { text: 'Tilaa VR:n lippu nyt.', context: l('fi-FI') },
  ],
  invalid: [
    { text: 'FAQ: PLEASE READ', findings: [{ message: 'Words in capitals `FAQ: PLEASE READ`', actual: 'FAQ: PLEASE READ' }] },
    { text: 'Welcome to ADIDAS RUNNERS CLUB', options: { allow: ['ADIDAS'] }, findings: [{ message: '`RUNNERS CLUB`', actual: 'RUNNERS CLUB' }] },
    { text: 'Check the T-SHIRT size', findings: [{ message: '`T-SHIRT`', actual: 'T-SHIRT' }] },
    { text: 'What?!?', findings: [{ message: 'Repeated punctuation `?!?`', actual: '?!?' }] },
    { text: 'Wow‼', findings: [{ message: 'Repeated punctuation', actual: '‼' }] },
    { text: 'Done ✅✅✅✅', findings: [{ message: '4 emoji', actual: '✅' }] },
    { text: 'Great 🎉🎉', options: { maxEmoji: 1 }, findings: [{ message: '2 emoji', actual: '🎉' }] },
    { text: 'SPEDIZIONE GRATUITA solo oggi!!', context: l('it-IT'), findings: [{ message: '`SPEDIZIONE GRATUITA`' }, { message: '`!!`' }] },
    { text: 'LIVRAISON OFFERTE !!!', context: l('fr-FR'), findings: [{ message: '`LIVRAISON OFFERTE`' }, { message: '`!!!`' }] },
    { text: '¡¡ENVÍO GRATIS!!', context: l('es-ES'), findings: [{ message: '`¡¡`' }, { message: '`ENVÍO GRATIS`' }, { message: '`!!`' }] },
    { text: 'KOSTENLOSER VERSAND nur heute!', context: l('de-DE'), findings: [{ message: '`KOSTENLOSER VERSAND`', actual: 'KOSTENLOSER VERSAND' }] },
    { text: 'ÄLÄ ODOTA – tilaa nyt!', context: l('fi-FI'), findings: [{ message: '`ÄLÄ ODOTA`', actual: 'ÄLÄ ODOTA' }] },
  ],
});
