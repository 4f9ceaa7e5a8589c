import rule from '../../rules/one-time-notification-topic.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);

const otn = (topic: string, locale = 'en') => ({ kind: 'otn', topic, locale });

runRuleTester(rule, {
  valid: [
    { text: 'The price of your saved sneakers has dropped.', context: otn('price drop') },
    { text: 'Our dresses are here.', context: otn('summer dress restock'), name: 'light stemming: dresses ~ dress' },
    { text: 'Your webinar starts in one hour: join here.', context: otn('webinar on March 3') },
    { text: 'Check out our new collection!', context: { kind: 'otn' }, name: 'no topic: nothing to compare' },
    { text: 'Anything at all.', context: otn('updates'), name: 'a topic of generic words only' },
    { text: 'Back in stock!', context: { ...otn('restock'), component: 'otn_title' }, name: 'the opt-in title is left to platform-limits' },
    { text: 'Notify me', context: { ...otn('restock'), component: 'quick_reply' } },
    { text: 'Your spring sale starts now.', context: otn('Spring-Sale'), options: { keywords: { 'spring sale': ['sale'] } }, name: 'keywords by normalised topic' },
    { text: 'Olá, novidades!', context: otn('back_in_stock', 'pt-BR'), name: 'no lexicon for the language' },
    // the other languages
    { text: 'La felpa che cercavi è di nuovo disponibile!', context: otn('back_in_stock', 'it-IT') },
    { text: 'Le felpe Coastie sono arrivate.', context: otn('felpa Coastie', 'it-IT') },
    { text: 'Le sweat que vous vouliez est de nouveau disponible !', context: otn('back_in_stock', 'fr-FR') },
    { text: 'Les robes d’été sont arrivées.', context: otn('robe d’été', 'fr-FR') },
    { text: '¡La sudadera que buscabas está de nuevo disponible!', context: otn('back_in_stock', 'es-ES') },
    { text: 'Los vestidos de verano ya han llegado.', context: otn('vestido de verano', 'es-ES') },
    { text: 'Der Hoodie ist wieder verfügbar!', context: otn('back_in_stock', 'de-DE') },
    { text: 'Die Sommerkleider sind da.', context: otn('Sommerkleid', 'de-DE') },
    { text: 'Huppari on taas saatavilla!', context: otn('back_in_stock', 'fi-FI') },
    { text: 'Kesämekot ovat saapuneet.', context: otn('kesämekko', 'fi-FI'), name: 'fi: consonant gradation (mekko/mekot)' },
  ],
  invalid: [
    { text: 'New arrivals this week!', context: otn('price drop'), name: 'a “drop” is not a price drop', findings: [{ message: 'does not match the topic `price drop`', actual: 'New arrivals this week!' }] },
    { text: 'Hello from the team.', context: { ...otn('order update'), channel: 'instagram' }, findings: [{ message: 'not available on Instagram' }] },
    { text: 'Scopri la nostra nuova collezione estiva!', context: otn('back_in_stock', 'it-IT'), findings: [{ message: '`back_in_stock`' }] },
    { text: 'Saldi estivi su tutto!', context: otn('felpa Coastie', 'it-IT'), findings: [{ message: 'none of `felpa`, `Coastie`' }] },
    { text: 'Découvrez notre nouvelle collection d’été !', context: otn('back_in_stock', 'fr-FR'), findings: [{ message: '`back_in_stock`' }] },
    { text: 'Soldes sur tout le site !', context: otn('robe d’été', 'fr-FR'), findings: [{ message: 'does not match the topic' }] },
    { text: '¡Rebajas en toda la tienda!', context: otn('vestido de verano', 'es-ES'), findings: [{ message: 'none of `vestido`, `verano`' }] },
    { text: 'Entdecken Sie unsere neue Sommerkollektion!', context: otn('back_in_stock', 'de-DE'), findings: [{ message: '`back_in_stock`' }] },
    { text: 'Sale im ganzen Shop!', context: otn('Sommerkleid', 'de-DE'), findings: [{ message: 'none of `Sommerkleid`' }] },
    { text: 'Ale koko kaupassa!', context: otn('kesämekko', 'fi-FI'), findings: [{ message: 'none of `kesämekko`' }] },
  ],
});
