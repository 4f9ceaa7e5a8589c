// one-time-notification-topic: a Messenger one-time notification must follow up on the topic
// the person accepted; one-time notifications do not exist on Instagram.
import { defineRule, messageData, report } from '../src/engine/rule.js';
import { loadList, readLexicon } from '../src/language/lexicon.js';
import { normalize, tokenize } from '../src/language/tokens.js';
import { lexiconLabels, matchLabel, wordSentences } from './set-expectations.js';

interface Options extends Record<string, unknown> {
  keywords: Record<string, string[]>;
}

const SKIPPED_COMPONENTS = new Set(['otn_title', 'quick_reply', 'button', 'title', 'subtitle']);
/** Two stems match when equal, or when one starts with the other and shares this many letters. */
const MIN_PREFIX = 5;

/** `back_in_stock`, `backInStock`, `back-in-stock` → `back in stock`. */
export function topicWords(topic: string): string {
  return topic
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-./:]+/g, ' ')
    .trim();
}

function stemmer(language: string): (word: string) => string {
  const suffixes = [...loadList(language, 'topics', 'suffixes')].sort((a, b) => b.length - a.length);
  return (word) => {
    for (const suffix of suffixes) if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
    return word;
  };
}

/**
 * The same word, give or take an ending: equal, or sharing a prefix of at least `MIN_PREFIX`
 * letters that leaves at most 2 letters of the shorter word (`dress`/`dresses`, Finnish
 * `kesämekko`/`kesämeko-t`, German `Versand`/`Versandbestätigung`).
 */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= MIN_PREFIX && common >= Math.min(a.length, b.length) - 2;
}

