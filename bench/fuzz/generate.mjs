// Deterministic input generation for the msglint fuzzer: input `i` of seed `s` is always the
// same (file name and text), so a crash or a hang is reproduced from (seed, index) alone.
//
// Half of the inputs are mutations of real files (examples/, test/formats/fixtures/,
// test/fixtures/bad/): token insertions, deletions, duplications, truncations, line-ending
// changes, splices. The other half come from small grammars for every format msglint reads
// (catalogue YAML/JSON in all scalar styles, Send API, WhatsApp templates, Rasa, .lg,
// locale files, Markdown with front matter, plain text, conversation scripts), filled with
// hostile text: placeholders nested and unbalanced, escapes, surrogates (lone ones too),
// emoji, combining marks, RTL and zero-width characters, CR/CRLF, tabs, directives.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (list) => list[int(list.length)],
    chance: (p) => next() < p,
  };
}

/**
 * A 32-bit seed for input `index` of run `seed`. The seed is mixed before the index joins
 * it: with `seed ^ index`, seeds 3 and 7 gave the same inputs in another order.
 */
export function inputSeed(seed, index) {
  let h = Math.imul((seed ^ 0x9e3779b9) >>> 0, 0x27d4eb2d) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Text files under the given roots (small ones only), as {path, text}. */
export function loadCorpus(root, dirs) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.(ya?ml|json|txt|md|markdown|lg)$/i.test(entry.name)) {
        try {
          if (statSync(path).size > 64 * 1024) continue;
          const text = readFileSync(path, 'utf8');
          out.push({ path: relative(root, path), text });
        } catch {
          // unreadable fixture (chmod 000 when not root): skip
        }
      }
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return out;
}

// ── Hostile building blocks ──────────────────────────────────────────────────────────────

const WORDS = [
  'Hello', 'hi', 'your', 'order', 'has', 'shipped', 'and', 'arrives', 'on', 'Friday', 'thanks', 'for', 'waiting',
  'we', 'are', 'sorry', 'refund', 'track', 'parcel', 'reply', 'STOP', 'help', 'today', 'code', 'SAVE10', '10%', 'off',
  'frend', 'expresing', 'recieve', 'adress', 'e-mail', 'web', 'site', 'obviously', 'as', 'I', 'already', 'said',
  'Großartig', 'café', 'naïve', 'Ünïcödé', 'ça', 'per', 'my', 'last', 'message', 'Buy', 'now', 'limited', 'time',
  'offer', 'POST_PURCHASE_UPDATE', 'HUMAN_AGENT', 'https://example.com/a?b=c', 'www.shop.it', 'user@example.org',
  'constructor', '__proto__', 'toString', 'hasOwnProperty',
];
const PLACEHOLDERS = [
  '{{1}}', '{{first_name}}', '{{ {{1}} }}', '{{1', '1}}', '{{}}', '{{{{', '}}}}', '${a}', '${a${b}}', '${', '${${${',
  '{name}', '{', '}', '%s', '%1$s', '%', '%%', '{{ name }}', '${order.id}', '${f("}")}', '{{1}}{{2}}{{3}}',
];
const ODD = [
  '\u0000', '\uD83D', '\uDE00', '\uD83D\uDE00', '\uFEFF', '\u200B', '\u200C', '\u200D', '\u2060', '\u202E', '\u200F',
  '\u0301', '\u0301\u0301\u0301', 'e\u0301', '\u00A0', '\u2028', '\u2029', '\u0085', '\r', '\r\n', '\n', '\t', '\v', '\f',
  '🙄', '👍🏽', '👨‍👩‍👧‍👦', '🇮🇹', 'مرحبا', 'שלום', '日本語', 'ﷺ', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'Z̸̡̢a̷l̶g̴o',
  '\\', '\\\\', '\\n', '\\u', '\\u00e9', '\\ud83d', '\\x41', '\\U0001F600', '\\"', "''", '"', "'", '`', '```',
  '---', '...', '#', '# ', '- ', '* ', '> ', '[', ']', '](', '[link](https://x.y)', '**', '__', '~~', '<!--', '-->',
  '<b>', '<https://x.y>', '&amp;', ': ', ':', '&a', '*a', '!!binary', '? ', '|', '>-', '|+', '{', '}', '[]', '{}',
  '# msglint-disable spelling', '<!-- msglint-disable-next-line -->', '> msglint-disable', '"//": "msglint-disable"',
  '/s', '....', '!!!', '???',
];

