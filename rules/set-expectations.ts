// set-expectations: an away message or automated reply must acknowledge receipt and say when a
// person will answer (or where else to get help); vague reply promises get a concrete-time hint.
//
// Also home of small lexicon helpers the etiquette rules share (`lexiconLabels`, `sentenceAt`,
// `contactLiterals`): rule files are the only place rules keep code.
import type { Root } from 'nlcst';
import { defineRule, messageData, report, type MessageData } from '../src/engine/rule.js';
import { findLiterals } from '../src/engine/placeholders.js';
import { loadList, readLexicon } from '../src/language/lexicon.js';
import { innerMap } from '../src/memo.js';
import { compilePhrase, PhraseSet, type PhraseMatch } from '../src/language/phrases.js';
import { tokenize, type Token } from '../src/language/tokens.js';
import { sentences, type Span } from './support.js';

// ── Shared helpers ──────────────────────────────────────────────────────────────────────

/** language → lexicon name → sets by label (null: no such lexicon); nested, no key string per message */
const labelled = new Map<string, Map<string, Map<string, PhraseSet> | null>>();

/**
 * One compiled phrase set per label of a lexicon (`rules/data/<language>/<name>.yml`), each
 * with the file's `exceptions`. Matching per label keeps a long match of one label from
 * hiding a match of another (what a single `loadLexicon` set would do). Cached per process.
 */
export function lexiconLabels(language: string, name: string): Map<string, PhraseSet> | undefined {
  const byName = innerMap(labelled, language);
  if (!byName.has(name)) {
    const data = readLexicon(language, name);
    if (!data) byName.set(name, null);
    else {
      const exceptions = (data.exceptions ?? []).map((p) => compilePhrase(String(p), 'exception'));
      const sets = new Map<string, PhraseSet>();
      for (const [label, list] of Object.entries(data.phrases)) {
        sets.set(label, new PhraseSet((list ?? []).map((p) => compilePhrase(String(p), label)), exceptions));
      }
      byName.set(name, sets);
    }
  }
  return byName.get(name) ?? undefined;
}

/** Matches of one label (empty when the language or label has none). */
export function matchLabel(sets: Map<string, PhraseSet> | undefined, label: string, tokens: Token[]): PhraseMatch[] {
  return sets?.get(label)?.match(tokens) ?? [];
}

/** Sentences with letters or digits in them (punctuation-only "sentences" dropped). */
export function wordSentences(tree: Root, text: string): Span[] {
  const list = sentences(tree).filter((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));
  return list.length > 0 ? list : [{ start: 0, end: text.length }];
}

/** The sentence that contains `offset` (the last one when past the end). */
export function sentenceAt(list: Span[], offset: number): Span {
  return list.find((s) => offset >= s.start && offset < s.end) ?? list[list.length - 1];
}

