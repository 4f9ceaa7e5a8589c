import { describe, expect, it } from 'vitest';
import rule, { isNamePlaceholder } from '../../rules/personalize-greeting.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);

describe('isNamePlaceholder', () => {
  it.each(['first_name', 'firstName', 'user_first_name', 'userFirstName', 'userName', 'name', 'user.name', 'RandomName()', 'nome', 'prénom', 'nombre', 'Vorname', 'etunimi', 'customer_name'])('%s is the name', (n) => {
    expect(isNamePlaceholder(n)).toBe(true);
  });
  it.each(['agentFirstName', 'agent_name', 'company_name', 'storeName', '1', 'message', 'topic', 'order_id', 'nome_azienda'])('%s is not', (n) => {
    expect(isNamePlaceholder(n)).toBe(false);
  });
});

const g = (locale: string) => ({ kind: 'greeting', locale });

runRuleTester(rule, {
  valid: [
    { text: 'Hey ${user.name}, welcome back', context: g('en') },
    { text: 'Hi {{userName}}, how can we help you today?', context: g('en') },
    { text: 'Dear {customer}, welcome!', context: g('en'), name: 'a variable right after the greeting word' },
    { text: "You're welcome!", context: g('en'), name: 'thanks answered, not a greeting (Rasa utter_welcome)' },
    { text: 'How can we help today?', context: g('en'), name: 'no greeting at all: require-greeting reports that' },
    { text: 'Hi there!', context: { kind: 'greeting', component: 'quick_reply' }, name: 'quick replies are not checked' },
    { text: 'Olá {{1}}!', context: g('pt-BR'), name: 'no lexicon: a positional variable may be the name' },
    { text: 'Ciao {{nome}}, benvenuto!', context: g('it-IT') },
    { text: 'Ciao {{1}}!', context: { ...g('it-IT'), channel: 'whatsapp' } },
    { text: 'Bonjour {{prénom}} !', context: g('fr-FR') },
    { text: 'Bonjour {{1}} !', context: g('fr-FR') },
    { text: '¡Hola {{nombre}}!', context: g('es-ES') },
    { text: 'Hola {{1}}', context: g('es-ES') },
    { text: 'Hallo {{Vorname}}!', context: g('de-DE') },
    { text: 'Hallo {{1}}, willkommen!', context: g('de-DE') },
    { text: 'Hei {{etunimi}}!', context: g('fi-FI') },
    { text: 'Moi {{1}}!', context: g('fi-FI') },
  ],
  invalid: [
    { text: 'Hi {{agentFirstName}} here, how can I help?', context: g('en'), name: "the agent's name is not the person's", findings: [{ message: "does not use the person's name", actual: 'Hi' }] },
    { text: 'Welcome back!', context: g('en'), findings: [{ message: '`{{first_name}}`', actual: 'Welcome' }] },
    { text: 'Hi! Your order {{1}} is ready.', context: { ...g('en'), channel: 'whatsapp' }, name: 'a positional variable elsewhere is not the name', findings: [{ message: '`{{1}}`', actual: 'Hi' }] },
    { text: 'Ciao! Come possiamo aiutarti?', context: g('it-IT'), findings: [{ message: "does not use the person's name", actual: 'Ciao' }] },
    { text: 'Bonjour ! Comment pouvons-nous vous aider ?', context: g('fr-FR'), findings: [{ message: "does not use the person's name", actual: 'Bonjour' }] },
    { text: '¡Hola! ¿En qué podemos ayudarte?', context: g('es-ES'), findings: [{ message: "does not use the person's name", actual: 'Hola' }] },
    { text: 'Hallo {{agent_name}}!', context: g('de-DE'), findings: [{ message: "does not use the person's name", actual: 'Hallo' }] },
    { text: 'Hei! Miten voimme auttaa?', context: g('fi-FI'), findings: [{ message: "does not use the person's name", actual: 'Hei' }] },
  ],
});