function randomText(r, maxTokens = 30) {
  const n = 1 + r.int(maxTokens);
  const parts = [];
  for (let k = 0; k < n; k++) {
    const roll = r.next();
    if (roll < 0.62) parts.push(r.pick(WORDS));
    else if (roll < 0.78) parts.push(r.pick(PLACEHOLDERS));
    else parts.push(r.pick(ODD));
    const sep = r.next();
    parts.push(sep < 0.75 ? ' ' : sep < 0.85 ? '. ' : sep < 0.9 ? ', ' : sep < 0.95 ? '' : '\n');
  }
  return parts.join('');
}

/** Text without line breaks or backslashes (safe in more places). */
function lineText(r, maxTokens) {
  return randomText(r, maxTokens).replace(/[\r\n\u2028\u2029\u0085\\]/g, ' ');
}

// ── Serialisers ──────────────────────────────────────────────────────────────────────────

const yamlDouble = (t) => JSON.stringify(t);
const yamlSingle = (t) => `'${t.replace(/'/g, "''")}'`;

/** A YAML scalar for `text` at `indent`, in a random style (may be invalid YAML on purpose). */
function yamlScalar(r, text, indent) {
  const pad = ' '.repeat(indent + 2);
  switch (r.int(6)) {
    case 0:
      return yamlDouble(text);
    case 1:
      return yamlSingle(text.replace(/[\r\n]/g, ' '));
    case 2:
      return text.replace(/[\r\n]/g, ' '); // plain (often invalid: a mutation in itself)
    case 3:
      return `|\n${text.split(/\r?\n/).map((l) => pad + l).join('\n')}`;
    case 4:
      return `>\n${text.split(/\r?\n/).map((l) => pad + l).join('\n')}`;
    default: {
      // double-quoted with escapes inside words
      return `"${[...text].map((c) => (r.chance(0.1) && /[a-z]/.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : JSON.stringify(c).slice(1, -1))).join('')}"`;
    }
  }
}

function jsonString(r, text) {
  return `"${[...text]
    .map((c) => {
      const e = JSON.stringify(c).slice(1, -1);
      if (r.chance(0.08)) return [...c].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
      if (c === '/' && r.chance(0.5)) return '\\/';
      return e;
    })
    .join('')}"`;
}

