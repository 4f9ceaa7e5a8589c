// whatsapp-template: what Meta's template review rejects in a WhatsApp template's text.
import { defineRule, messageData, report, type MessageData } from '../src/engine/rule.js';
import { charCount } from './support.js';

/** A well-formed `{{…}}` variable. */
export interface TemplateVariable {
  start: number;
  end: number;
  raw: string;
  /** the text between the braces, trimmed */
  name: string;
}

/** A malformed brace construct: `{{1}`, `{1}}`, `{{{1}}}`, `{{1`, `1}}`, `{1}`. */
export interface BraceProblem {
  start: number;
  end: number;
  reason: string;
  help: string;
  /** the variable name the malformed token seems to hold (`1` in `{{1}`), if any */
  name?: string;
}

const NAME_CHAR = /[\p{L}\p{N}_#$%]/u;

/**
 * Scans a template text for `{{variables}}` and brace mistakes. A run of `{` is paired with
 * the next run of `}` before any other brace; exactly two on each side is a variable.
 */
export function scanTemplateText(text: string): { variables: TemplateVariable[]; problems: BraceProblem[] } {
  const variables: TemplateVariable[] = [];
  const problems: BraceProblem[] = [];
  let lastEnd = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch !== '{' && ch !== '}') {
      i++;
      continue;
    }
    if (ch === '}') {
      let j = i;
      while (text[j] === '}') j++;
      let start = i;
      while (start > lastEnd && NAME_CHAR.test(text[start - 1])) start--;
      // A lone `}` after punctuation or a space is ordinary text (`:-}`); `1}` or `}}` is not.
      if (j - i >= 2 || start < i) {
        const token = text.slice(start, j);
        problems.push({ start, end: j, reason: `Mismatched braces: \`${token}\` has no opening \`{{\``, help: 'Write variables as `{{1}}`, with two braces on each side.', name: text.slice(start, i).trim() });
      }
      i = lastEnd = j;
      continue;
    }
    let j = i;
    while (text[j] === '{') j++;
    const open = j - i;
    let k = j;
    while (k < text.length && text[k] !== '{' && text[k] !== '}') k++;
    if (k >= text.length || text[k] === '{') {
      // Never closed. A single `{` followed by prose is ordinary text.
      if (open >= 2) {
        const nameEnd = j + /^\s*[\p{L}\p{N}_#$%.-]*/u.exec(text.slice(j, k))![0].length;
        const token = text.slice(i, nameEnd);
        problems.push({ start: i, end: nameEnd, reason: `Mismatched braces: \`${token}\` is not closed by \`}}\``, help: 'Close the variable with `}}`.', name: text.slice(j, nameEnd).trim() });
      }
      i = lastEnd = j;
      continue;
    }
    let m = k;
    while (text[m] === '}') m++;
    const close = m - k;
    const inner = text.slice(j, k);
    const token = text.slice(i, m);
    if (open === 2 && close === 2) {
      variables.push({ start: i, end: m, raw: token, name: inner.trim() });
    } else if (open === 1 && close === 1) {
      // `{1}` or `{name}`: WhatsApp would send the braces literally. Other `{…}` text is left alone.
      if (/^\s*[\p{L}\p{N}_]+\s*$/u.test(inner)) {
        problems.push({ start: i, end: m, reason: `\`${token}\` uses single braces; WhatsApp variables are written \`{{${inner.trim()}}}\``, help: `Write \`{{${inner.trim()}}}\`.`, name: inner.trim() });
      }
    } else if (open > 2 || close > 2) {
      problems.push({ start: i, end: m, reason: `Mismatched braces: \`${token}\` has ${open} opening and ${close} closing braces`, help: `Write \`{{${inner.trim()}}}\`, with two braces on each side.`, name: inner.trim() });
    } else {
      problems.push({ start: i, end: m, reason: `Mismatched braces: \`${token}\` has ${open} opening and ${close} closing ${close === 1 ? 'brace' : 'braces'}`, help: `Write \`{{${inner.trim()}}}\`, with two braces on each side.`, name: inner.trim() });
    }
    i = lastEnd = m;
  }
  return { variables, problems };
}

