import rule from '../../rules/set-expectations.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);

const away = (locale: string) => ({ kind: 'away', locale });
const plain = (locale: string) => ({ locale });

runRuleTester(rule, {
  valid: [
    // English
    { text: 'Thank you for your message. We will get back to you on Monday.', context: away('en') },
    { text: 'Thanks for reaching out! Our opening hours are Mon-Fri 9:00-17:00.', context: away('en') },
    { text: 'Thanks for your message! For urgent issues call +44 20 7946 0958.', context: away('en'), name: 'a phone number is another channel' },
    { text: 'We have received your request and will reply by tomorrow noon.', context: { kind: 'greeting', extra: { automated: true } }, name: 'an automated greeting' },
    { text: 'Hi! How can we help?', context: { kind: 'greeting' }, name: 'a greeting that is not automated is not checked' },
    { text: 'Please reply as soon as possible to confirm your slot.', name: 'the customer is asked to reply' },
    { text: 'Reply soon to keep your slot!', name: 'an imperative reply verb asks the customer' },
    { text: 'Vastaa pian, niin varaus pysyy voimassa.', context: plain('fi-FI'), name: 'fi: an imperative reply verb' },
    { text: 'See you soon!', context: plain('en') },
    { text: 'Your parcel will arrive shortly.', context: plain('en') },
    { text: 'Thanks for your message! We are away.', context: { kind: 'away', component: 'quick_reply' }, name: 'quick replies are not checked' },
    // Italian
    { text: 'Grazie per il tuo messaggio! Ti risponderemo entro 2 ore.', context: away('it-IT') },
    { text: 'Grazie per il messaggio! Siamo aperti lun-ven dalle 9 alle 18.', context: away('it-IT') },
    { text: 'Grazie per averci scritto. Per urgenze chiamaci al numero verde.', context: away('it-IT') },
    { text: 'Il pacco arriverà a breve.', context: plain('it-IT'), name: 'it: a parcel, not a reply' },
    { text: 'Ti risponderemo entro domani, il prima possibile.', context: plain('it-IT') },
    // French
    { text: 'Merci pour votre message ! Nous vous répondrons sous 24 h.', context: away('fr-FR') },
    { text: 'Nous avons bien reçu votre demande. Consultez notre centre d’aide en attendant.', context: away('fr-FR') },
    { text: 'Votre colis arrivera bientôt.', context: plain('fr-FR'), name: 'fr: a parcel, not a reply' },
    // Spanish
    { text: '¡Gracias por tu mensaje! Te responderemos en 24 horas.', context: away('es-ES') },
    { text: 'Hemos recibido tu consulta. Nuestro horario de atención es de lunes a viernes.', context: away('es-ES') },
    { text: 'Tu pedido llegará pronto.', context: plain('es-ES'), name: 'es: an order, not a reply' },
    // German
    { text: 'Danke für Ihre Nachricht! Wir melden uns innerhalb von 24 Stunden.', context: away('de-DE') },
    { text: 'Vielen Dank für Ihre Nachricht. Wir sind morgen ab 9 Uhr wieder für Sie da.', context: away('de-DE') },
    { text: 'Ihr Paket kommt bald an.', context: plain('de-DE'), name: 'de: a parcel, not a reply' },
    // Finnish
    { text: 'Kiitos viestistäsi! Vastaamme 24 tunnin kuluessa.', context: away('fi-FI') },
    { text: 'Kiitos viestistä! Olemme avoinna ma–pe klo 9–17.', context: away('fi-FI') },
    { text: 'Pakettisi saapuu pian.', context: plain('fi-FI'), name: 'fi: a parcel, not a reply' },
    { text: 'Olemme poissa.', context: away('pt-BR'), name: 'no lexicon for the language: nothing to judge by' },
  ],
  invalid: [
    {
      text: 'Hi! We are closed. We will reply as soon as possible.',
      context: away('en'),
      findings: [
        { message: 'does not acknowledge receipt', actual: 'Hi!' },
        { message: 'Vague promise `reply as soon as possible`', actual: 'reply as soon as possible' },
      ],
    },
    {
      text: 'Thanks for your message. See you soon!',
      context: away('en'),
      name: 'a goodbye is not a reply time',
      findings: [{ message: 'does not say when a person will answer', actual: 'See you soon!' }],
    },
    {
      text: 'Our team will contact you shortly.',
      findings: [{ message: 'Vague promise `contact you shortly` without a concrete time', actual: 'contact you shortly' }],
    },
    {
      text: 'Thanks for your message!',
      context: { kind: 'greeting', extra: { automated: true } },
      findings: [{ message: 'Automated reply does not say when a person will answer' }],
    },
    // Italian
    {
      text: 'Siamo fuori ufficio. Ti risponderemo al più presto.',
      context: away('it-IT'),
      findings: [
        { message: 'does not acknowledge receipt', actual: 'Siamo fuori ufficio.' },
        { message: 'Vague promise', actual: 'risponderemo al più presto' },
      ],
    },
    {
      text: 'Grazie per il tuo messaggio. A presto!',
      context: away('it-IT'),
      findings: [{ message: 'does not say when a person will answer', actual: 'A presto!' }],
    },
    {
      text: 'Grazie per il tuo interesse. Ti risponderemo a breve con maggiori informazioni.',
      context: plain('it-IT'),
      findings: [{ message: 'Vague promise `risponderemo a breve`', actual: 'risponderemo a breve' }],
    },
    // French
    {
      text: 'Nous sommes absents. Nous vous répondrons dès que possible.',
      context: away('fr-FR'),
      findings: [{ message: 'does not acknowledge receipt' }, { message: 'Vague promise', actual: 'répondrons dès que possible' }],
    },
    {
      text: 'Merci de nous avoir contactés. Nos bureaux sont fermés.',
      context: away('fr-FR'),
      findings: [{ message: 'does not say when a person will answer', actual: 'Nos bureaux sont fermés.' }],
    },
    {
      text: 'Merci pour votre intérêt. Nous reviendrons vers vous rapidement.',
      context: plain('fr-FR'),
      findings: [{ message: 'Vague promise', actual: 'reviendrons vers vous rapidement' }],
    },
    // Spanish
    {
      text: 'Estamos fuera de la oficina. Te responderemos lo antes posible.',
      context: away('es-ES'),
      findings: [{ message: 'does not acknowledge receipt' }, { message: 'Vague promise', actual: 'responderemos lo antes posible' }],
    },
    {
      text: 'Gracias por tu mensaje. ¡Hasta pronto!',
      context: away('es-ES'),
      findings: [{ message: 'does not say when a person will answer', actual: '¡Hasta pronto!' }],
    },
    {
      text: 'Gracias por su interés. Seguiremos en breve con más información.',
      context: plain('es-ES'),
      findings: [{ message: 'Vague promise', actual: 'Seguiremos en breve' }],
    },
    // German
    {
      text: 'Wir sind gerade nicht erreichbar. Wir melden uns so schnell wie möglich.',
      context: away('de-DE'),
      findings: [{ message: 'does not acknowledge receipt' }, { message: 'Vague promise', actual: 'melden uns so schnell wie möglich' }],
    },
    {
      text: 'Guten Morgen! Danke für Ihre Nachricht. Bis bald!',
      context: away('de-DE'),
      name: 'de: “Guten Morgen” is not a time',
      findings: [{ message: 'does not say when a person will answer', actual: 'Bis bald!' }],
    },
    {
      text: 'Sie erhalten in Kürze eine Antwort.',
      context: plain('de-DE'),
      name: 'de: the vague time before the reply noun',
      findings: [{ message: 'Vague promise', actual: 'in Kürze eine Antwort' }],
    },
    // Finnish
    {
      text: 'Olemme poissa. Vastaamme mahdollisimman pian.',
      context: away('fi-FI'),
      findings: [{ message: 'does not acknowledge receipt' }, { message: 'Vague promise', actual: 'Vastaamme mahdollisimman pian' }],
    },
    {
      text: 'Kiitos yhteydenotostasi. Toimistomme on suljettu.',
      context: away('fi-FI'),
      findings: [{ message: 'does not say when a person will answer', actual: 'Toimistomme on suljettu.' }],
    },
    {
      text: 'Palaamme asiaan pian.',
      context: plain('fi-FI'),
      findings: [{ message: 'Vague promise', actual: 'Palaamme asiaan pian' }],
    },
  ],
});

runRuleTester(rule, {
  valid: [{ text: 'We will follow up shortly with more info.', options: { everywhere: false }, name: 'everywhere: false checks away messages only' }],
  invalid: [],
});