const GRAMMARS = {
  catalogueYaml(r) {
    const items = [];
    const n = 1 + r.int(4);
    for (let i = 0; i < n; i++) {
      const lines = [`  - id: m${i}`];
      if (r.chance(0.3)) lines.push(`    tag: ${r.pick(['POST_PURCHASE_UPDATE', 'HUMAN_AGENT', 'ACCOUNT_UPDATE', 'BOGUS', '""', 'constructor', '__proto__'])}`);
      if (r.chance(0.3)) lines.push(`    messaging_type: ${r.pick(['RESPONSE', 'UPDATE', 'MESSAGE_TAG'])}`);
      if (r.chance(0.3)) lines.push(`    channel: ${r.pick(['messenger', 'instagram', 'whatsapp', 'generic', 'fax', 'constructor'])}`);
      if (r.chance(0.2)) lines.push(`    kind: ${r.pick(['greeting', 'closing', 'update', 'away', 'fallback'])}`);
      lines.push(`    text: ${yamlScalar(r, randomText(r), 4)}`);
      if (r.chance(0.3)) lines.push(`    quick_replies:\n      - ${yamlDouble(lineText(r, 4))}\n      - title: ${yamlDouble(lineText(r, 3))}`);
      if (r.chance(0.2)) lines.push(`    buttons: [${yamlDouble(lineText(r, 3))}]`);
      items.push(lines.join('\n'));
    }
    return { ext: r.pick(['.yml', '.yaml']), dir: r.pick(['', 'templates/', 'content/instagram/']), text: `messages:\n${items.join('\n')}\n` };
  },
  catalogueJson(r) {
    const items = [];
    for (let i = 0, n = 1 + r.int(4); i < n; i++) {
      const fields = [`"id": "m${i}"`, `"text": ${jsonString(r, randomText(r))}`];
      if (r.chance(0.3)) fields.push(`"tag": ${JSON.stringify(r.pick(['POST_PURCHASE_UPDATE', 'HUMAN_AGENT', 'NOPE']))}`);
      if (r.chance(0.2)) fields.push(`"quick_replies": [${jsonString(r, lineText(r, 3))}]`);
      if (r.chance(0.1)) fields.push(`"msglint-disable": "spelling -- fuzz"`);
      items.push(`{${fields.join(', ')}}`);
    }
    return { ext: '.json', dir: '', text: `{"messages": [${items.join(',\n ')}]}\n` };
  },
  sendApi(r) {
    const request = () => {
      const message = r.chance(0.6)
        ? `{"text": ${jsonString(r, randomText(r))}${r.chance(0.3) ? `, "quick_replies": [{"content_type": "text", "title": ${jsonString(r, lineText(r, 3))}, "payload": "P"}]` : ''}}`
        : `{"attachment": {"type": "template", "payload": {"template_type": "${r.pick(['button', 'generic'])}", "text": ${jsonString(r, randomText(r))}, "buttons": [{"type": "postback", "title": ${jsonString(r, lineText(r, 3))}}], "elements": [{"title": ${jsonString(r, lineText(r, 5))}, "subtitle": ${jsonString(r, lineText(r, 8))}}]}}}`;
      return `{"recipient": {"id": "1"}, "messaging_type": "${r.pick(['RESPONSE', 'UPDATE', 'MESSAGE_TAG'])}"${r.chance(0.4) ? `, "tag": "${r.pick(['HUMAN_AGENT', 'POST_PURCHASE_UPDATE', 'X'])}"` : ''}, "message": ${message}}`;
    };
    const text = r.chance(0.5) ? request() : `[${Array.from({ length: 1 + r.int(3) }, request).join(',\n')}]`;
    return { ext: '.json', dir: r.pick(['', 'instagram/', 'ig/']), text };
  },
  whatsapp(r) {
    const comps = [`{"type": "BODY", "text": ${jsonString(r, randomText(r))}${r.chance(0.3) ? ', "example": {"body_text": [["Ann", "42"]]}' : ''}}`];
    if (r.chance(0.5)) comps.unshift(`{"type": "HEADER", "format": "TEXT", "text": ${jsonString(r, lineText(r, 5))}}`);
    if (r.chance(0.4)) comps.push(`{"type": "FOOTER", "text": ${jsonString(r, lineText(r, 5))}}`);
    if (r.chance(0.4)) comps.push(`{"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": ${jsonString(r, lineText(r, 3))}}]}`);
    if (r.chance(0.1)) comps.push(`{"type": "CAROUSEL", "cards": [{"components": [{"type": "BODY", "text": ${jsonString(r, randomText(r, 8))}}]}]}`);
    const template = `{"name": "t${r.int(9)}", "category": "${r.pick(['UTILITY', 'MARKETING', 'AUTHENTICATION', 'utility'])}", "language": "${r.pick(['en_US', 'it', 'de_DE', 'xx'])}", "components": [${comps.join(', ')}]}`;
    return { ext: '.json', dir: 'whatsapp/', text: r.chance(0.7) ? template : `{"data": [${template}]}` };
  },
  rasa(r) {
    const responses = [];
    for (let i = 0, n = 1 + r.int(3); i < n; i++) {
      const name = r.pick(['utter_greet', 'utter_goodbye', 'utter_default', 'utter_ask', 'utter_x']) + i;
      const variations = Array.from({ length: 1 + r.int(2) }, () => `    - text: ${yamlScalar(r, randomText(r), 6)}${r.chance(0.3) ? `\n      buttons:\n        - title: ${yamlDouble(lineText(r, 3))}\n          payload: /x` : ''}${r.chance(0.2) ? `\n      channel: ${r.pick(['facebook', 'whatsapp', 'slack', 'constructor', 'toString'])}` : ''}`);
      responses.push(`  ${name}:\n${variations.join('\n')}`);
    }
    return { ext: '.yml', dir: '', name: 'domain', text: `version: "3.1"\nintents:\n  - greet\nresponses:\n${responses.join('\n')}\n` };
  },
  lg(r) {
    const templates = [];
    for (let i = 0, n = 1 + r.int(3); i < n; i++) {
      const name = r.pick(['Greeting', 'Goodbye', 'Fallback', 'OrderStatus', 'Card']) + i;
      const body = [];
      for (let k = 0, m = 1 + r.int(3); k < m; k++) {
        const roll = r.int(5);
        if (roll === 0) body.push(`- \`\`\`${randomText(r, 10).replace(/`/g, "'")}\`\`\``);
        else if (roll === 1) body.push(`[HeroCard\n    title = ${lineText(r, 4).replace(/[|\]]/g, ' ')}\n    buttons = ${lineText(r, 2).replace(/[|\]]/g, ' ')} | ${lineText(r, 2).replace(/[|\]]/g, ' ')}\n]`);
        else if (roll === 2) body.push(`- IF: \${x}\n    - ${lineText(r, 8)}\n- ELSE:\n    - ${lineText(r, 8)}`);
        else body.push(`- ${lineText(r, 12)}`);
      }
      templates.push(`# ${name}${r.chance(0.3) ? '(a, b)' : ''}\n${body.join('\n')}`);
    }
    return { ext: '.lg', dir: '', text: `> comment\n${templates.join('\n\n')}\n` };
  },
  localeJson(r) {
    const leaf = () => jsonString(r, randomText(r, 12));
    const text = `{"greeting": {"welcome": ${leaf()}, "bye": ${leaf()}}, "buttons": {"track_button": ${leaf()}}, "profile": {"greeting": ${leaf()}}, "n": ${r.int(9)}}`;
    return { ext: '.json', dir: 'locales/', name: r.pick(['en', 'en_US', 'it_IT', 'de']), text };
  },
  localeYaml(r) {
    const text = `en:\n  greeting:\n    welcome: ${yamlScalar(r, randomText(r, 12), 4)}\n  closing:\n    bye: ${yamlScalar(r, randomText(r, 8), 4)}\n`;
    return { ext: '.yml', dir: 'config/locales/', name: 'en', text };
  },
  markdown(r) {
    const fm = r.chance(0.6)
      ? `---\n${r.chance(0.5) ? `channel: ${r.pick(['messenger', 'whatsapp', 'instagram'])}\n` : ''}${r.chance(0.4) ? `tag: ${r.pick(['POST_PURCHASE_UPDATE', 'HUMAN_AGENT'])}\n` : ''}${r.chance(0.3) ? `kind: ${r.pick(['greeting', 'closing'])}\n` : ''}${r.chance(0.1) ? 'bogus: 1\n' : ''}${r.chance(0.9) ? '---\n' : ''}`
      : '';
    const body = Array.from({ length: 1 + r.int(4) }, () => `${r.pick(['', '# ', '> ', '- ', '1. ', '**', '```\n'])}${randomText(r, 15)}`).join(r.pick(['\n', '\n\n']));
    return { ext: r.pick(['.md', '.markdown']), dir: '', text: fm + body + '\n' };
  },
  script(r) {
    const turns = Array.from({ length: 2 + r.int(3) }, (_, i) => `  - from: ${i % 2 ? 'business' : 'customer'}\n    text: ${yamlScalar(r, randomText(r, 10), 4)}`);
    if (r.chance(0.5)) return { ext: '.yml', dir: 'scripts/', text: `channel: messenger\nconversation:\n${turns.join('\n')}\n` };
    const md = Array.from({ length: 2 + r.int(3) }, (_, i) => `**${i % 2 ? 'Business' : 'Customer'}:** ${randomText(r, 10)}`).join('\n\n');
    return { ext: '.md', dir: '', name: 'chat.script', text: md + '\n' };
  },
  text(r) {
    return { ext: '.txt', dir: '', text: randomText(r, 60) };
  },
};

