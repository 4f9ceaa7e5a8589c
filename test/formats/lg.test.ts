import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/engine/positions.js';
import { detectFormat, makeInput } from '../../src/formats/index.js';
import { findMultilineEnd, lgAdapter, lgKind, looksLikeJson, scanExpression } from '../../src/formats/lg.js';
import { FormatError } from '../../src/formats/types.js';
import type { MessageContext } from '../../src/types.js';
import { brief, corpus, extractWith, lint, read } from '../helpers/adapter-fixtures.js';

const LG = 'botbuilder-lg/';
const MAIN = `${LG}experimental/handoff-library/csharp_dotnetcore/samples/LivePersonProxyAssistant/Responses/MainResponses.lg`;
const ALL = `${LG}experimental/handoff-library/csharp_dotnetcore/samples/LivePersonProxyAssistant/Responses/AllResponses.lg`;
const ONBOARDING = `${LG}experimental/handoff-library/csharp_dotnetcore/samples/LivePersonProxyAssistant/Responses/OnboardingResponses.lg`;
const COMMON = `${LG}composer-samples/javascript_nodejs/projects/responding-with-cards-sample/respondingwithcardssample/language-generation/en-us/common.en-us.lg`;
const BASIC = `${LG}composer-samples/csharp_dotnetcore/pipelines/CICDPipelineSampleLUIS/BasicAssistant/BasicAssistant/language-generation/en-us/BasicAssistant.en-us.lg`;
const FEEDBACK = `${LG}composer-samples/csharp_dotnetcore/pipelines/CICDPipelineSampleLUIS/BasicAssistant/BasicAssistant/dialogs/FeedbackDialog/language-generation/en-us/FeedbackDialog.en-us.lg`;

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/lg/${path}`, import.meta.url));

const extract = (path: string, defaults: Partial<MessageContext> = {}) => extractWith(lgAdapter, path, defaults);

describe('lg adapter: helpers', () => {
  it('detects `.lg` files and registers the extension', () => {
    expect(detectFormat(makeInput('bot/main.en-us.lg', '# A\n- hi\n'))?.id).toBe('lg');
    expect(lgAdapter.detect(makeInput('bot/main.lu', '# A\n- hi\n'))).toBe(false);
  });

  it('derives the kind from whole words of the template name', () => {
    expect(lgKind('SendActivity_GreetingNewUser')).toBe('greeting');
    expect(lgKind('WelcomeCard')).toBe('greeting');
    expect(lgKind('NewUserIntroCardTitle')).toBe('greeting');
    expect(lgKind('GoodbyeMessage')).toBe('closing');
    expect(lgKind('bye')).toBe('closing');
    expect(lgKind('ClosingPrompt')).toBe('closing');
    expect(lgKind('FallbackReply')).toBe('fallback');
    expect(lgKind('DidNotUnderstand')).toBe('fallback');
    expect(lgKind('UserNotUnderstood')).toBe('fallback');
    expect(lgKind('UnknownIntent')).toBe('fallback');
    expect(lgKind('ConfusedMessage')).toBe('fallback');
    expect(lgKind('AwayMessage')).toBe('away');
    expect(lgKind('GiveawayAnnouncement')).toBeUndefined();
    expect(lgKind('Introspection')).toBeUndefined();
    expect(lgKind('CompletedMessage')).toBeUndefined();
  });

  it('scans expressions with nested braces and quotes', () => {
    const src = "${if(a, '}', \"{\")} ${{ intent: \"x\" }} ${`a ${b} }`} ${open";
    const first = scanExpression(src, 0, src.length);
    expect(src.slice(0, first)).toBe("${if(a, '}', \"{\")}");
    const second = scanExpression(src, first + 1, src.length);
    expect(src.slice(first + 1, second)).toBe('${{ intent: "x" }}');
    const third = scanExpression(src, second + 1, src.length);
    expect(src.slice(second + 1, third)).toBe('${`a ${b} }`}');
    expect(scanExpression(src, third + 1, src.length)).toBe(-1);
  });
});

describe('lg adapter: fixture', () => {
  it('reads variations, skips expressions, JSON and imports', () => {
    const { get, byId, extraction } = extract(fixture('greetings.en-gb.lg'));
    expect(extraction.errors).toEqual([]);
    expect([...byId.keys()]).toEqual([
      'WelcomeMessage[0]', 'WelcomeMessage[1]', 'WelcomeMessage[3]',
      'EscapeDemo[0]', 'EscapeDemo[1]', 'EscapeDemo[2]', 'EscapeDemo[3]', 'EscapeDemo[4]',
      'MultiLine[0]', 'MultiLine[1]',
      'TimeOfDayGoodbye[0]', 'TimeOfDayGoodbye[2]',
      'FallbackSwitch[0]', 'FallbackSwitch[1]',
      'OrderPrompt.Text', 'OrderPrompt.SuggestedActions[0]', 'OrderPrompt.SuggestedActions[1]',
      'ProductCard.title', 'ProductCard.subtitle', 'ProductCard.text', 'ProductCard.buttons[0]',
      'DetailsAction.Title',
    ]);
    expect(get('WelcomeMessage[0]').context).toMatchObject({ channel: 'generic', component: 'text', kind: 'greeting', locale: 'en-GB' });
    // `*` bullets are variations too.
    expect(get('WelcomeMessage[3]').text).toBe('Good to see you again.');
    expect(get('TimeOfDayGoodbye[0]').context).toMatchObject({ kind: 'closing', extra: { condition: "IF: ${timeOfDay == 'morning'}" } });
    expect(get('TimeOfDayGoodbye[2]').context.extra?.condition).toBe('ELSE:');
    expect(get('FallbackSwitch[0]').context).toMatchObject({ kind: 'fallback', extra: { condition: "CASE: ${'msteams'}" } });
  });

  it('decodes escapes with exact columns', () => {
    const { get, at } = extract(fixture('greetings.en-gb.lg'));
    expect(get('EscapeDemo[0]').text).toBe('You can say cheese and tomato [toppings are optional]');
    expect(at('EscapeDemo[0]', '[toppings')).toBe('11:34-11:43');
    expect(at('EscapeDemo[0]', 'optional]')).toBe('11:48-11:58');
    expect(get('EscapeDemo[1]').text).toBe('It costs $5, no \\ extras - really');
    expect(at('EscapeDemo[1]', '$5')).toBe('12:13-12:15');
    expect(at('EscapeDemo[1]', '\\ extras')).toBe('12:21-12:29');
    expect(at('EscapeDemo[1]', '- really')).toBe('12:31-12:39');
    expect(get('EscapeDemo[2]').text).toBe('Line one\nline two');
    expect(at('EscapeDemo[2]', '\n')).toBe('13:11-13:13');
    expect(at('EscapeDemo[2]', 'line two')).toBe('13:13-13:21');
    // Expressions stay raw (the engine masks them), quotes and braces inside included.
    expect(get('EscapeDemo[3]').text).toBe(`\${if(user.vip, 'Dear {VIP}', "Hi")}, your order \${order.id} is ready.`);
    expect(at('EscapeDemo[3]', 'your order')).toBe('14:40-14:50');
    expect(at('EscapeDemo[3]', 'ready')).toBe('14:66-14:71');
  });

  it('reads multi-line variations', () => {
    const { get, at } = extract(fixture('greetings.en-gb.lg'));
    expect(get('MultiLine[0]').text).toBe('Here is your order:\n    - Title: ${order.title}\n    - Date: ${order.date}');
    expect(get('MultiLine[0]').context.extra).toMatchObject({ multiline: true });
    expect(at('MultiLine[0]')).toBe('20:5-22:26');
    expect(at('MultiLine[0]', 'Date')).toBe('22:7-22:11');
    // Text after the closing ``` continues the variation.
    expect(get('MultiLine[1]').text).toBe('Short one and more');
    expect(at('MultiLine[1]', 'Short')).toBe('24:6-24:11');
    expect(at('MultiLine[1]', 'and more')).toBe('24:19-24:27');
  });

  it('reads structured templates', () => {
    const { get, at } = extract(fixture('greetings.en-gb.lg'));
    expect(at('OrderPrompt.Text')).toBe('49:12-49:38');
    expect(get('OrderPrompt.Text').context).toMatchObject({ component: 'text', counts: { quickReplies: 3 } });
    expect(get('OrderPrompt.SuggestedActions[0]').text).toBe('Small');
    expect(at('OrderPrompt.SuggestedActions[0]')).toBe('51:24-51:29');
    // `\|` is a literal bar, not a separator; `${OtherSize()}` is not prose.
    expect(get('OrderPrompt.SuggestedActions[1]').text).toBe('Medium | Large');
    expect(at('OrderPrompt.SuggestedActions[1]')).toBe('51:32-51:47');
    expect(get('OrderPrompt.SuggestedActions[1]').context).toMatchObject({ component: 'quick_reply', kind: 'choice' });
    expect(at('ProductCard.title')).toBe('58:13-58:23');
    expect(get('ProductCard.title').context.component).toBe('title');
    expect(at('ProductCard.subtitle')).toBe('59:14-59:31');
    expect(get('ProductCard.text').text).toBe('Soft cotton.\nMachine washable.');
    expect(at('ProductCard.text')).toBe('60:15-61:18');
    expect(get('ProductCard.text').context.counts).toEqual({ buttons: 2 });
    expect(at('ProductCard.buttons[0]')).toBe('62:15-62:22');
    expect(get('ProductCard.buttons[0]').context).toMatchObject({ component: 'button', kind: 'choice' });
    expect(get('DetailsAction.Title').context).toMatchObject({ component: 'button', kind: 'choice' });
    expect(at('DetailsAction.Title')).toBe('69:13-69:35');
  });

  it('reads `> msglint-…` directives, also inside structures', () => {
    const { extraction, lines } = extract(fixture('greetings.en-gb.lg'));
    expect(extraction.directives!.map((d) => ({ ...d, offset: lines.at(d.offset) }))).toEqual([
      { kind: 'disable-next-line', rules: ['spelling'], reason: 'product name', offset: { line: 15, column: 1 } },
      { kind: 'disable-next-line', rules: ['spelling'], offset: { line: 52, column: 5 } },
    ]);
  });

  it('takes the locale from the file name, else from the defaults', () => {
    const src = '# Hello\n- Hallo zusammen!\n';
    expect(lgAdapter.extract(makeInput('bot/main.de-de.lg', src), { locale: 'en' }).messages[0].context.locale).toBe('de-DE');
    expect(lgAdapter.extract(makeInput('bot/Main.lg', src), { locale: 'fr' }).messages[0].context.locale).toBe('fr');
    expect(lgAdapter.extract(makeInput('bot/Main.lg', src), { channel: 'messenger' }).messages[0].context.channel).toBe('messenger');
  });

  it('gives the same messages and positions for a CRLF copy', () => {
    const lf = extract(fixture('greetings.en-gb.lg'));
    const crlf = extract(fixture('greetings-crlf.en-gb.lg'));
    expect(crlf.text).toContain('\r\n');
    expect([...crlf.byId.keys()]).toEqual([...lf.byId.keys()]);
    for (const id of lf.byId.keys()) {
      expect(crlf.get(id).text, id).toBe(lf.get(id).text);
      expect(crlf.at(id), id).toBe(lf.at(id));
    }
    expect(crlf.get('ProductCard.text').text).not.toContain('\r');
  });

  it('lints end to end: emoji before a finding, directives, CRLF', () => {
    for (const name of ['greetings.en-gb.lg', 'greetings-crlf.en-gb.lg']) {
      const result = lint(fixture(name));
      expect(result.fatalErrorCount, name).toBe(0);
      const findings = result.findings.map(brief);
      // 🖐️ is three UTF-16 code units (U+1F590 as a surrogate pair, then U+FE0F).
      expect(findings, name).toContain('spelling 6:7-6:11 WelcomeMessage[1]');
      expect(findings, name).toContain('spelling 34:19-34:25 TimeOfDayGoodbye[0]');
      expect(findings, name).toContain('platform-limits 69:33-69:35 DetailsAction.Title');
      // `> msglint-disable-next-line spelling` silences `Shopzilla` on line 16.
      expect(result.findings.filter((f) => f.line === 16), name).toEqual([]);
      // Expressions are masked: nothing is reported inside `${…}`.
      expect(result.findings.filter((f) => f.ruleId === 'spelling' && /\$|\{/.test(f.message)), name).toEqual([]);
    }
  });
});

