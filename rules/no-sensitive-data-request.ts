// no-sensitive-data-request: asking for card numbers, security codes, PINs, passwords,
// one-time codes, bank account or national ID numbers in chat.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { loadList } from '../src/language/lexicon.js';
import type { PhraseMatch } from '../src/language/phrases.js';
import { tokenize } from '../src/language/tokens.js';
import { lexiconLabels, matchLabel, sentenceAt, wordSentences } from './set-expectations.js';

const CUE_LABELS = new Set(['request', 'imperative', 'request after']);
/** Words allowed between a request cue and the data ("send us *your full* card number"). */
const MAX_GAP = 4;

/** The data kinds (lexicon labels, the same in every language) as they read in a finding. */
export const WHAT: Record<string, string> = {
  'card number': 'a card number',
  'security code': 'a security code',
  PIN: 'a PIN',
  password: 'a password',
  'one-time code': 'a one-time code',
  'bank account': 'bank account details',
  'national ID': 'a national ID number',
};

const HELP: Record<string, string> = {
  'card number': 'Never collect full card numbers in chat: send a secure payment link, or ask for the last 4 digits to identify the card.',
  'security code': 'A card security code must never be typed into chat: use a secure payment page.',
  PIN: 'Nobody should ever be asked for a PIN: remove the request and tell the person you will never ask for it.',
  password: 'Never ask for passwords in chat: send a password-reset link or a secure login instead.',
  'one-time code': 'One-time codes prove the person’s identity to your login page, not to a chat: asking for them is what phishing does. Use a verification flow.',
  'bank account': 'Collect bank details through a secure form, not in chat.',
  'national ID': 'Collect identity numbers through a secure form, not in chat.',
};

export default defineRule({
  meta: {
    id: 'no-sensitive-data-request',
    type: 'problem',
    description:
      'Disallow asking for a full card number, card security code (CVV), PIN, password, one-time code, bank account number (IBAN) or national ID number (SSN, codice fiscale, DNI/NIF, Steuer-ID, henkilötunnus…) in a message.',
    rationale:
      'Messenger policy (secondary wording) and WhatsApp template review: do not ask people to send full payment card numbers, financial account numbers, passwords or national ID numbers in messages; asking for the last 4 digits is acceptable (FACTS.md, sensitive data; template review rejects). Codes and PINs are what phishers ask for.',
    severity: 'error',
    appliesTo:
      'every message; one-time codes are not checked in WhatsApp `AUTHENTICATION` templates (they send the code). Sentences with a negation (“we will never ask for your PIN”) are left alone',
    languageDependent: true,
    options: {},
    examples: {
      valid: [
        { text: 'Please send us the last 4 digits of your card so we can find the payment.' },
        { text: 'We will never ask for your PIN or password.' },
        { text: 'Your verification code is {{1}}. Do not share it with anyone.', context: { channel: 'whatsapp', category: 'AUTHENTICATION' } },
        { text: 'We will send you a new PIN by post.' },
      ],
      invalid: [
        {
          text: 'Please send us your full card number and the CVV.',
          findings: [
            { message: 'Request for a card number', actual: 'full card number' },
            { message: 'Request for a security code', actual: 'CVV' },
          ],
        },
        {
          text: 'What is the code we just texted you?',
          findings: [{ message: 'Request for a one-time code', actual: 'code we just texted' }],
        },
      ],
    },
  },
  create() {
    return (tree, file) => {
      const data = messageData(file);
      const sets = lexiconLabels(data.language, 'sensitive-data');
      if (!sets) return;
      const text = String(file.value);
      const tokens = tokenize(text);
      const list = wordSentences(tree, text);
      const negations = loadList(data.language, 'sensitive-data', 'negations');
      const gapStops = loadList(data.language, 'sensitive-data', 'gapStops');
      const cues = matchLabel(sets, 'request', tokens);
      const imperatives = matchLabel(sets, 'imperative', tokens);
      const after = matchLabel(sets, 'request after', tokens);
      const authentication = data.context.category === 'AUTHENTICATION';

      const items: PhraseMatch[] = [];
      for (const label of sets.keys()) {
        if (CUE_LABELS.has(label) || (authentication && label === 'one-time code')) continue;
        items.push(...matchLabel(sets, label, tokens));
      }
      // Overlapping data phrases ("numero della carta" inside "numero della carta d'identità"):
      // the longest at each position wins.
      items.sort((a, b) => a.start - b.start || b.end - a.end);
      const distinct = items.filter((m, i) => !items.slice(0, i).some((o) => m.start < o.end && o.start < m.end));

      let lastEnd = -1;
      const asked: PhraseMatch[] = [];
      for (const item of distinct) {
        if (item.start < lastEnd) continue;
        const sentence = sentenceAt(list, item.start);
        const inSentence = tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
        if (inSentence.some((t) => negations.has(t.norm))) continue;
        const firstWord = inSentence.find((t) => t.kind === 'word');
        const reaches = (cue: PhraseMatch) => {
          if (cue.start < sentence.start || cue.to > item.from) return false;
          const gap = tokens.slice(cue.to, item.from);
          return gap.length <= MAX_GAP && gap.every((t) => t.kind === 'word' && !gapStops.has(t.norm));
        };
        // A list after one request asks for all of it: "send us your card number and the CVV".
        const listed = asked.some((prev) => {
          if (prev.start < sentence.start || prev.to > item.from) return false;
          const gap = tokens.slice(prev.to, item.from);
          return gap.length <= MAX_GAP && gap.every((t) => (t.kind === 'word' && !gapStops.has(t.norm)) || t.value === ',' || t.value === '/');
        });
        const requested =
          listed ||
          cues.some(reaches) ||
          imperatives.some((cue) => cue.start === firstWord?.start && reaches(cue)) ||
          after.some((cue) => cue.from >= item.to && cue.from - item.to <= 1 && cue.end <= sentence.end && tokens.slice(item.to, cue.from).every((t) => t.value === ','));
        if (!requested) continue;
        asked.push(item);
        lastEnd = item.end;
        const label = item.phrase.label;
        const phrase = data.raw.slice(item.start, item.end);
        report(file, {
          start: item.start,
          end: item.end,
          reason: `Request for ${WHAT[label] ?? 'sensitive data'} in chat: \`${phrase}\``,
          help: HELP[label] ?? 'Do not collect sensitive data in chat: use a secure form or payment page.',
        });
      }
    };
  },
});