// Leading/trailing characters that do not count as text around a variable: spaces,
// punctuation and WhatsApp's formatting markers (`*bold*`, `_italic_`, `~strike~`).
const IGNORABLE_EDGE = /[\s\p{P}~`]/u;
const isEdge = (ch: string) => IGNORABLE_EDGE.test(ch) && ch !== '{' && ch !== '}';

const EMOJI =
  /\p{Regional_Indicator}\p{Regional_Indicator}|[#*0-9]\uFE0F?\u20E3|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)\p{Emoji_Modifier}?(?:\u200D\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?)*/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]]|\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|me|co|ly|gl|app|shop|store|info|biz|link)(?:\/[^\s]*[^\s.,;:!?)\]])?\b/giu;

/** Words of fixed text: what is left without the variables and malformed brace tokens. */
function words(text: string, spans: { start: number; end: number }[]): number {
  let fixed = text;
  for (const v of [...spans].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, v.start) + ' ' + fixed.slice(v.end);
  return fixed.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function componentName(data: MessageData): string {
  const c = data.context.component;
  return c === 'body' ? 'body' : c === 'header' ? 'header' : c === 'footer' ? 'footer' : c === 'button' ? 'button' : 'text';
}

export default defineRule({
  meta: {
    id: 'whatsapp-template',
    type: 'problem',
    description: 'Disallow what WhatsApp template review rejects: malformed or out-of-sequence variables, a body that starts or ends with a variable, adjacent variables, too many variables for the text, emoji, URLs and long parameters in AUTHENTICATION templates.',
    rationale:
      'Template review rejects mismatched braces; `#`, `$` or `%` inside a variable; variables out of sequence (`{{1}}`, `{{3}}`); too many variables for the text length; a body that starts or ends with a variable (FACTS.md: WhatsApp Business, template-review). Adjacent variables are rejected (Twilio docs). AUTHENTICATION templates may not contain URLs, media or emoji, and their parameters are at most 15 characters (template-categorization). ' +
      'Choices: numbering is checked per component (header, body and each carousel card are numbered from `{{1}}` on their own); order of appearance does not matter (`{{1}} … {{3}} … {{2}}` is fine), gaps and a start other than 1 are reported. A variable followed only by punctuation, spaces or formatting markers still ends the body (`… gate {{2}}.` is rejected: support.maqsam.com/creating-whatsapp-templates-with-variables, twilio.com/docs/whatsapp/tutorial/message-template-approvals-statuses); an emoji before or after the variable is text. This check is skipped for AUTHENTICATION templates, whose body is Meta\'s preset `{{1}} is your verification code.` (docs.360dialog.com, authentication templates). "Too many variables" uses the rule observed by Maqsam: a body with x variables needs at least 2x+1 words of fixed text (option `wordsPerVariable`, 0 turns it off). Variables separated only by spaces or formatting markers are adjacent (Maqsam: "separated only by a space"); punctuation or a word between them is enough. `{1}` (single braces) is reported because WhatsApp would send it literally. A header may hold one variable (template components reference).',
    severity: 'error',
    appliesTo: 'WhatsApp template components (`channel: whatsapp` with a `category`)',
    languageDependent: false,
    options: {
      wordsPerVariable: { type: 'number', default: 2, description: 'words of fixed text a body needs per variable (plus one); 0 turns the check off' },
    },
    examples: {
      valid: [
        { text: 'Hi {{1}}, your order {{2}} has shipped and will arrive on Friday.', context: { channel: 'whatsapp', category: 'UTILITY', component: 'body' } },
        { text: 'Hello {{first_name}}, your table for {{guests}} is booked. See you soon!', context: { channel: 'whatsapp', category: 'UTILITY', component: 'body' }, note: 'Named variables are not numbered.' },
        { text: '*{{1}}* is your verification code. For your security, do not share this code.', context: { channel: 'whatsapp', category: 'AUTHENTICATION', component: 'body' }, note: "Meta's preset authentication text starts with the code: allowed." },
        { text: 'Hi {{1}} and {{2}}, your flight leaves from gate {{3}}. Reply STOP to opt out.', context: { channel: 'whatsapp', category: 'UTILITY', component: 'body' } },
      ],
      invalid: [
        { text: 'Hi {{1}, your order has shipped and will arrive soon.', context: { channel: 'whatsapp', category: 'UTILITY', component: 'body' }, findings: [{ message: 'Mismatched braces: `{{1}`', actual: '{{1}' }] },
        { text: 'Hi {{1}}, your flight leaves from gate {{3}}. Reply STOP to opt out.', context: { channel: 'whatsapp', category: 'UTILITY', component: 'body' }, findings: [{ message: 'out of sequence', actual: '{{3}}' }] },
        { text: 'Your order {{#1}} has shipped and will arrive on Friday.', context: { channel: 'whatsapp', category: 'UTILITY', component: 'body' }, findings: [{ message: '`#` inside the variable `{{#1}}`', actual: '{{#1}}' }] },
        { text: 'Thanks for your order. It will arrive at {{1}}.', context: { channel: 'whatsapp', category: 'UTILITY', component: 'body' }, findings: [{ message: 'Body ends with the variable `{{1}}`', actual: '{{1}}' }] },
        { text: 'Dear {{1}} {{2}}, your appointment with us is confirmed for tomorrow morning.', context: { channel: 'whatsapp', category: 'UTILITY', component: 'body' }, findings: [{ message: 'adjacent', actual: '{{1}} {{2}}' }] },
        { text: 'Hi {{1}}, gate {{2}}. Thank you.', context: { channel: 'whatsapp', category: 'UTILITY', component: 'body' }, findings: [{ message: 'Body has 2 variables but only 4 words', actual: '{{1}}, gate {{2}}' }] },
        { text: 'Your code is ready 🔐 Tap the button to copy it.', context: { channel: 'whatsapp', category: 'AUTHENTICATION', component: 'body' }, findings: [{ message: 'Emoji `🔐`', actual: '🔐' }] },
      ],
    },
  },
  appliesTo: (data) => data.context.channel === 'whatsapp' && Boolean(data.context.category),
  create(options) {
    const perVariable = Number(options.wordsPerVariable ?? 2);
    return (_tree, file) => {
      const data = messageData(file);
      const { raw, context } = data;
      const category = String(context.category).toUpperCase();
      const isAuth = category === 'AUTHENTICATION';
      const isBody = context.component === 'body';
      const where = componentName(data);
      const { variables, problems } = scanTemplateText(raw);

      for (const p of problems) report(file, { start: p.start, end: p.end, reason: p.reason, help: p.help });

      // Variable contents.
      for (const v of variables) {
        if (v.name === '') {
          report(file, { start: v.start, end: v.end, reason: `Empty variable \`${v.raw}\``, help: 'Number it (`{{1}}`) or name it (`{{first_name}}`), or remove it.' });
          continue;
        }
        const special = /[#$%]/.exec(v.name);
        if (special) {
          report(file, {
            start: v.start,
            end: v.end,
            reason: `\`${special[0]}\` inside the variable \`${v.raw}\``,
            help: `Variables may not contain \`#\`, \`$\` or \`%\`: put the symbol outside the braces (\`${special[0] === '%' ? `{{${v.name.replace(/[#$%]/g, '')}}}%` : `${special[0]}{{${v.name.replace(/[#$%]/g, '')}}}`}\`).`,
          });
        }
      }

      // Numbering: 1…n without gaps, per component; order of appearance is free.
      const numbered = variables.filter((v) => /^\d+$/.test(v.name));
      const numbers = new Set(numbered.map((v) => Number(v.name)));
      // A malformed `{{2}` still holds its number: do not report a gap it only seems to leave.
      const taken = new Set([...numbers, ...problems.filter((p) => /^\d+$/.test(p.name ?? '')).map((p) => Number(p.name))]);
      const firstOf = (n: number) => numbered.find((v) => Number(v.name) === n)!;
      if (numbers.has(0)) {
        const v = firstOf(0);
        report(file, { start: v.start, end: v.end, reason: `Variable \`${v.raw}\` is out of sequence: numbering starts at \`{{1}}\``, help: 'Number the variables `{{1}}`, `{{2}}`, … in this component.' });
      }
      // Walk the distinct numbers in order (never the range itself: `{{99999999}}` must stay cheap).
      let expected = 1;
      for (const k of [...numbers].filter((n) => n > 0).sort((a, b) => a - b)) {
        if (k > expected) {
          const inGap = [...taken].filter((n) => n >= expected && n < k).length;
          if (inGap < k - expected) {
            let first = expected;
            while (taken.has(first)) first++;
            let last = k - 1;
            while (taken.has(last)) last--;
            const v = firstOf(k);
            const missing = first === last ? `\`{{${first}}}\` is missing` : `\`{{${first}}}\` to \`{{${last}}}\` are missing`;
            report(file, {
              start: v.start,
              end: v.end,
              reason: `Variable \`${v.raw}\` is out of sequence: ${missing}`,
              help: `Renumber the ${where}'s variables from \`{{1}}\` without gaps.`,
            });
          }
        }
        expected = k + 1;
      }

      // Adjacent variables: only spaces or formatting markers between them.
      for (let i = 0; i + 1 < variables.length; i++) {
        const a = variables[i];
        const b = variables[i + 1];
        if (/^[\s*_~]*$/u.test(raw.slice(a.end, b.start))) {
          report(file, {
            start: a.start,
            end: b.end,
            reason: `Variables \`${a.raw}\` and \`${b.raw}\` are adjacent`,
            help: 'Put words between them (`{{1}} and {{2}}`), or merge them into one variable.',
          });
        }
      }

      if (context.component === 'header' && variables.length > 1) {
        const v = variables[1];
        report(file, { start: v.start, end: v.end, reason: `Header has ${variables.length} variables; a WhatsApp header allows 1`, help: 'Keep one variable in the header and move the others to the body.' });
      }

      if (isBody && variables.length > 0) {
        let onlyVariable = false;
        // A body that starts or ends with a variable (Meta's preset authentication text does).
        if (!isAuth) {
          let s = 0;
          while (s < raw.length && isEdge(raw[s])) s++;
          let e = raw.length;
          while (e > 0 && isEdge(raw[e - 1])) e--;
          const first = variables.find((v) => v.start === s);
          const last = variables.find((v) => v.end === e);
          if (first && first === last) {
            onlyVariable = true;
            report(file, { start: first.start, end: first.end, reason: `Body is only the variable \`${first.raw}\``, help: 'Write the message around the variable; a body that is only a variable is too generic to be approved.' });
          } else {
            if (first) report(file, { start: first.start, end: first.end, reason: `Body starts with the variable \`${first.raw}\``, help: 'Start with fixed text (`Hi {{1}}, …`).' });
            if (last) report(file, { start: last.start, end: last.end, reason: `Body ends with the variable \`${last.raw}\``, help: 'End with fixed text after the variable (`… by {{2}}. Reply STOP to opt out.`).' });
          }
        }
        // Too many variables for the text: x variables need 2x+1 words of fixed text.
        const x = variables.length;
        const count = words(raw, [...variables, ...problems]);
        const needed = perVariable * x + 1;
        if (perVariable > 0 && count < needed && !onlyVariable) {
          report(file, {
            start: variables[0].start,
            end: variables[x - 1].end,
            reason: `Body has ${x} ${x === 1 ? 'variable' : 'variables'} but only ${count} ${count === 1 ? 'word' : 'words'} of fixed text; review expects at least ${needed}`,
            help: 'Add fixed text that explains the variables, or use fewer variables.',
          });
        }
      }

      if (isAuth) {
        EMOJI.lastIndex = 0;
        for (const m of raw.matchAll(EMOJI)) {
          report(file, { start: m.index, end: m.index + m[0].length, reason: `Emoji \`${m[0]}\` in an AUTHENTICATION template`, help: 'Authentication templates may not contain emoji: remove it.' });
        }
        URL.lastIndex = 0;
        for (const m of raw.matchAll(URL)) {
          if (variables.some((v) => m.index < v.end && m.index + m[0].length > v.start)) continue;
          report(file, { start: m.index, end: m.index + m[0].length, reason: `URL \`${m[0]}\` in an AUTHENTICATION template`, help: 'Authentication templates may not contain URLs: remove it.' });
        }
        const examples = (context.extra?.examples ?? {}) as Record<string, unknown>;
        const reported = new Set<string>();
        for (const v of variables) {
          const example = examples[v.name];
          if (typeof example !== 'string' || reported.has(v.name)) continue;
          reported.add(v.name);
          const length = charCount(example);
          if (length > 15) {
            report(file, {
              start: v.start,
              end: v.end,
              reason: `Example value \`${example}\` of \`${v.raw}\` is ${length} characters; AUTHENTICATION parameters may have at most 15`,
              help: 'Use a code of at most 15 characters.',
            });
          }
        }
      }
    };
  },
});