describe('lg adapter: malformed files', () => {
  it('reports an unterminated ``` block at its opening (exit code 2)', () => {
    const { input } = read(fixture('unterminated.lg'));
    let error: unknown;
    try {
      lgAdapter.extract(input, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).offset).toBe(37);
    const result = lint(fixture('unterminated.lg'));
    expect(result.fatalErrorCount).toBe(1);
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: null,
        fatal: true,
        line: 5,
        column: 3,
        message: 'Multi-line text opened with ``` on line 5 (template `Broken`) is not closed by ```',
      }),
    ]);
  });

  it('reports a structure without `]` at its `[`', () => {
    const result = lint(fixture('unterminated-structure.lg'));
    expect(result.fatalErrorCount).toBe(1);
    expect(result.findings).toEqual([
      expect.objectContaining({
        fatal: true,
        line: 5,
        column: 1,
        message: 'Structure `[Activity` opened on line 5 (template `Prompt`) is not closed by a `]` line',
      }),
    ]);
  });

  it('reports stray body lines and unclosed expressions without stopping', () => {
    const src = '# A\n- Fine.\nno bullet here\n- Hi ${name\n';
    const { messages, errors } = lgAdapter.extract(makeInput('a.lg', src), {});
    expect(messages.map((m) => m.text)).toEqual(['Fine.', 'Hi ${name']);
    const lines = new LineIndex(src);
    expect(errors!.map((e) => [e.message, lines.at(e.offset)])).toEqual([
      ['Line in template `A` must start with `-` (a variation), `[` (a structure) or `>` (a comment)', { line: 3, column: 1 }],
      ['Expression `${` is not closed by `}`', { line: 4, column: 6 }],
    ]);
  });

  it('does not let an unclosed `${` inside ``` swallow the closing ```', () => {
    const src = '# A\n- ```Price ${x\n```\n- after\n# B\n- ok }\n';
    const { messages, errors } = lgAdapter.extract(makeInput('a.lg', src), {});
    expect(messages.map((m) => [m.id, m.text])).toEqual([['A[0]', 'Price ${x'], ['A[1]', 'after'], ['B[0]', 'ok }']]);
    expect(errors!.map((e) => e.message)).toEqual(['Expression `${` is not closed by `}`']);
  });
});

