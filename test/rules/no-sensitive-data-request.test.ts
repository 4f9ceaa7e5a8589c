import rule from '../../rules/no-sensitive-data-request.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);

const l = (locale: string) => ({ locale });

runRuleTester(rule, {
  valid: [
    // English
    { text: "We'll send your new PIN by post.", name: 'the business sends a PIN' },
    { text: 'Let us know if your card details changed.', name: 'a condition, not a request' },
    { text: 'Please keep your PIN safe.' },
    { text: 'Please send us your card details via our secure payment link.', name: 'through a secure page, not the chat' },
    { text: 'What is your order number?' },
    { text: 'What is a CVV? The 3 digits on the back of your card.', name: 'explaining, not asking' },
    { text: 'Was ist eine TAN?', context: l('de-DE'), name: 'de: explaining, not asking' },
    { text: 'Please reply with your account email.' },
    { text: 'Please confirm your password has been changed.' },
    { text: 'Please send us a gift card number.', name: 'a gift card is not a payment card' },
    { text: 'Enter the verification code on the website.', name: 'entering a code on the website is not in chat' },
    { text: 'Use code SAVE10 at checkout.', name: 'a discount code is not a one-time code' },
    { text: 'Your code is {{1}}. For your security, do not share this code.', context: { channel: 'whatsapp', category: 'AUTHENTICATION' } },
    { text: 'Please send us your code.', context: { channel: 'whatsapp', category: 'AUTHENTICATION' }, name: 'one-time codes are not checked in AUTHENTICATION templates' },
    // Italian
    { text: 'Inviaci le ultime 4 cifre della carta.', context: l('it-IT') },
    { text: 'Non condividere mai il tuo PIN con nessuno.', context: l('it-IT') },
    { text: 'Ti invieremo un nuovo PIN per posta.', context: l('it-IT') },
    { text: 'Il tuo codice di verifica è {{1}}.', context: l('it-IT') },
    { text: 'Confermaci che il tuo IBAN è corretto.', context: l('it-IT'), name: 'it: “che” ends the request' },
    // French
    { text: 'Envoyez-nous les 4 derniers chiffres de votre carte.', context: l('fr-FR') },
    { text: 'Ne communiquez jamais votre code confidentiel.', context: l('fr-FR') },
    { text: 'Nous vous enverrons un nouveau code PIN.', context: l('fr-FR') },
    // Spanish
    { text: 'Envíanos los últimos 4 dígitos de tu tarjeta.', context: l('es-ES') },
    { text: 'Nunca compartas tu PIN.', context: l('es-ES') },
    { text: 'Te enviaremos un nuevo PIN por correo.', context: l('es-ES') },
    // German
    { text: 'Senden Sie uns die letzten 4 Ziffern Ihrer Karte.', context: l('de-DE') },
    { text: 'Geben Sie Ihre PIN niemals weiter.', context: l('de-DE') },
    { text: 'Wir senden Ihnen eine neue PIN per Post.', context: l('de-DE') },
    { text: 'Ihr Bestätigungscode lautet {{1}}.', context: l('de-DE') },
    // Finnish
    { text: 'Lähetä meille korttinumerosi neljä viimeistä numeroa.', context: l('fi-FI') },
    { text: 'Älä koskaan kerro PIN-koodiasi kenellekään.', context: l('fi-FI') },
    { text: 'Lähetämme sinulle uuden PIN-koodin postitse.', context: l('fi-FI') },
    { text: 'Vahvistuskoodisi on {{1}}.', context: l('fi-FI') },
  ],
  invalid: [
    { text: 'Your card number, please.', findings: [{ message: 'Request for a card number', actual: 'card number' }] },
    { text: 'Could you share your IBAN so we can refund you?', findings: [{ message: 'Request for bank account details', actual: 'IBAN' }] },
    { text: "What's your social security number?", findings: [{ message: 'Request for a national ID number', actual: 'social security number' }] },
    { text: 'Please type the code you received by SMS.', findings: [{ message: 'Request for a one-time code', actual: 'code you received' }] },
    { text: 'Send your password to reset the account.', findings: [{ message: 'Request for a password', actual: 'password' }] },
    // Italian
    {
      text: 'Inviaci il numero completo della carta di credito e il CVV.',
      context: l('it-IT'),
      findings: [
        { message: 'card number', actual: 'numero completo della carta di credito' },
        { message: 'security code', actual: 'CVV' },
      ],
    },
    { text: 'Qual è il tuo codice fiscale?', context: l('it-IT'), findings: [{ message: 'national ID', actual: 'codice fiscale' }] },
    { text: 'Inviaci il numero della carta d’identità.', context: l('it-IT'), name: 'it: the longest data phrase wins', findings: [{ message: 'national ID', actual: 'numero della carta d’identità' }] },
    { text: 'Per favore, comunicaci il codice che ti abbiamo inviato via SMS.', context: l('it-IT'), findings: [{ message: 'one-time code', actual: 'codice che ti abbiamo inviato' }] },
    // French
    {
      text: 'Envoyez-nous votre numéro de carte bancaire et le cryptogramme.',
      context: l('fr-FR'),
      findings: [
        { message: 'card number', actual: 'numéro de carte bancaire' },
        { message: 'security code', actual: 'cryptogramme' },
      ],
    },
    { text: 'Quel est votre mot de passe ?', context: l('fr-FR'), findings: [{ message: 'password', actual: 'mot de passe' }] },
    { text: 'Pouvez-vous nous communiquer votre RIB ?', context: l('fr-FR'), findings: [{ message: 'bank account', actual: 'RIB' }] },
    // Spanish
    { text: 'Envíanos el número de tu tarjeta y el CVV.', context: l('es-ES'), findings: [{ message: 'card number', actual: 'número de tu tarjeta' }, { message: 'security code', actual: 'CVV' }] },
    { text: '¿Nos puedes facilitar tu DNI?', context: l('es-ES'), findings: [{ message: 'national ID', actual: 'DNI' }] },
    { text: 'Dinos el código que te hemos enviado por SMS.', context: l('es-ES'), findings: [{ message: 'one-time code', actual: 'código que te hemos enviado' }] },
    // German
    {
      text: 'Bitte senden Sie uns Ihre Kreditkartennummer und die Prüfnummer.',
      context: l('de-DE'),
      findings: [
        { message: 'card number', actual: 'Kreditkartennummer' },
        { message: 'security code', actual: 'Prüfnummer' },
      ],
    },
    { text: 'Wie lautet Ihr Passwort?', context: l('de-DE'), findings: [{ message: 'password', actual: 'Passwort' }] },
    { text: 'Bitte schicken Sie uns Ihre Steuer-ID.', context: l('de-DE'), findings: [{ message: 'national ID', actual: 'Steuer-ID' }] },
    // Finnish
    { text: 'Lähetä meille korttisi numero ja turvakoodi.', context: l('fi-FI'), findings: [{ message: 'card number', actual: 'korttisi numero' }, { message: 'security code', actual: 'turvakoodi' }] },
    { text: 'Mikä on salasanasi?', context: l('fi-FI'), findings: [{ message: 'password', actual: 'salasanasi' }] },
    { text: 'Kerro henkilötunnuksesi.', context: l('fi-FI'), findings: [{ message: 'national ID', actual: 'henkilötunnuksesi' }] },
  ],
});
