#!/usr/bin/env node
// Writes a deterministic synthetic conversation export (JSON Lines, the `msglint audit`
// schema) of about N bytes, for the audit's size test:
//
//   node bench/audit/generate.mjs [--bytes 1073741824] [--out /tmp/msglint-audit.jsonl] [--seed 1]
//                                 [--interleave 64]
//
// Conversations of 2–16 messages, customer/business turns, replies from seconds to days,
// some bot (automated) messages, tags (POST_PURCHASE_UPDATE before and after its retirement on
// 2026-04-27, HUMAN_AGENT inside and outside 7 days, automated HUMAN_AGENT), away periods,
// done conversations, and a few business-first conversations. Conversations overlap in time
// and `--interleave` of them are written round-robin, so lines of different conversations
// alternate as in a real export sorted by time; each conversation stays in time order.
// The same arguments always give the same bytes. The last line may end a little past N.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    bytes: { type: 'string', default: String(1024 ** 3) },
    out: { type: 'string', default: '/tmp/msglint-audit.jsonl' },
    seed: { type: 'string', default: '1' },
    interleave: { type: 'string', default: '64' },
  },
});
const target = Number(values.bytes);
const interleave = Math.max(1, Number(values.interleave));

// mulberry32: small, fast, deterministic.
let state = Number(values.seed) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

const NAMES = ['Anna', 'Mark', 'Lucy', 'John', 'Sarah', 'Paul', 'Emma', 'David', 'Laura', 'Peter', 'Maria', 'James'];
const PRODUCTS = ['jacket', 'blue dress', 'pair of boots', 'backpack', 'wool scarf', 'raincoat', 'leather belt'];
const CUSTOMER = [
  (v) => `Hi, where is my order ${v.order}?`,
  (v) => `Hello, do you have the ${v.product} in size ${v.size}?`,
  (v) => `My parcel ${v.order} has not arrived yet. Can you check?`,
  (v) => `Can I return the ${v.product} I bought last week?`,
  (v) => `Thanks, that helps a lot.`,
  (v) => `Is the shop open on Sunday?`,
  (v) => `I was charged twice for order ${v.order}.`,
  (v) => `Ok, thank you!`,
];
const REPLY = [
  (v) => `Hi ${v.name}! Your order ${v.order} shipped yesterday and should arrive on ${v.day}.`,
  (v) => `Yes, we have the ${v.product} in size ${v.size}. Shall I reserve one for you?`,
  (v) => `Sorry about that, ${v.name}. I have asked the courier and will update you today.`,
  (v) => `Of course. You can return it within 30 days with the label in the box.`,
  (v) => `You are welcome, ${v.name}. Is there anything else I can help you with today?`,
  (v) => `We are open from 10 to 18 on Sunday.`,
  (v) => `I can see the double charge on order ${v.order}. The refund is on its way.`,
];
const BOT = [
  () => 'Thanks for your message! We usually reply within a few minutes.',
  () => 'Hi! An agent will be with you shortly.',
  () => 'We are away right now and will reply in the morning.',
];
const UPDATE = (v) => `Your order ${v.order} has shipped and arrives on ${v.day}.`;
const PROMO = (v) => `Your order ${v.order} has shipped. Use code SAVE10 for 10% off your next order!`;
const HUMAN = (v) => `Sorry for the wait, ${v.name}. Your refund for order ${v.order} was sent today.`;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

const START = Date.parse('2026-02-01T00:00:00Z');
const SPAN = 150 * 86_400_000; // Feb–June 2026, across the 2026-04-27 tag retirement
const OFFSETS = ['Z', '+02:00', '+01:00', '-05:00'];

function stamp(ms, offset) {
  if (offset === 'Z') return new Date(ms).toISOString().replace('.000Z', 'Z');
  const sign = offset[0] === '-' ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 19) + offset;
}

let conversationCount = 0;