describe('lg adapter: real .lg files', () => {
  it('reads every corpus file without errors', () => {
    for (const path of [MAIN, ALL, ONBOARDING, COMMON, BASIC, FEEDBACK]) {
      const { extraction } = extract(corpus(path));
      expect(extraction.errors, path).toEqual([]);
    }
    expect(extract(corpus(ALL)).byId.size).toBe(0); // only [import] lines
  });

  it('reads MainResponses.lg (BOM, conditional template, Adaptive Card JSON)', () => {
    const { get, at, byId } = extract(corpus(MAIN));
    expect(byId.size).toBe(54);
    expect(get('CompletedMessage[0]').text).toBe('I’m here if you need anything else.');
    expect(at('CompletedMessage[0]')).toBe('2:3-2:38');
    expect(at('CancelledMessage[0]', 'cancelling')).toBe('8:22-8:32');
    expect(get('ConfusedMessage[0]').context.kind).toBe('fallback');
    expect(get('NewUserIntroCardTitle[1]').context.kind).toBe('greeting');
    expect(at('EscalatedText[0]', 'LivePerson')).toBe('66:39-66:49');
    expect(at('HelpCard.title')).toBe('212:11-212:37');
    // Card parts do not inherit the template's kind.
    expect(get('HelpCard.title').context.kind).toBeUndefined();
    // Only-expression and empty variations, and JSON bodies, are not messages.
    expect([...byId.keys()].filter((id) => /^(RandomName|NewUserIntroCardJson|ReturningUserIntroCardJson|EscalateMessage)/.test(id))).toEqual([]);
    expect(get('SkillSwitchPrompt[0]').text).toBe('Would you like to switch to the ${Skill}?');
  });

  it('reads the Composer samples (cards, SWITCH/CASE, emoji)', () => {
    const common = extract(corpus(COMMON));
    expect(common.get('help[0]').text.startsWith('I can show you examples on different Cards\n    [Suggestions=')).toBe(true);
    expect(common.at('help[0]')).toBe('121:5-130:18');
    expect(common.at('ThumbnailCard.buttons[0]')).toBe('55:15-55:26');
    expect(common.get('HeroCard.text').context.locale).toBe('en-US');
    // `[Herocard` with only expressions, `[CardAction` with `Title = ${title}`, JSON: nothing.
    expect([...common.byId.keys()].filter((id) => /^(HeroCardWithMemory|cardActionTemplate|adaptivecardjson|AllCards|AdaptiveCard)/.test(id))).toEqual([]);

    const basic = extract(corpus(BASIC));
    expect(basic.at('GreetingNewUser_text[0]')).toBe('26:3-26:44');
    expect(basic.get('GreetingNewUser_text[0]').context.kind).toBe('greeting');
    expect(basic.get('SendActivity_ChooseIntentPrompt_attachment_getIntentReadBack[1]').context.extra?.condition).toBe("CASE : ${'GetUserProfile'}");
    expect(basic.at('SendActivity_ChooseIntentPrompt_attachment_getIntentReadBack[1]')).toBe('123:5-123:57');
    expect(basic.at('GreetingBotTourIntent_action.title')).toBe('39:13-39:27');
    expect([...basic.byId.keys()].some((id) => id.startsWith('SendActivity_ChooseIntentPrompt_attachment_choice'))).toBe(false);
  });

  it('lints a real .lg file end to end', () => {
    const result = lint(corpus(MAIN));
    expect(result.fatalErrorCount).toBe(0);
    expect(result.findings.map(brief)).toContain('spelling 66:39-66:49 EscalatedText[0]');
    // `OK${RandomName()}, …`: the expression is masked, the word after it is still checked in place.
    expect(result.findings.filter((f) => f.line === 8 && f.column < 22)).toEqual([]);
  });
});

