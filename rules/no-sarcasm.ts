// no-sarcasm: sarcastic, ironic or passive-aggressive markers toward the customer.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { loadLexicon, loadList } from '../src/language/lexicon.js';
import { tokenize, type Token } from '../src/language/tokens.js';

// Language-neutral markers: eye-roll and exasperation emoji, the `/s` irony tag.
const EMOJI_MARKERS = /🙄|😒|🤦(?:\u200d?[♀♂]\ufe0f?)?|😤|🥱/gu;
const IRONY_TAG = /(?:^|\s)\/s(?=\s*$)/gu;
const QUOTES = new Map([['"', '"'], ['“', '”'], ['«', '»'], ['„', '“'], ["'", "'"], ['‘', '’']]);

/** Scare quotes: a one-to-three-word quotation right after a second-person possessive. */
function scareQuotes(tokens: Token[], possessives: ReadonlySet<string>): Token[][] {
  const found: Token[][] = [];
  for (let i = 1; i < tokens.length; i++) {
    const open = tokens[i];
    if (open.kind !== 'symbol') continue; // quotes are symbols: most tokens stop here
    const close = QUOTES.get(open.value);
    if (!close || !possessives.has(tokens[i - 1].norm)) continue;
    for (let j = i + 2; j <= i + 4 && j < tokens.length; j++) {
      if (tokens[j].value === close) {
        const words = tokens.slice(i + 1, j);
        // Title Case inside quotes is a product or plan name ("Summer Dress"), not scare quotes.
        const capitalised = words.filter((t) => /^\p{Lu}/u.test(t.value)).length;
        const titleCase = words.length > 1 && /^\p{Lu}/u.test(words[0].value) && capitalised * 2 >= words.length;
        if (words.every((t) => t.kind === 'word') && !titleCase) found.push(tokens.slice(i, j + 1));
        break;
      }
      if (tokens[j].kind !== 'word') break;
    }
  }
  return found;
}

export default defineRule({
  meta: {
    id: 'no-sarcasm',
    type: 'suggestion',
    description: 'Disallow sarcastic, ironic or passive-aggressive phrasing toward the customer.',
    rationale: 'The source articles say: no sarcasm or irony; it reads as contempt in writing and escalates complaints (FACTS.md, last section).',
    severity: 'warn',
    appliesTo: 'every message',
    languageDependent: true,
    options: {},
    examples: {
      valid: [
        { text: 'Great news! Your refund has been approved.' },
        { text: 'Thanks so much for your patience while we sort this out.' },
        { text: 'Please reply "yes" to confirm your booking.', note: 'Quoted words that are not the customer\'s are not scare quotes.' },
      ],
      invalid: [
        { text: 'As I already said, the store opens at 9.', findings: [{ message: 'Sarcastic or passive-aggressive phrasing `As I already said`', actual: 'As I already said' }] },
        { text: 'Per my last message, the refund takes 5 days.', findings: [{ message: '`Per my last message`' }] },
        { text: 'We looked into your "urgent" request.', findings: [{ message: 'Scare quotes', actual: '"urgent"' }] },
        { text: 'Sure, we will get right on that 🙄', findings: [{ message: 'Eye-roll', actual: '🙄' }] },
      ],
    },
  },
  create() {
    return (_tree, file) => {
      const data = messageData(file);
      const text = String(file.value);
      const lexicon = loadLexicon(data.language, 'sarcasm');
      const tokens = tokenize(text);
      if (lexicon) {
        for (const match of lexicon.match(tokens)) {
          const phrase = data.raw.slice(match.start, match.end);
          report(file, {
            start: match.start,
            end: match.end,
            reason: `Sarcastic or passive-aggressive phrasing \`${phrase}\` (${match.phrase.label})`,
            help: 'Say it plainly and kindly: restate the information without pointing at the customer.',
          });
        }
        for (const quote of scareQuotes(tokens, loadList(data.language, 'sarcasm', 'secondPersonPossessives'))) {
          const start = quote[0].start;
          const end = quote[quote.length - 1].end;
          report(file, {
            start,
            end,
            reason: `Scare quotes around the customer's words \`${data.raw.slice(start, end)}\``,
            help: "Quote the customer's words only to confirm them; scare quotes read as doubt or mockery.",
          });
        }
      }
      for (const m of text.matchAll(EMOJI_MARKERS)) {
        report(file, { start: m.index, end: m.index + m[0].length, reason: `Eye-roll or exasperation emoji \`${m[0]}\``, help: 'Drop it: it reads as contempt toward the customer.' });
      }
      for (const m of text.matchAll(IRONY_TAG)) {
        const start = m.index + m[0].indexOf('/');
        report(file, { start, end: start + 2, reason: 'Irony tag `/s`', help: 'Irony does not survive in customer chat: say what you mean.' });
      }
    };
  },
});