/** One conversation as an array of JSON lines, in time order. */
function conversation() {
  const id = `c${(++conversationCount).toString(36)}`;
  const vars = { name: pick(NAMES), order: String(int(100000, 999999)), product: pick(PRODUCTS), size: pick(['S', 'M', 'L', 'XL']), day: pick(DAYS) };
  const offset = pick(OFFSETS);
  const channel = random() < 0.1 ? 'instagram' : 'messenger';
  const done = random() < 0.05;
  let t = START + Math.floor((random() * SPAN) / 1000) * 1000;
  const lines = [];
  const line = (fields) => lines.push(JSON.stringify({ conversation: id, ...fields, channel, ...(done ? { done: true } : {}) }));
  const turns = int(1, 8);
  if (random() < 0.01) {
    // business-first: an unsolicited message (no-open-window)
    line({ from: 'business', timestamp: stamp(t, offset), text: `Hi ${vars.name}, our new collection is here.`, id: `m${lines.length}${id}` });
    t += int(1, 48) * 3_600_000;
  }
  for (let turn = 0; turn < turns; turn++) {
    const away = random() < 0.08;
    line({ from: 'customer', timestamp: stamp(t, offset), text: pick(CUSTOMER)(vars), ...(away ? { page_status: 'away' } : {}), id: `m${lines.length}${id}` });
    if (random() < 0.3) {
      t += int(1, 20) * 1000;
      line({ from: 'business', timestamp: stamp(t, offset), text: pick(BOT)(), automated: true, id: `m${lines.length}${id}` });
    }
    const r = random();
    if (r < 0.06) {
      // no reply in this turn
    } else if (r < 0.075) {
      // late reply: 24 h to 3 days, untagged (window-24h) or HUMAN_AGENT (inside 7 days)
      t += int(24 * 60 + 1, 72 * 60) * 60_000;
      if (random() < 0.5) line({ from: 'business', timestamp: stamp(t, offset), text: pick(REPLY)(vars), id: `m${lines.length}${id}` });
      else line({ from: 'business', timestamp: stamp(t, offset), text: HUMAN(vars), tag: 'HUMAN_AGENT', messaging_type: 'MESSAGE_TAG', automated: random() < 0.05, id: `m${lines.length}${id}` });
    } else if (r < 0.08) {
      // HUMAN_AGENT after 7 days
      t += int(7 * 24 * 60 + 1, 9 * 24 * 60) * 60_000;
      line({ from: 'business', timestamp: stamp(t, offset), text: HUMAN(vars), tag: 'HUMAN_AGENT', messaging_type: 'MESSAGE_TAG', id: `m${lines.length}${id}` });
    } else {
      // a human reply within seconds to a few hours (mostly minutes)
      const minutes = random() < 0.85 ? int(1, 15) : int(16, 300);
      t += minutes * 60_000 + int(0, 59) * 1000;
      line({ from: 'business', timestamp: stamp(t, offset), text: pick(REPLY)(vars), id: `m${lines.length}${id}` });
    }
    if (channel === 'messenger' && random() < 0.05) {
      // a shipping update two days later: POST_PURCHASE_UPDATE (retired from 2026-04-27), sometimes promotional
      t += 2 * 86_400_000 + int(0, 3600) * 1000;
      line({ from: 'business', timestamp: stamp(t, offset), text: (random() < 0.2 ? PROMO : UPDATE)(vars), tag: 'POST_PURCHASE_UPDATE', messaging_type: 'MESSAGE_TAG', id: `m${lines.length}${id}` });
    }
    // the next customer message: soon, or after more than 24 hours of silence
    t += random() < 0.6 ? int(1, 120) * 60_000 : int(25, 96) * 3_600_000;
  }
  return lines;
}

const out = createWriteStream(values.out);
let written = 0;
const active = [];
let buffer = [];
let bufferBytes = 0;
while (written < target) {
  while (active.length < interleave) active.push(conversation());
  // Round-robin: one line from each active conversation, retiring finished ones.
  for (let i = 0; i < active.length && written < target; i++) {
    const text = active[i].shift() + '\n';
    buffer.push(text);
    bufferBytes += text.length; // ASCII only: characters = bytes
    written += text.length;
    if (active[i].length === 0) {
      active.splice(i, 1);
      i--;
    }
  }
  if (bufferBytes >= 1 << 20) {
    if (!out.write(buffer.join(''))) await once(out, 'drain');
    buffer = [];
    bufferBytes = 0;
  }
}
out.write(buffer.join(''));
out.end();
await once(out, 'finish');
console.error(`wrote ${written} bytes, ${conversationCount} conversations to ${values.out}`);