export const GRAMMAR_NAMES = Object.keys(GRAMMARS);

// ── Mutations ────────────────────────────────────────────────────────────────────────────

function mutate(r, text) {
  let t = text;
  const rounds = 1 + r.int(6);
  for (let k = 0; k < rounds; k++) {
    const at = r.int(t.length + 1);
    switch (r.int(10)) {
      case 0: // insert a hostile token
      case 1:
        t = t.slice(0, at) + r.pick(r.chance(0.5) ? ODD : PLACEHOLDERS) + t.slice(at);
        break;
      case 2: // delete a range
        t = t.slice(0, at) + t.slice(Math.min(t.length, at + 1 + r.int(20)));
        break;
      case 3: {
        // duplicate a range several times
        const len = 1 + r.int(12);
        const chunk = t.slice(at, at + len);
        t = t.slice(0, at) + chunk.repeat(1 + r.int(r.chance(0.1) ? 200 : 8)) + t.slice(at);
        break;
      }
      case 4: // truncate
        t = t.slice(0, at);
        break;
      case 5: // line endings
        t = r.chance(0.5) ? t.replace(/\r?\n/g, '\r\n') : t.replace(/\r?\n/g, r.pick(['\r', '\n', '\u2028']));
        break;
      case 6: // random code unit
        t = t.slice(0, at) + String.fromCharCode(r.int(0x10000)) + t.slice(at + 1);
        break;
      case 7: // indentation damage
        t = t.replace(/^( +)/gm, (m) => (r.chance(0.1) ? (r.chance(0.5) ? '\t' : m.slice(1)) : m));
        break;
      case 8: // a random word or placeholder replaced
        t = t.slice(0, at) + r.pick(WORDS) + t.slice(at + r.int(8));
        break;
      default: // nesting
        t = t.slice(0, at) + r.pick(['[', '{', '{{', '${', '(', '"']).repeat(1 + r.int(50)) + t.slice(at);
    }
  }
  return t;
}

