import rule from '../../rules/no-third-party-forwarding.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);

const l = (locale: string) => ({ locale });

runRuleTester(rule, {
  valid: [
    // English
    { text: 'Do you agree that we pass your address to the courier?' },
    { text: 'With your permission, we will share your address with DHL.' },
    { text: "We've sent you the courier's number.", name: 'the courier’s data goes to the customer' },
    { text: 'The courier will pass your details to us.', name: 'the third party is the sender' },
    { text: 'Please share your number with the courier.', name: 'an imperative to the customer' },
    { text: "I've shared your feedback with our team.", name: 'internal: our team' },
    { text: 'Your details will not be shared with third parties.' },
    { text: 'We have passed your parcel to the carrier.', name: 'a parcel is not data' },
    // Italian
    { text: "Posso condividere il tuo numero d'ordine con il corriere?", context: l('it-IT') },
    { text: 'Ho girato la tua richiesta a un collega.', context: l('it-IT'), name: 'it: internal handoff' },
    { text: 'Non condividiamo mai i tuoi dati con terze parti.', context: l('it-IT') },
    { text: 'Il tuo pacco è stato consegnato al corriere.', context: l('it-IT'), name: 'it: a parcel' },
    { text: 'Puoi condividere il link di tracciamento con il corriere.', context: l('it-IT'), name: 'it: the customer shares' },
    { text: 'Con il tuo consenso, comunicheremo il tuo indirizzo a BRT.', context: l('it-IT') },
    // French
    { text: 'Puis-je partager votre numéro de commande avec le transporteur ?', context: l('fr-FR') },
    { text: "J'ai transmis votre demande à un collègue.", context: l('fr-FR'), name: 'fr: internal handoff' },
    { text: 'Nous ne partageons jamais vos données avec des tiers.', context: l('fr-FR') },
    { text: 'Votre colis a été remis au transporteur.', context: l('fr-FR'), name: 'fr: a parcel' },
    { text: 'Vous pouvez partager le lien de suivi avec le livreur.', context: l('fr-FR'), name: 'fr: the customer shares' },
    { text: 'Avec votre accord, nous communiquerons votre adresse à Colissimo.', context: l('fr-FR') },
    // Spanish
    { text: '¿Puedo compartir tu número de pedido con el transportista?', context: l('es-ES') },
    { text: 'He pasado tu consulta a un compañero.', context: l('es-ES'), name: 'es: internal handoff' },
    { text: 'Nunca compartimos tus datos con terceros.', context: l('es-ES') },
    { text: 'Tu paquete ha sido entregado al transportista.', context: l('es-ES'), name: 'es: a parcel' },
    { text: 'Puedes compartir el enlace de seguimiento con el repartidor.', context: l('es-ES'), name: 'es: the customer shares' },
    { text: 'Si estás de acuerdo, facilitaremos tu dirección a SEUR.', context: l('es-ES') },
    // German
    { text: 'Dürfen wir Ihre Bestellnummer an den Paketdienst weitergeben?', context: l('de-DE') },
    { text: 'Ich habe Ihre Anfrage an einen Kollegen weitergeleitet.', context: l('de-DE'), name: 'de: internal handoff' },
    { text: 'Wir geben Ihre Daten niemals an Dritte weiter.', context: l('de-DE') },
    { text: 'Ihr Paket wurde an den Paketdienst übergeben.', context: l('de-DE'), name: 'de: a parcel' },
    { text: 'Sie können Ihre Nummer mit dem Kurier teilen.', context: l('de-DE'), name: 'de: the customer shares' },
    { text: 'Geben Sie Ihre Nummer an den Kurier weiter.', context: l('de-DE'), name: 'de: an imperative' },
    { text: 'Mit Ihrer Zustimmung geben wir Ihre Adresse an DHL weiter.', context: l('de-DE') },
    { text: 'Der Kurier hat uns Ihre Nachricht weitergeleitet.', context: l('de-DE'), name: 'de: the third party is the sender' },
    // Finnish
    { text: 'Saammeko jakaa tilausnumerosi kuljetusyhtiölle?', context: l('fi-FI') },
    { text: 'Välitin kysymyksesi kollegalleni.', context: l('fi-FI'), name: 'fi: internal handoff' },
    { text: 'Emme koskaan luovuta tietojasi kolmansille osapuolille.', context: l('fi-FI') },
    { text: 'Pakettisi on luovutettu kuljetusyhtiölle.', context: l('fi-FI'), name: 'fi: a parcel' },
    { text: 'Voit jakaa seurantalinkin kuljettajan kanssa.', context: l('fi-FI'), name: 'fi: the customer shares' },
    { text: 'Luvallasi välitämme osoitteesi Postille.', context: l('fi-FI') },
  ],
  invalid: [
    {
      text: "We'll give the courier your phone number.",
      findings: [{ message: 'passed to a third party', actual: 'give the courier your phone number' }],
    },
    {
      text: 'Your details have been passed to our delivery partner.',
      findings: [{ message: 'passed to a third party', actual: 'Your details have been passed to our delivery partner' }],
    },
    {
      text: 'We have forwarded your complaint to the manufacturer. Do you have any other questions?',
      name: 'a later question does not ask permission for the earlier statement',
      findings: [{ message: 'passed to a third party', actual: 'forwarded your complaint to the manufacturer' }],
    },
    // Italian
    { text: 'Abbiamo inoltrato il tuo messaggio al nostro corriere.', context: l('it-IT'), findings: [{ message: 'third party', actual: 'inoltrato il tuo messaggio al nostro corriere' }] },
    { text: 'I tuoi dati sono stati trasmessi al nostro partner logistico.', context: l('it-IT'), findings: [{ message: 'third party', actual: 'I tuoi dati sono stati trasmessi al nostro partner' }] },
    { text: 'Abbiamo comunicato al corriere il tuo numero di telefono.', context: l('it-IT'), findings: [{ message: 'third party', actual: 'comunicato al corriere il tuo numero' }] },
    // French
    { text: 'Nous avons transmis votre message à notre partenaire de livraison.', context: l('fr-FR'), findings: [{ message: 'third party', actual: 'transmis votre message à notre partenaire' }] },
    { text: 'Vos coordonnées ont été transmises à notre partenaire.', context: l('fr-FR'), findings: [{ message: 'third party', actual: 'Vos coordonnées ont été transmises à notre partenaire' }] },
    // Spanish
    { text: 'Compartiremos tu número con el transportista.', context: l('es-ES'), findings: [{ message: 'third party', actual: 'Compartiremos tu número con el transportista' }] },
    { text: 'Tus datos han sido facilitados a nuestra empresa de mensajería.', context: l('es-ES'), findings: [{ message: 'third party', actual: 'Tus datos han sido facilitados a nuestra empresa de mensajería' }] },
    // German
    { text: 'Wir haben Ihre Nachricht an unseren Lieferpartner weitergeleitet.', context: l('de-DE'), findings: [{ message: 'third party', actual: 'Ihre Nachricht an unseren Lieferpartner weitergeleitet' }] },
    { text: 'Wir geben Ihre Telefonnummer an den Kurier weiter.', context: l('de-DE'), findings: [{ message: 'third party', actual: 'geben Ihre Telefonnummer an den Kurier' }] },
    // Finnish
    { text: 'Välitimme viestisi kuljetuskumppanillemme.', context: l('fi-FI'), findings: [{ message: 'third party', actual: 'Välitimme viestisi kuljetuskumppanillemme' }] },
    { text: 'Yhteystietosi on välitetty kuljetuskumppanillemme.', context: l('fi-FI'), findings: [{ message: 'third party', actual: 'Yhteystietosi on välitetty kuljetuskumppanillemme' }] },
  ],
});