export default defineRule<Options>({
  meta: {
    id: 'one-time-notification-topic',
    type: 'problem',
    description:
      'Require a Messenger one-time notification (`kind: otn`) to follow up on the topic the person accepted (`topic`), and report one-time notifications on Instagram, where they do not exist.',
    rationale:
      'Messenger one-time notification: one message per opt-in, and the follow-up must match the topic the person accepted; not available on Instagram (FACTS.md, other ways to message outside the window; …/send-messages/one-time-notification). The source articles: one-time notifications must match the topic the person accepted. The 65-character limit of the opt-in title is checked by `platform-limits`.',
    severity: 'warn',
    appliesTo:
      'messages of kind `otn` with a `topic` (front matter, catalogue field or config override); the message matches when it shares a content word with the topic (after accent folding, stop words and light stemming per language), names the same common topic (back in stock, price drop, order update, appointment, event, product launch) in its language, or contains one of the `keywords` configured for the topic',
    languageDependent: true,
    options: {
      keywords: {
        type: 'object',
        default: {},
        description: 'words that show a topic, per topic: `{ "spring-sale": ["sale", "saldi"] }` (prefixes of 5+ letters match longer words)',
      },
    },
    examples: {
      valid: [
        { text: 'Good news: the Coastie hoodie is back in stock in size M.', context: { kind: 'otn', topic: 'back_in_stock' } },
        { text: 'The Summer Dress is now available to order again.', context: { kind: 'otn', topic: 'summer dress restock' }, note: 'Shared content word: `dress`.' },
        { text: 'Il vestito che cercavi è di nuovo disponibile!', context: { kind: 'otn', topic: 'back_in_stock', locale: 'it-IT' }, note: 'A common topic recognised in the message language.' },
        { text: 'Our spring sale starts today.', context: { kind: 'otn', topic: 'offers' }, options: { keywords: { offers: ['sale'] } } },
      ],
      invalid: [
        {
          text: 'Check out our new summer collection, now 20% off!',
          context: { kind: 'otn', topic: 'back_in_stock' },
          findings: [{ message: 'does not match the topic `back_in_stock`', actual: 'Check out our new summer collection, now 20% off!' }],
        },
        {
          text: 'Your hoodie is back in stock.',
          context: { kind: 'otn', topic: 'back in stock', channel: 'instagram' },
          findings: [{ message: 'not available on Instagram' }],
        },
      ],
    },
  },
  appliesTo: (data) => data.context.kind === 'otn' && !SKIPPED_COMPONENTS.has(data.context.component ?? 'text'),
  create(options) {
    return (tree, file) => {
      const data = messageData(file);
      const { context } = data;
      if (context.channel === 'instagram') {
        report(file, {
          ...(context.fieldSpans?.channel ? { field: 'channel' as const } : {}),
          reason: 'One-time notifications (`kind: otn`) are not available on Instagram',
          help: 'On Instagram, reply inside the 24-hour window, or use the `HUMAN_AGENT` tag for a human reply within 7 days.',
        });
        return;
      }
      const topic = context.topic?.trim();
      if (!topic) return;
      const text = String(file.value);
      const tokens = tokenize(text);
      const language = data.language;

      // 1. Configured keywords for this topic.
      const keywords = options.keywords ?? {};
      const key = Object.keys(keywords).find((k) => normalize(topicWords(k)) === normalize(topicWords(topic)));
      const words = tokens.filter((t) => t.kind === 'word').map((t) => t.norm);
      if (key && (keywords[key] ?? []).some((kw) => tokenize(kw).every((k) => words.some((w) => sameWord(w, k.norm))))) return;

      // 2. A common topic (lexicon label) named by the topic, found in the message.
      const topicTokens = tokenize(topicWords(topic));
      if (!readLexicon(language, 'topics')) return; // no stop words or topics for this language
      const languages = [...new Set([language, 'en'])].filter((l) => readLexicon(l, 'topics'));
      // The label named by the topic, or whose phrase covers most of it ("price drop" is a
      // price drop, not a product "drop").
      const labels = new Set<string>();
      let best = 0;
      for (const l of languages) {
        for (const [label, set] of lexiconLabels(l, 'topics') ?? []) {
          const covered = normalize(label) === normalize(topicWords(topic)) ? Infinity : Math.max(0, ...set.match(topicTokens).map((m) => m.to - m.from));
          if (covered === 0 || covered < best) continue;
          if (covered > best) labels.clear();
          best = covered;
          labels.add(label);
        }
      }
      const own = lexiconLabels(language, 'topics');
      for (const label of labels) if (matchLabel(own, label, tokens).length > 0) return;

      // 3. Shared content words, after stop words and light stemming.
      const stopwords = new Set(languages.flatMap((l) => [...loadList(l, 'topics', 'stopwords'), ...loadList(l, 'topics', 'genericWords')]));
      const content = (list: string[]) => list.filter((w) => w.length >= 3 && !stopwords.has(w) && !/^\d+$/.test(w));
      const stem = stemmer(language);
      const stemEn = stemmer('en');
      const topicWordTokens = topicTokens.filter((t) => t.kind === 'word' && content([t.norm]).length > 0);
      const topicContent = topicWordTokens.map((t) => t.norm);
      if (topicContent.length === 0 && labels.size === 0) return; // nothing to compare (`topic: updates`)
      const forms = (w: string) => [w, stem(w), stemEn(w)];
      const messageForms = content(words).flatMap(forms);
      if (topicContent.some((w) => forms(w).some((s) => messageForms.some((m) => sameWord(m, s))))) return;

      const first = wordSentences(tree, text)[0];
      const shown = topicWordTokens.length > 0 ? ` (none of ${topicWordTokens.map((t) => `\`${t.value}\``).join(', ')})` : '';
      report(file, {
        start: first.start,
        end: first.end,
        reason: `One-time notification does not match the topic \`${topic}\` the person accepted${shown}`,
        help: 'A one-time notification may only follow up on the topic of the opt-in: say what the person asked to hear about, or add words for the topic with the `keywords` option. Anything else belongs inside the 24-hour window.',
      });
    };
  },
});
