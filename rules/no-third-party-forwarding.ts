// no-third-party-forwarding: telling the person their message or details were (or will be)
// passed to a third party, without asking first.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { loadList } from '../src/language/lexicon.js';
import { tokenize, type Token } from '../src/language/tokens.js';
import { lexiconLabels, matchLabel, sentenceAt, wordSentences } from './set-expectations.js';

const PROSE_COMPONENTS = new Set([undefined, 'text', 'body', 'button_text', 'subtitle']);

export default defineRule({
  meta: {
    id: 'no-third-party-forwarding',
    type: 'problem',
    description:
      'Disallow telling the person that their conversation or details were or will be passed to a third party (a partner, carrier, courier, another company) without asking permission first.',
    rationale:
      'The source articles: never forward a conversation to a third party without explicit permission (FACTS.md, last section). Ask first (“May I share your order number with the carrier?”); handing over to your own team is not a third party.',
    severity: 'warn',
    appliesTo: 'every message (text, body); not quick replies or buttons',
    languageDependent: true,
    options: {},
    examples: {
      valid: [
        { text: 'May I share your order number with the carrier so they can contact you?' },
        { text: 'I have passed your message to a colleague in our returns team.', note: 'Internal handoff.' },
        { text: 'We never share your data with third parties.' },
        { text: 'Your parcel has been handed over to the courier.', note: 'A parcel is not the person’s data.' },
        { text: 'You can share your tracking link with the courier if needed.', note: 'The customer shares, not the business.' },
      ],
      invalid: [
        {
          text: "I've forwarded your message to our delivery partner.",
          findings: [{ message: 'passed to a third party without asking', actual: 'forwarded your message to our delivery partner' }],
        },
        {
          text: 'We will share your number with the courier.',
          findings: [{ message: '`share your number with the courier`', actual: 'share your number with the courier' }],
        },
      ],
    },
  },
  appliesTo: (data) => PROSE_COMPONENTS.has(data.context.component),
  create() {
    return (tree, file) => {
      const data = messageData(file);
      const sets = lexiconLabels(data.language, 'forwarding');
      if (!sets) return;
      const text = String(file.value);
      const tokens = tokenize(text);
      const transfers = matchLabel(sets, 'transfer', tokens);
      if (transfers.length === 0) return;
      const list = wordSentences(tree, text);
      const parties = matchLabel(sets, 'third party', tokens);
      const permissions = matchLabel(sets, 'permission', tokens);
      const negations = loadList(data.language, 'forwarding', 'negations');
      const secondPerson = loadList(data.language, 'forwarding', 'secondPerson');
      const imperatives = loadList(data.language, 'forwarding', 'imperatives');
      const politeness = loadList(data.language, 'forwarding', 'politeness');
      const afterRecipient = [...loadList(data.language, 'forwarding', 'afterRecipient')];
      const followsRecipient = (norm: string) => afterRecipient.some((w) => (w.endsWith('*') ? norm.startsWith(w.slice(0, -1)) : norm === w));
      let reportedUpTo = -1;

      for (const t of transfers) {
        const sentence = sentenceAt(list, t.start);
        if (t.start < reportedUpTo) continue;
        const inSentence = (m: { start: number; end: number }) => m.start >= sentence.start && m.end <= sentence.end;
        // A question asks, and so does a sentence with a permission phrase.
        if (/\?\s*["'”’»)]*\s*$/u.test(text.slice(sentence.start, sentence.end))) continue;
        if (permissions.some(inSentence)) continue;
        // The recipient: a third party after the start of the transfer, outside the
        // transferred object, or inside the phrase when what follows it shows it receives
        // (`afterRecipient`: "give the courier *your* number", German "an den Kurier *weitergeleitet*").
        const party = parties.find((p) => {
          if (!inSentence(p) || p.start <= t.start) return false;
          if (p.start >= t.end) return true;
          const next = tokens[p.to];
          return next !== undefined && followsRecipient(next.norm);
        });
        if (!party) continue;
        const before = tokens.filter((k) => k.start >= sentence.start && k.end <= t.start);
        if (tokens.some((k) => k.start >= sentence.start && k.end <= party.start && negations.has(k.norm))) continue;
        // The customer is the one who shares: "you can share…", or an imperative ("Please share…").
        const lastWords: Token[] = [];
        for (let i = before.length - 1; i >= 0 && lastWords.length < 3; i--) {
          if (before[i].kind !== 'word') break;
          lastWords.push(before[i]);
        }
        if (lastWords.some((k) => secondPerson.has(k.norm))) continue;
        if (before.every((k) => k.kind !== 'word' || politeness.has(k.norm)) && imperatives.has(tokens[t.from].norm)) continue;

        const end = Math.max(t.end, party.end);
        const phrase = data.raw.slice(t.start, end);
        reportedUpTo = end;
        report(file, {
          start: t.start,
          end,
          reason: `The person's message or details are passed to a third party without asking: \`${phrase}\``,
          help: 'Ask for explicit permission first (“May I share your order number with the carrier?”) and share only after a yes; internal handoffs to your own team are fine.',
        });
      }
    };
  },
});