// Phone numbers: an optional `+`, then at least 7 digits in groups (spaces, dots, dashes, brackets).
const PHONE = /(?:\+|\b00)?\(?\d[\d ().\-/]{5,}\d\b/gu;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/u;

/** E-mail addresses, phone numbers and links in the raw text: ways to reach the business. */
export function contactLiterals(raw: string): { email: boolean; phone: boolean; link: boolean } {
  const phone = [...raw.matchAll(PHONE)].some((m) => (m[0].match(/\d/g) ?? []).length >= 7 && !/^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(m[0].trim()));
  const email = EMAIL.test(raw);
  const link = findLiterals(raw).some((r) => !EMAIL.test(raw.slice(r.start, r.end)));
  return { email, phone, link };
}

// ── The rule ────────────────────────────────────────────────────────────────────────────

/** An away message, or an automated greeting (instant reply). */
export function isAwayOrAutoReply(data: MessageData): boolean {
  const { kind, extra } = data.context;
  return kind === 'away' || (kind === 'greeting' && extra?.automated === true);
}

const PROSE_COMPONENTS = new Set([undefined, 'text', 'body', 'greeting', 'button_text']);

interface Options extends Record<string, unknown> {
  everywhere: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'set-expectations',
    type: 'suggestion',
    description:
      'Require away messages and automated replies to acknowledge receipt and say when a person will answer (or point to another channel); flag vague reply promises such as “we’ll get back to you soon”.',
    rationale:
      'The source articles: reply fast, set expectations on reply times and acknowledge receipt (FACTS.md, last section). Away messages and instant replies do not count toward the “very responsive” badge (FACTS.md, badge), so the person is waiting: tell them for how long, or where else to get help.',
    severity: 'warn',
    appliesTo:
      'messages of kind `away`, and of kind `greeting` with `extra.automated: true` (instant replies); with `everywhere` (default) a reply promise with a vague time (“we’ll get back to you shortly”) in any message',
    languageDependent: true,
    options: {
      everywhere: {
        type: 'boolean',
        default: true,
        description:
          'also flag vague reply promises (a reply verb within 6 words of “soon”, “shortly”, “as soon as possible”…, in the same sentence) in messages that are not away messages; without a reply verb, vague times are only flagged in away messages. A sentence that opens with an imperative (“Reply soon to keep your slot”) asks the customer and is left alone',
      },
    },
    examples: {
      valid: [
        {
          text: 'Thanks for your message! We are away right now and will reply within 2 hours.',
          context: { kind: 'away' },
        },
        {
          text: 'Thanks for reaching out. Our team is back tomorrow from 9 am; for urgent matters call us on +39 02 1234 5678.',
          context: { kind: 'away' },
        },
        {
          text: 'We have received your message. For faster help, visit our help centre.',
          context: { kind: 'away' },
          note: 'Pointing to another channel is enough when no reply time can be promised.',
        },
        {
          text: 'We will get back to you as soon as possible, at the latest within 24 hours.',
          note: 'A vague phrase next to a concrete time is fine.',
        },
        { text: 'Your parcel will arrive shortly.', note: 'Only reply promises are vague promises outside away messages.' },
      ],
      invalid: [
        {
          text: 'We are away at the moment. We will get back to you soon!',
          context: { kind: 'away' },
          findings: [
            { message: 'does not acknowledge receipt', actual: 'We are away at the moment.' },
            { message: 'Vague promise `get back to you soon`', actual: 'get back to you soon' },
          ],
        },
        {
          text: 'Thanks for your message! Our office is currently closed.',
          context: { kind: 'away' },
          findings: [{ message: 'does not say when a person will answer', actual: 'Our office is currently closed.' }],
        },
        {
          text: 'Thanks for your interest in our brand. We will follow up shortly with more info.',
          findings: [{ message: 'Vague promise `follow up shortly`', actual: 'follow up shortly' }],
        },
      ],
    },
  },
  appliesTo: (data, options) => PROSE_COMPONENTS.has(data.context.component) && (isAwayOrAutoReply(data) || options.everywhere !== false),
  create(options) {
    return (tree, file) => {
      const data = messageData(file);
      const sets = lexiconLabels(data.language, 'expectations');
      if (!sets) return;
      const text = String(file.value);
      const tokens = tokenize(text);
      const away = isAwayOrAutoReply(data);
      const vagueTimes = matchLabel(sets, 'vague', tokens);
      // Elsewhere only a vague time can lead to a finding (most messages have none).
      if (!away && (options.everywhere === false || vagueTimes.length === 0)) return;
      const list = wordSentences(tree, text);
      const timeframes = matchLabel(sets, 'timeframe', tokens);
      const vague = vaguePromises(sets, tokens, list, vagueTimes, away, loadList(data.language, 'expectations', 'imperatives'));
      if (!away) {
        if (timeframes.length > 0) return;
        for (const v of vague) reportVague(file, data, v, false);
        return;
      }

      const what = data.context.kind === 'away' ? 'Away message' : 'Automated reply';
      if (matchLabel(sets, 'acknowledgement', tokens).length === 0) {
        const first = list[0];
        report(file, {
          start: first.start,
          end: first.end,
          reason: `${what} does not acknowledge receipt of the person's message`,
          help: 'Start by confirming that the message arrived, e.g. “Thanks for your message, we have received it.”',
        });
      }
      if (timeframes.length > 0) return;
      const channels = matchLabel(lexiconLabels(data.language, 'handoff'), 'channel', tokens);
      const literals = contactLiterals(data.raw);
      const pointsElsewhere = channels.length > 0 || literals.email || literals.phone || literals.link;
      if (vague.length > 0) {
        // The vague phrase is where the concrete time belongs: one finding there.
        if (!pointsElsewhere) for (const v of vague) reportVague(file, data, v, true);
        return;
      }
      if (pointsElsewhere) return;
      const last = list[list.length - 1];
      report(file, {
        start: last.start,
        end: last.end,
        reason: `${what} does not say when a person will answer, nor point to another channel`,
        help: 'Say when someone will reply (“within 2 hours”, “tomorrow from 9 am”, “by Monday”) or where to get help now (phone, e-mail, help centre).',
      });
    };
  },
});

/** Vague times; outside away messages only those that follow a reply verb in the same sentence. */
function vaguePromises(sets: Map<string, PhraseSet>, tokens: Token[], list: Span[], vagueTimes: PhraseMatch[], away: boolean, imperatives: ReadonlySet<string>): Span[] {
  if (vagueTimes.length === 0) return [];
  // A reply verb that opens its sentence as an imperative asks the customer to reply.
  const replies = matchLabel(sets, 'reply', tokens).filter((r) => {
    const first = tokens.find((t) => t.kind === 'word' && t.start >= sentenceAt(list, r.start).start);
    return !(first?.start === r.start && imperatives.has(tokens[r.from].norm));
  });
  const out: Span[] = [];
  for (const v of vagueTimes) {
    const sentence = sentenceAt(list, v.start);
    // A reply verb at most 6 tokens before or after the vague time, in the same sentence
    // ("we'll reply shortly"; German "Sie erhalten in Kürze eine Antwort").
    const before = replies.filter((r) => r.start >= sentence.start && r.end <= v.start && v.from - r.to <= 6).pop();
    const after = replies.find((r) => r.end <= sentence.end && r.start >= v.end && r.from - v.to <= 6);
    if (before) out.push({ start: before.start, end: v.end });
    else if (after) out.push({ start: v.start, end: after.end });
    else if (away) out.push({ start: v.start, end: v.end });
  }
  return out;
}

function reportVague(file: Parameters<typeof report>[0], data: MessageData, span: Span, awayWithoutTime: boolean): void {
  const phrase = data.raw.slice(span.start, span.end);
  report(file, {
    start: span.start,
    end: span.end,
    reason: awayWithoutTime
      ? `Vague promise \`${phrase}\`: the message does not say when a person will answer`
      : `Vague promise \`${phrase}\` without a concrete time`,
    help: 'Give a concrete time instead (“within 2 hours”, “tomorrow by noon”, “by Monday”), or the opening hours.',
  });
}