const EXTENSIONS = ['.txt', '.md', '.markdown', '.yml', '.yaml', '.json', '.lg'];

/**
 * Input `index` of run `seed`: `{ filePath, text, kind }`. `corpus` is a list of {path, text}.
 */
export function generate(seed, index, corpus) {
  const r = prng(inputSeed(seed, index));
  let text;
  let filePath;
  let kind;
  if (corpus.length > 0 && r.chance(0.45)) {
    const base = r.pick(corpus);
    kind = `mutate:${base.path}`;
    text = base.text;
    if (r.chance(0.15)) text = text + r.pick(corpus).text; // splice
    text = mutate(r, text);
    // Usually keep the original name (so the same adapter is chosen), sometimes not.
    filePath = r.chance(0.85) ? base.path : `x/${base.path.replace(/\.[^.]+$/, '')}${r.pick(EXTENSIONS)}`;
  } else {
    const name = r.pick(GRAMMAR_NAMES);
    const out = GRAMMARS[name](r);
    kind = `grammar:${name}`;
    text = r.chance(0.35) ? mutate(r, out.text) : out.text;
    if (r.chance(0.15)) text = text.replace(/\r?\n/g, '\r\n');
    filePath = `${out.dir}${out.name ?? `f${index}`}${out.ext}`;
  }
  if (r.chance(0.03)) text = text.repeat(2 + r.int(20)); // occasionally larger
  return { filePath, text, kind };
}