describe('lg adapter: JSON payloads and cost', () => {
  it('skips only what JSON.parse accepts (each `${…}` standing for a value)', () => {
    expect(looksLikeJson('{"type": "AdaptiveCard", "body": [{"text": "${title}"}]}')).toBe(true);
    expect(looksLikeJson('{"count": ${count(items)}, "name": "${concat("a", "}")}"}')).toBe(true);
    expect(looksLikeJson('[${a}, ${b}]')).toBe(true);
    expect(looksLikeJson('{name}, thanks for expresing interest in ${product}')).toBe(false);
    expect(looksLikeJson('[Note] we recieve orders until 6 pm [Mon-Fri]')).toBe(false);
    expect(looksLikeJson('{"unclosed": ${x}')).toBe(false);
    const { messages } = lgAdapter.extract(makeInput('a.lg', '# A\n- {name}, thanks for ${product}\n- {"a": ${b}}\n'), {});
    expect(messages.map((m) => m.id)).toEqual(['A[0]']);
  });

  // The former findMultilineEnd, which scanned every `${` to its end (quadratic on a block of
  // unclosed `${`): the simpler scan must find the same closing ```.
  function formerMultilineEnd(src: string, from: number): number {
    let i = from;
    while (i < src.length) {
      const ch = src[i];
      if (ch === '\\') {
        i += src[i + 1] === '\n' || src[i + 1] === '\r' || i + 1 >= src.length ? 1 : 2;
        continue;
      }
      if (ch === '$' && src[i + 1] === '{') {
        const end = scanExpression(src, i, src.length);
        if (end > 0 && !src.slice(i, end).includes('```')) {
          i = end;
          continue;
        }
      }
      if (ch === '`' && src.startsWith('```', i)) return i;
      i++;
    }
    return -1;
  }

  it('finds the closing ``` where the expression-skipping scan found it', () => {
    const pieces = ['${', '}', '{', '`', '```', '\\', '\\`', "'", '"', 'a', ' ', '\n', '\r\n', '${a}', "${'```'}"];
    let seed = 3;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const problems: string[] = [];
    for (let t = 0; t < 20_000 && problems.length < 5; t++) {
      let src = '';
      for (let k = 0, len = 1 + rnd(12); k < len; k++) src += pieces[rnd(pieces.length)];
      if (findMultilineEnd(src, 0) !== formerMultilineEnd(src, 0)) problems.push(JSON.stringify(src));
    }
    expect(problems).toEqual([]);
  });

  it('reads a block of many unclosed `${` in linear time', () => {
    const make = (n: number) => `# T\n- \`\`\`${'${'.repeat(n)}\`\`\`\n`;
    const time = (n: number) => {
      const input = makeInput('a.lg', make(n));
      const start = performance.now();
      lgAdapter.extract(input, {});
      return performance.now() - start;
    };
    time(1000);
    const small = time(20_000);
    const big = time(160_000);
    expect(big).toBeLessThan(12 * small + 200);
  });
});
