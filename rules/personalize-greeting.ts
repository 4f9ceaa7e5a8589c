// personalize-greeting: a greeting should use the person's name placeholder.
import type { Placeholder } from '../src/types.js';
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { loadLexicon } from '../src/language/lexicon.js';
import { tokenize, type Token } from '../src/language/tokens.js';
import { namePlaceholder } from './support.js';
import { wordSentences } from './set-expectations.js';

// Parts of a placeholder name that make it the person's name, in the six languages and the
// usual spellings: first_name, firstName, user_first_name, userName, name, nome, prénom,
// nombre, Vorname, etunimi (and `fname`, `given_name`).
const NAME_PARTS = new Set(['name', 'firstname', 'fname', 'givenname', 'nome', 'nom', 'prenom', 'nombre', 'vorname', 'etunimi', 'nimi', 'username', 'customername']);
// Names that belong to someone or something else: `{{agentFirstName}}`, `{{company_name}}`.
const NOT_THE_PERSON = new Set([
  'agent', 'operator', 'staff', 'employee', 'rep', 'representative', 'advisor', 'adviser', 'host', 'sender', 'bot', 'assistant',
  'company', 'business', 'brand', 'shop', 'store', 'merchant', 'seller', 'partner', 'page', 'team', 'product', 'item', 'file',
  'event', 'plan', 'city', 'street', 'place', 'venue', 'restaurant', 'hotel', 'app', 'course', 'doctor', 'skill', 'dialog', 'intent',
  'azienda', 'negozio', 'prodotto', 'entreprise', 'boutique', 'produit', 'empresa', 'tienda', 'producto', 'firma', 'produkt', 'yritys', 'tuote',
]);

function words(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\(.*$/su, '') // `RandomName()` → `RandomName`
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2') // camelCase → camel Case
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
}

/** A variable about someone or something else: `{{agentFirstName}}`, `{{company_name}}`. */
export function isSomeoneElse(name: string): boolean {
  return words(name).some((w) => NOT_THE_PERSON.has(w));
}

/** Is this placeholder the person's name? By the words in its variable name. */
export function isNamePlaceholder(name: string): boolean {
  if (isSomeoneElse(name)) return false;
  const list = words(name);
  const parts = new Set(list);
  for (let i = 0; i + 1 < list.length; i++) parts.add(list[i] + list[i + 1]); // first + name
  return [...parts].some((p) => NAME_PARTS.has(p));
}

function answersThanks(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.norm;
  return prev === "you're" || prev === 'youre' || (prev === 'are' && tokens[i - 2]?.norm === 'you');
}

const CHECKED_COMPONENTS = new Set([undefined, 'text', 'body', 'greeting', 'header', 'button_text']);

export default defineRule({
  meta: {
    id: 'personalize-greeting',
    type: 'suggestion',
    description: "Suggest using the person's name placeholder in greetings (`{{user_first_name}}` in the Messenger profile greeting, `{{1}}` or `{{first_name}}` in templates).",
    rationale:
      "The source articles: greet automatically and personalise with the person's name (FACTS.md, last section). The Messenger profile greeting supports `{{user_first_name}}`; WhatsApp templates and bot frameworks fill variables (FACTS.md, placeholders seen in real content).",
    severity: 'info',
    appliesTo:
      'messages of kind `greeting` and the Messenger profile greeting (component `greeting`); not quick replies, buttons or card titles. A placeholder counts as the name when its variable name says so (first_name, firstName, user_first_name, userName, name, nome, prénom, nombre, Vorname, etunimi…, but not agentFirstName or company_name), or when it comes right after a greeting word (“Hi {{1}}”)',
    languageDependent: true,
    options: {},
    examples: {
      valid: [
        { text: 'Hi {{first_name}}! How can we help today?', context: { kind: 'greeting' } },
        { text: 'Welcome to Original Coast Clothing, {{user_first_name}}!', context: { channel: 'messenger', component: 'greeting' } },
        { text: 'Ciao {{1}}, benvenuto!', context: { kind: 'greeting', channel: 'whatsapp', locale: 'it-IT' }, note: 'A positional variable right after the greeting word.' },
        { text: 'Your order has shipped.', context: { kind: 'update' } },
      ],
      invalid: [
        {
          text: 'Hi there! How can we help today?',
          context: { kind: 'greeting' },
          findings: [{ message: "Greeting does not use the person's name", actual: 'Hi' }],
        },
        {
          text: 'Welcome to Original Coast Clothing! Tap Get Started.',
          context: { channel: 'messenger', component: 'greeting' },
          findings: [{ message: '`{{user_first_name}}`', actual: 'Welcome' }],
        },
      ],
    },
  },
  appliesTo: (data) => (data.context.kind === 'greeting' || data.context.component === 'greeting') && CHECKED_COMPONENTS.has(data.context.component),
  create() {
    return (tree, file) => {
      const data = messageData(file);
      const placeholders: Placeholder[] = data.context.placeholders ?? data.placeholders;
      if (placeholders.some((p) => isNamePlaceholder(p.name))) return;
      const text = String(file.value);
      const greetings = loadLexicon(data.language, 'greetings');
      const tokens = tokenize(text);
      // "You're welcome" answers thanks (Rasa `utter_welcome` is often that): not a greeting.
      const matches = greetings
        ? greetings.match(tokens).filter((m) => m.phrase.label === 'greeting' && !(tokens[m.from].norm === 'welcome' && answersThanks(tokens, m.from)))
        : [];
      if (greetings && matches.length === 0) return; // no greeting at all: `require-greeting` reports that
      // "Hi {{1}}", "Dear {customer}": a variable right after the greeting word is the name.
      const addressed = matches.some((m) => {
        const after = data.raw.slice(m.end);
        const gap = /^[\s,]*/u.exec(after)![0].length;
        return placeholders.some((p) => p.start === m.end + gap && !isSomeoneElse(p.name));
      });
      if (addressed) return;
      // Without a lexicon the greeting word is unknown: a positional variable ("Olá {{1}}") may be the name.
      if (!greetings && placeholders.some((p) => /^\d+$/.test(p.name))) return;
      const span = matches[0] ?? wordSentences(tree, text)[0]; // (no lexicon for this language: the opening)
      const suggestion = namePlaceholder(data.context);
      report(file, {
        start: span.start,
        end: span.end,
        reason: `Greeting does not use the person's name (e.g. \`${suggestion}\`)`,
        help: `Personalise it with the name placeholder, e.g. “${data.raw.slice(span.start, span.end)} ${suggestion}!” (or your bot's variable for the first name).`,
      });
    };
  },
});
