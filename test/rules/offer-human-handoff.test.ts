import rule from '../../rules/offer-human-handoff.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);

const fallback = (locale: string) => ({ kind: 'fallback', locale });
const any = (locale: string) => ({ locale });

runRuleTester(rule, {
  valid: [
    // English
    { text: 'Sorry, I didn\'t understand. Email us at help@example.com', context: fallback('en') },
    { text: "Sorry, I didn't get that. Want to speak with someone from our team?", context: fallback('en') },
    { text: 'Let me know if I didn\'t understand correctly.', context: any('en'), name: 'clarifying in a human conversation' },
    { text: "We didn't get your payment yet.", context: any('en'), name: 'not a fallback: a payment' },
    { text: "Sorry, I don't understand that payment amount.", context: any('en'), name: 'a form re-prompt about one value' },
    { text: "Sorry, I didn't get that. Can you rephrase?", context: { kind: 'fallback', counts: { quickReplies: 2 } }, name: 'quick replies may hold the handoff' },
    { text: 'Talk to an agent', context: { kind: 'fallback', component: 'quick_reply' }, name: 'quick replies are not checked' },
    { text: 'Desculpe, não entendi.', context: fallback('pt-BR'), name: 'no lexicon for the language' },
    // Italian
    { text: "Grazie per averci inviato l'allegato, possiamo metterti in contatto con un agente che lo esamini.", context: fallback('it-IT') },
    { text: 'Non ho capito. Scrivi "operatore" per parlare con una persona.', context: fallback('it-IT') },
    { text: "Se non capisci la fattura, rispondi con il numero d'ordine.", context: any('it-IT'), name: 'it: the customer does not understand' },
    { text: 'Non ho capito bene la consegna di ieri, puoi spiegarmi?', context: any('it-IT'), name: 'it: a human asking about a delivery' },
    // French
    { text: 'Merci d’avoir envoyé cette pièce jointe, nous pouvons vous mettre en relation avec un agent pour son examen.', context: fallback('fr-FR') },
    { text: "Je n'ai pas compris. Appelez-nous au 01 23 45 67 89.", context: fallback('fr-FR') },
    { text: 'Si vous ne comprenez pas la facture, répondez avec votre numéro de commande.', context: any('fr-FR'), name: 'fr: the customer does not understand' },
    // Spanish
    { text: 'Gracias por enviar este archivo adjunto; podemos ponerte en contacto con un agente para que lo revise.', context: fallback('es-ES') },
    { text: 'No te he entendido. Llámanos al 900 123 456.', context: fallback('es-ES') },
    { text: 'Gracias por enviar este archivo adjunto; ahora podemos comunicarte con un agente para que lo revise.', context: fallback('es-419'), name: 'es-LA wording (Original Coast Clothing es_LA)' },
    { text: 'Si no entiendes la factura, responde con tu número de pedido.', context: any('es-ES'), name: 'es: the customer does not understand' },
    { text: 'No entiendo ese importe, ¿puedes escribirlo otra vez?', context: any('es-ES'), name: 'es: a form re-prompt' },
    // German
    { text: 'Vielen Dank für diesen Anhang! Wir können dich zur Prüfung mit einem Mitarbeiter verbinden.', context: fallback('de-DE') },
    { text: 'Das habe ich leider nicht verstanden. Schreiben Sie „Mitarbeiter“, um mit einem Menschen zu sprechen.', context: fallback('de-DE') },
    { text: 'Falls Sie die Rechnung nicht verstehen, antworten Sie mit Ihrer Bestellnummer.', context: any('de-DE'), name: 'de: the customer does not understand' },
    { text: 'Ich habe Ihre Zahlung noch nicht erhalten.', context: any('de-DE'), name: 'de: a payment' },
    // Finnish
    { text: 'En ymmärtänyt. Kirjoita "asiakaspalvelu", niin yhdistämme sinut asiakaspalvelijalle.', context: fallback('fi-FI') },
    { text: 'En ymmärtänyt viestiäsi. Soita meille numeroon 010 123 4567.', context: fallback('fi-FI') },
    { text: 'Jos et ymmärrä laskua, vastaa tilausnumerollasi.', context: any('fi-FI'), name: 'fi: the customer does not understand' },
    { text: 'Emme ole vielä saaneet maksuasi.', context: any('fi-FI'), name: 'fi: a payment' },
  ],
  invalid: [
    {
      text: 'Sorry, but I don’t recognize "{{message}}".',
      context: fallback('en'),
      name: 'Original Coast Clothing fallback.any',
      findings: [{ message: 'Fallback message does not offer', actual: 'I don’t recognize' }],
    },
    {
      text: 'Sorry, I\'m not sure how to respond to that. Type "help" for assistance.',
      context: fallback('en'),
      name: 'a help menu is not a person',
      findings: [{ message: 'Fallback message does not offer', actual: "I'm not sure how to respond" }],
    },
    {
      text: 'Oops, looks like I\'m stuck. Can you try to ask me in a different way?',
      context: any('en'),
      findings: [{ message: 'says the bot did not understand', actual: 'Can you try to ask me in a different way' }],
    },
    {
      text: 'Sorry, that’s not something I can help with yet.',
      context: any('en'),
      findings: [{ message: 'says the bot cannot help', actual: 'that’s not something I can help with' }],
    },
    {
      text: 'We are sorry.',
      context: fallback('en'),
      name: 'a fallback without a recognised phrase is reported at its first sentence',
      findings: [{ message: 'Fallback message does not offer', actual: 'We are sorry.' }],
    },
    // Italian
    { text: 'Spiacente, ma non riconosco "{{message}}".', context: fallback('it-IT'), findings: [{ message: 'Fallback message', actual: 'non riconosco' }] },
    { text: 'Scusa, non ho capito. Puoi riformulare?', context: any('it-IT'), findings: [{ message: 'did not understand', actual: 'non ho capito' }] },
    { text: 'Mi dispiace, non posso aiutarti con questo.', context: any('it-IT'), findings: [{ message: 'cannot help', actual: 'non posso aiutarti con questo' }] },
    // French
    { text: 'Désolé, mais je ne reconnais pas « {{message}} ».', context: fallback('fr-FR'), findings: [{ message: 'Fallback message', actual: 'je ne reconnais pas' }] },
    { text: "Je n'ai pas compris. Pouvez-vous reformuler ?", context: any('fr-FR'), findings: [{ message: 'did not understand', actual: "Je n'ai pas compris" }] },
    { text: 'Je ne peux pas vous aider avec cela.', context: any('fr-FR'), findings: [{ message: 'cannot help', actual: 'Je ne peux pas vous aider avec cela' }] },
    // Spanish
    { text: 'Lo siento, pero no reconozco “{{message}}”.', context: fallback('es-ES'), findings: [{ message: 'Fallback message', actual: 'no reconozco' }] },
    { text: 'No te he entendido. ¿Puedes reformularlo?', context: any('es-ES'), findings: [{ message: 'did not understand', actual: 'No te he entendido' }] },
    { text: 'No puedo ayudarte con eso.', context: any('es-ES'), findings: [{ message: 'cannot help', actual: 'No puedo ayudarte con eso' }] },
    // German
    { text: 'Es tut mir leid, ich kenne „{{message}}“ nicht.', context: fallback('de-DE'), findings: [{ message: 'Fallback message', actual: 'ich kenne „{{message}}“ nicht' }] },
    { text: 'Das habe ich leider nicht verstanden. Können Sie das anders formulieren?', context: any('de-DE'), findings: [{ message: 'did not understand', actual: 'habe ich leider nicht verstanden' }] },
    { text: 'Dabei kann ich Ihnen leider nicht helfen.', context: any('de-DE'), findings: [{ message: 'cannot help', actual: 'Dabei kann ich Ihnen leider nicht helfen' }] },
    // Finnish
    { text: 'En valitettavasti ymmärtänyt. Voisitko muotoilla kysymyksen toisin?', context: fallback('fi-FI'), findings: [{ message: 'Fallback message', actual: 'En valitettavasti ymmärtänyt' }] },
    { text: 'En voi auttaa tässä asiassa.', context: any('fi-FI'), findings: [{ message: 'cannot help', actual: 'En voi auttaa tässä' }] },
  ],
});

runRuleTester(rule, {
  valid: [{ text: "I'm sorry, I'm not able to help with that.", options: { detectByContent: false }, name: 'detectByContent: false checks kind fallback only' }],
  invalid: [
    {
      text: "Sorry, I didn't get that. Can you rephrase?",
      context: { kind: 'fallback', counts: { buttons: 2 } },
      options: { skipWithChoices: false },
      name: 'skipWithChoices: false checks fallbacks with buttons',
      findings: [{ message: 'Fallback message', actual: "I didn't get that" }],
    },
  ],
});
