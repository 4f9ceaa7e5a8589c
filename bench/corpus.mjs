#!/usr/bin/env node
// msglint speed benchmark: the input corpus.
//
//   node bench/corpus.mjs [--if-needed] [--only en/precommit,en/files-1mb] [--list] [--quiet]
//
// Without --if-needed the named scenarios (default: all) are rebuilt; with it only those
// missing from bench/out are built (what run.mjs and guard.mjs do).
//
// Builds, deterministically (seeded PRNG, no clock, no randomness from the machine), the
// inputs of bench/run.mjs and bench/guard.mjs under bench/out/ (git-ignored):
//
//   out/<lang>/<scenario>/msglint/   what msglint lints: catalogue YAML (`messages:` list of
//                                    `{id, text, …}` items) and a `.lintrc` (`root: true`,
//                                    `locale: <lang>`), so no config above leaks in
//   out/<lang>/<scenario>/peers/     the same message texts as Markdown, one message per
//                                    paragraph (English only: the peers are English tools)
//   out/manifest.json                what was built: message, word, typo and byte counts,
//                                    a SHA-256 of the texts (to show two builds are equal)
//
// Scenarios (sizes are bytes of message text, UTF-8; files are a little larger):
//   precommit          5 files, 50 messages (20% real-corpus strings): a pre-commit hook
//   one-file-<S>mb     one catalogue of S MB (about 8,000 messages per MB)
//   files-<S>mb        S MB in 5,000 × S files of 1–2 messages, 100 files per folder
// with S = 1 (budgets), 0.5 and 0.25 (linear growth; each is a prefix of the 1 MB text).
//
// Texts: generated business replies (per-language templates: greeting + 1–2 body sentences
// with placeholders + closing) plus every string of the real corpora in ../shared/corpora/
// (Original Coast Clothing locales, Rasa domain.yml responses, Bot Framework .lg variations,
// WhatsApp template texts; for it/fr/es/de the OCC locale of that language). Typos are
// inserted into 2% of the words of 3+ letters (swap two letters, drop one, double one),
// never inside placeholders, URLs or codes. The rate is the same for every scenario.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, 'out');
const CORPORA = join(ROOT, '..', 'shared', 'corpora');
// `yaml` is a dependency of msglint itself (root node_modules).
const YAML = createRequire(join(ROOT, 'package.json'))('yaml');

/** Bump when the generated corpus changes: run.mjs rebuilds when the manifest differs. */
export const CORPUS_VERSION = 4;
export const SEED = 0x6d73676c; // "msgl"
export const TYPO_RATE = 0.02;
export const LANGS = ['en', 'it', 'fr', 'es', 'de'];
export const MB = 1_000_000;
export const SIZES = [0.25, 0.5, 1];
export const FILES_PER_MB = 5000;

// ---------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32)
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.chance = (p) => next() < p;
  return next;
}

function shuffle(list, random) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

// ---------------------------------------------------------------------------------------
// Templates. `category` drives the catalogue context of some items (tagged updates).
// Slots in braces ({day}) are filled from SLOTS; double braces are msglint placeholders.
const TEMPLATES = {
  en: {
    greetings: ['Hi {{first_name}}!', 'Hello {{first_name}},', 'Good morning {{first_name}}!', 'Hi there!', 'Hey {{first_name}}, thanks for your message!', 'Welcome back, {{first_name}}!'],
    closings: ['Let us know if there is anything else we can help with.', 'Thanks for shopping with us!', 'Have a great day!', 'We are here if you need anything else.', 'Thank you for your patience.', 'Talk soon!'],
    update: [
      'Your order {{order_id}} has shipped and should arrive on {day}.',
      'Good news: your {product} is on its way and the tracking number is {{tracking_number}}.',
      'We packed your order this morning, and the courier will collect it before {time}.',
      'Your delivery is scheduled for {day} between {time} and {time2}.',
      'The parcel with your {product} was delivered to the front desk at {time}.',
    ],
    reply: [
      'Thanks for reaching out about your {product}.',
      'I have checked your account and the refund of {amount} was issued on {day}.',
      'Could you send us a photo of the label so we can look into it?',
      'Our team is looking into the issue and will get back to you within two business days.',
      'You can change the delivery address in your account settings until the order ships.',
      'The {product} is back in stock in small, medium and large.',
      'We are sorry that your {product} arrived damaged.',
      'A replacement will be sent at no extra cost as soon as we receive the original item.',
      'Your appointment at our {store} store is confirmed for {day} at {time}.',
      'If you would like to reschedule, just reply with a new date and time.',
      'Please keep the receipt, because you will need it for the warranty.',
      'We could not process the payment for order {{order_id}}, so please check your card details.',
    ],
    promo: ['This week you can save {pct} on every {product} with the code {code}.'],
    slots: {
      day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
      product: ['denim jacket', 'running shoes', 'leather wallet', 'winter coat', 'coffee machine', 'phone case', 'wool sweater', 'backpack'],
      time: ['9am', '11am', 'noon', '2pm'], time2: ['4pm', '6pm', '8pm'],
      store: ['Camden', 'Brooklyn', 'downtown', 'airport'],
      amount: ['$49.90', '$120', '€25.50'], pct: ['20%', '15%', '30%'], code: ['SAVE20', 'SPRING15', 'WELCOME10'],
    },
  },
  it: {
    greetings: ['Ciao {{first_name}}!', 'Buongiorno {{first_name}},', 'Salve!', 'Gentile {{first_name}},', 'Bentornato, {{first_name}}!', 'Ciao {{first_name}}, grazie per il tuo messaggio!'],
    closings: ['Facci sapere se possiamo aiutarti in altro modo.', 'Grazie per aver scelto il nostro negozio!', 'Buona giornata!', 'Siamo qui per qualsiasi altra domanda.', 'Grazie per la pazienza.', 'A presto!'],
    update: [
      'Il tuo ordine {{order_id}} è stato spedito e arriverà {day}.',
      'Buone notizie: il tuo {product} è in viaggio e il numero di tracciamento è {{tracking_number}}.',
      'Abbiamo preparato il tuo pacco questa mattina e il corriere lo ritirerà entro le {time}.',
      'La consegna è prevista per {day} tra le {time} e le {time2}.',
      'Il pacco con il tuo {product} è stato consegnato in portineria alle {time}.',
    ],
    reply: [
      'Grazie per averci scritto a proposito del tuo {product}.',
      'Ho controllato il tuo account e il rimborso di {amount} è stato emesso {day}.',
      "Potresti inviarci una foto dell'etichetta, così possiamo verificare?",
      'Il nostro team sta esaminando il problema e ti risponderà entro due giorni lavorativi.',
      "Puoi cambiare l'indirizzo di consegna nelle impostazioni del tuo account finché l'ordine non viene spedito.",
      'Il {product} è di nuovo disponibile in tutte le taglie.',
      'Ci dispiace che il tuo {product} sia arrivato danneggiato.',
      'Ti invieremo un articolo sostitutivo senza costi aggiuntivi appena riceveremo quello originale.',
      'Il tuo appuntamento nel negozio di {store} è confermato per {day} alle {time}.',
      'Se vuoi spostarlo, rispondi pure con una nuova data e un nuovo orario.',
      'Conserva lo scontrino, perché ti servirà per la garanzia.',
      "Non siamo riusciti a elaborare il pagamento dell'ordine {{order_id}}, controlla i dati della tua carta.",
    ],
    promo: ['Questa settimana risparmi il {pct} su ogni {product} con il codice {code}.'],
    slots: {
      day: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì'],
      product: ['cappotto', 'maglione', 'portafoglio', 'zaino', 'telefono', 'orologio'],
      time: ['9', '10:30', '12'], time2: ['15', '18', '20'],
      store: ['Milano', 'Roma', 'Torino', 'Bologna'],
      amount: ['49,90 €', '120 €'], pct: ['20%', '15%', '30%'], code: ['SCONTO20', 'PRIMAVERA15'],
    },
  },
  fr: {
    greetings: ['Bonjour {{first_name}} !', 'Bonsoir {{first_name}},', 'Salut {{first_name}} !', 'Bonjour et merci pour votre message !', 'Bon retour parmi nous, {{first_name}} !'],
    closings: ["N'hésitez pas à nous écrire si nous pouvons vous aider.", 'Merci pour votre confiance !', 'Bonne journée !', 'Nous restons à votre disposition.', 'Merci pour votre patience.', 'À bientôt !'],
    update: [
      'Votre commande {{order_id}} a été expédiée et arrivera {day}.',
      'Bonne nouvelle : votre {product} est en route et le numéro de suivi est {{tracking_number}}.',
      'Nous avons préparé votre colis ce matin et le transporteur le récupérera avant {time}.',
      'La livraison est prévue {day} entre {time} et {time2}.',
      'Le colis contenant votre {product} a été remis à la loge à {time}.',
    ],
    reply: [
      'Merci de nous avoir contactés au sujet de votre {product}.',
      "J'ai vérifié votre compte et le remboursement de {amount} a été effectué {day}.",
      "Pourriez-vous nous envoyer une photo de l'étiquette afin que nous puissions vérifier ?",
      'Notre équipe examine le problème et vous répondra sous deux jours ouvrés.',
      "Vous pouvez modifier l'adresse de livraison dans les paramètres de votre compte jusqu'à l'expédition.",
      'Le {product} est de nouveau disponible dans toutes les tailles.',
      'Nous sommes désolés que votre {product} soit arrivé endommagé.',
      "Un article de remplacement vous sera envoyé sans frais dès réception de l'article d'origine.",
      'Votre rendez-vous dans notre boutique de {store} est confirmé pour {day} à {time}.',
      'Si vous souhaitez le déplacer, répondez simplement avec une nouvelle date et un nouvel horaire.',
      'Conservez votre ticket de caisse, car il vous sera demandé pour la garantie.',
      "Nous n'avons pas pu traiter le paiement de la commande {{order_id}}, veuillez vérifier les informations de votre carte.",
    ],
    promo: ['Cette semaine, économisez {pct} sur chaque {product} avec le code {code}.'],
    slots: {
      day: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'],
      product: ['manteau', 'pull', 'portefeuille', 'sac à dos', 'téléphone', 'blouson'],
      time: ['9 h', '10 h 30', 'midi'], time2: ['15 h', '18 h', '20 h'],
      store: ['Paris', 'Lyon', 'Lille', 'Bordeaux'],
      amount: ['49,90 €', '120 €'], pct: ['20 %', '15 %', '30 %'], code: ['PROMO20', 'PRINTEMPS15'],
    },
  },
  es: {
    greetings: ['¡Hola, {{first_name}}!', 'Buenos días, {{first_name}}:', '¡Hola!', 'Estimado {{first_name}}:', '¡Bienvenido de nuevo, {{first_name}}!'],
    closings: ['Dinos si podemos ayudarte en algo más.', '¡Gracias por comprar con nosotros!', '¡Que tengas un buen día!', 'Estamos aquí para lo que necesites.', 'Gracias por tu paciencia.', '¡Hasta pronto!'],
    update: [
      'Tu pedido {{order_id}} ha sido enviado y llegará el {day}.',
      'Buenas noticias: tu {product} ya está en camino y el número de seguimiento es {{tracking_number}}.',
      'Hemos preparado tu paquete esta mañana y el mensajero lo recogerá antes de las {time}.',
      'La entrega está prevista para el {day} entre las {time} y las {time2}.',
      'El paquete con tu {product} se entregó en la recepción a las {time}.',
    ],
    reply: [
      'Gracias por escribirnos sobre tu {product}.',
      'He revisado tu cuenta y el reembolso de {amount} se emitió el {day}.',
      '¿Podrías enviarnos una foto de la etiqueta para que podamos revisarlo?',
      'Nuestro equipo está revisando el problema y te responderá en un plazo de dos días hábiles.',
      'Puedes cambiar la dirección de entrega en la configuración de tu cuenta hasta que se envíe el pedido.',
      'El {product} vuelve a estar disponible en todas las tallas.',
      'Sentimos mucho que tu {product} haya llegado dañado.',
      'Te enviaremos un artículo de sustitución sin coste adicional en cuanto recibamos el original.',
      'Tu cita en nuestra tienda de {store} está confirmada para el {day} a las {time}.',
      'Si quieres cambiarla, responde con una nueva fecha y hora.',
      'Guarda el recibo, porque lo necesitarás para la garantía.',
      'No hemos podido procesar el pago del pedido {{order_id}}, revisa los datos de tu tarjeta.',
    ],
    promo: ['Esta semana ahorra un {pct} en cada {product} con el código {code}.'],
    slots: {
      day: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes'],
      product: ['abrigo', 'jersey', 'monedero', 'reloj', 'teléfono', 'bolso'],
      time: ['9:00', '10:30', '12:00'], time2: ['15:00', '18:00', '20:00'],
      store: ['Madrid', 'Sevilla', 'Valencia', 'Bilbao'],
      amount: ['49,90 €', '120 €'], pct: ['20 %', '15 %', '30 %'], code: ['AHORRA20', 'PRIMAVERA15'],
    },
  },
  de: {
    greetings: ['Hallo {{first_name}}!', 'Guten Morgen {{first_name}},', 'Hallo zusammen!', 'Liebe Kundin, lieber Kunde,', 'Willkommen zurück, {{first_name}}!', 'Hallo {{first_name}}, danke für deine Nachricht!'],
    closings: ['Melde dich gern, wenn wir dir noch helfen können.', 'Danke für deinen Einkauf!', 'Einen schönen Tag noch!', 'Wir sind für dich da, wenn du noch etwas brauchst.', 'Danke für deine Geduld.', 'Bis bald!'],
    update: [
      'Deine Bestellung {{order_id}} wurde verschickt und kommt am {day} an.',
      'Gute Nachricht: Dein {product} ist unterwegs, die Sendungsnummer lautet {{tracking_number}}.',
      'Wir haben dein Paket heute Morgen gepackt, und der Kurier holt es vor {time} Uhr ab.',
      'Die Zustellung ist für {day} zwischen {time} und {time2} Uhr geplant.',
      'Das Paket mit deinem {productDat} wurde um {time} Uhr beim Empfang abgegeben.',
    ],
    reply: [
      'Danke, dass du uns geschrieben hast.',
      'Ich habe dein Konto geprüft, und die Erstattung von {amount} wurde am {day} veranlasst.',
      'Kannst du uns ein Foto vom Etikett schicken, damit wir das prüfen können?',
      'Unser Team kümmert sich um das Problem und meldet sich innerhalb von zwei Werktagen.',
      'Du kannst die Lieferadresse in deinen Kontoeinstellungen ändern, bis die Bestellung verschickt wird.',
      'Der {product} ist wieder in allen Größen verfügbar.',
      'Es tut uns leid, dass dein {product} beschädigt angekommen ist.',
      'Wir schicken dir kostenlos einen Ersatz, sobald wir den ursprünglichen Artikel erhalten haben.',
      'Dein Termin in unserer Filiale in {store} ist für {day} um {time} Uhr bestätigt.',
      'Wenn du ihn verschieben möchtest, antworte einfach mit einem neuen Datum und einer neuen Uhrzeit.',
      'Bitte bewahre den Kassenbon auf, denn du brauchst ihn für die Garantie.',
      'Wir konnten die Zahlung für die Bestellung {{order_id}} nicht verarbeiten, bitte prüfe deine Kartendaten.',
    ],
    promo: ['Diese Woche sparst du {pct} auf jeden {product} mit dem Code {code}.'],
    slots: {
      day: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'],
      product: ['Mantel', 'Pullover', 'Rucksack', 'Geldbeutel', 'Wasserkocher', 'Kopfhörer'],
      productDat: ['Mantel', 'Pullover', 'Rucksack', 'Geldbeutel', 'Wasserkocher'],
      time: ['9', '10:30', '12'], time2: ['15', '18', '20'],
      store: ['Berlin', 'Hamburg', 'München', 'Köln'],
      amount: ['49,90 €', '120 €'], pct: ['20 %', '15 %', '30 %'], code: ['SPAREN20', 'FRUEHLING15'],
    },
  },
};

function fill(template, slots, random) {
  return template.replace(/(?<!\{)\{([a-zA-Z0-9]+)\}(?!\})/g, (whole, name) => (slots[name] ? random.pick(slots[name]) : whole));
}

/** One generated message with its catalogue context. */
function generated(lang, random) {
  const t = TEMPLATES[lang];
  const parts = [];
  const item = {};
  const greet = random.chance(0.5);
  if (greet) parts.push(random.pick(t.greetings));
  const update = random.chance(0.35);
  const pool = update ? t.update : t.reply;
  const bodies = random.chance(0.2) ? 2 : 1;
  for (let i = 0; i < bodies; i++) {
    let body = fill(random.pick(pool), t.slots, random);
    // after "Hello {{first_name}}," the sentence goes on in lower case (also in German here:
    // no body starts with a noun)
    if (i === 0 && greet && parts[0].endsWith(',')) body = body[0].toLowerCase() + body.slice(1);
    parts.push(body);
  }
  if (random.chance(0.05)) parts.push(fill(random.pick(t.promo), t.slots, random));
  const close = random.chance(0.4);
  if (close) parts.push(random.pick(t.closings));
  // Context on some items, so that the context-dependent rules run as in real catalogues.
  if (update && random.chance(0.3)) Object.assign(item, { messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' });
  else if (greet && random.chance(0.2)) item.kind = 'greeting';
  else if (random.chance(0.1)) item.kind = 'closing';
  item.text = parts.join(' ');
  return item;
}

// ---------------------------------------------------------------------------------------
// Real corpora

function jsonStrings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) jsonStrings(v, out);
  return out;
}

function walkFiles(dir, test, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walkFiles(path, test, out);
    else if (test(name)) out.push(path);
  }
  return out;
}

const OCC_LOCALE = { en: 'en_US', it: 'it_IT', fr: 'fr_FR', es: 'es_ES', de: 'de_DE' };

/** Prose-like strings: at least two words with letters, not a bare URL or identifier. */
function prose(s) {
  if (typeof s !== 'string') return false;
  const t = s.trim();
  if (!/\p{L}{2,}\s+\p{L}{2,}/u.test(t)) return false;
  if (/^https?:\/\/\S+$/.test(t)) return false;
  return true;
}

/** Every message-like string of the real corpora for a language, in a fixed order. */
export function realStrings(lang) {
  const out = [];
  if (!existsSync(CORPORA)) return out;
  const occ = [join(CORPORA, 'original-coast-clothing', 'locales', `${OCC_LOCALE[lang]}.json`)];
  if (lang === 'en') occ.push(join(CORPORA, 'original-coast-clothing-ig', 'locales', 'en_US.json'));
  for (const file of occ) if (existsSync(file)) out.push(...jsonStrings(JSON.parse(readFileSync(file, 'utf8'))));
  if (lang === 'en') {
    for (const file of walkFiles(CORPORA, (n) => n === 'domain.yml')) {
      const doc = YAML.parse(readFileSync(file, 'utf8'));
      for (const variants of Object.values(doc?.responses ?? {})) {
        for (const v of variants ?? []) {
          if (typeof v?.text === 'string') out.push(v.text);
          for (const b of v?.buttons ?? []) if (typeof b?.title === 'string') out.push(b.title);
        }
      }
    }
    for (const file of walkFiles(CORPORA, (n) => n.endsWith('.lg'))) {
      let fence = false;
      for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
        if (line.includes('```')) fence = !fence;
        if (fence) continue;
        const m = /^\s*-\s+(.*)$/.exec(line);
        if (m) out.push(m[1]);
      }
    }
    // WhatsApp message templates: every JSON file with `components` (locale files have none)
    for (const file of walkFiles(CORPORA, (n) => n.endsWith('.json'))) {
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      for (const c of doc?.components ?? []) {
        if (typeof c.text === 'string') out.push(c.text);
        for (const b of c.buttons ?? []) if (typeof b.text === 'string') out.push(b.text);
      }
    }
  }
  return out.filter(prose).map((s) => s.replace(/\r\n?/g, '\n').replace(/\n\s*\n/g, '\n').trim());
}

// ---------------------------------------------------------------------------------------
// Typos

// Words that typos never touch: placeholders, URLs, e-mails, anything with a digit.
const PROTECTED = /\{\{[^}]*\}\}|\$\{[^}]*\}|\{[^}\s]*\}|%[sd]|https?:\/\/\S+|\S+@\S+|\S*\d\S*/gu;
const WORD = /\p{L}{3,}/gu;

function typo(word, random) {
  const chars = [...word];
  const kind = random.int(3);
  if (kind === 0) {
    // swap two neighbouring letters that differ (not the first letter)
    for (let tries = 0; tries < 5; tries++) {
      const i = 1 + random.int(chars.length - 2);
      if (chars[i] !== chars[i + 1]) {
        [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
        return chars.join('');
      }
    }
  }
  if (kind === 1 || kind === 0) {
    const i = 1 + random.int(chars.length - 1);
    chars.splice(i, 1); // drop a letter
    return chars.join('');
  }
  const i = random.int(chars.length);
  chars.splice(i, 0, chars[i]); // double a letter
  return chars.join('');
}

/** Inserts typos into TYPO_RATE of the eligible words; returns the text and counts. */
function withTypos(text, random) {
  const protectedSpans = [];
  for (const m of text.matchAll(PROTECTED)) protectedSpans.push([m.index, m.index + m[0].length]);
  let words = 0;
  let typos = 0;
  const result = text.replace(WORD, (word, offset) => {
    if (protectedSpans.some(([s, e]) => offset < e && offset + word.length > s)) return word;
    words++;
    if (!random.chance(TYPO_RATE)) return word;
    typos++;
    return typo(word, random);
  });
  return { text: result, words, typos };
}

// ---------------------------------------------------------------------------------------
// The message stream of a language: real strings spread among generated ones, with typos.

function messageStream(lang, bytes, seedOffset, maxCount = Infinity, realShare = 0) {
  const random = rng(SEED + seedOffset);
  const real = realStrings(lang).map((text) => ({ text, source: 'corpus' }));
  const items = [];
  let total = 0;
  let realIndex = 0;
  // one real string every `every` messages: all of them spread over the whole stream, or
  // (realShare) a given share of the messages
  const approxCount = Number.isFinite(maxCount) ? maxCount : Math.ceil(bytes / 120);
  const every = !real.length ? Infinity : realShare ? Math.round(1 / realShare) : Math.max(2, Math.floor(approxCount / real.length));
  let words = 0;
  let typos = 0;
  while (total < bytes && items.length < maxCount) {
    const base = items.length % every === every - 1 && realIndex < real.length ? { ...real[realIndex++] } : { ...generated(lang, random), source: 'generated' };
    const t = withTypos(base.text, random);
    base.text = t.text;
    words += t.words;
    typos += t.typos;
    items.push(base);
    total += Buffer.byteLength(base.text);
  }
  return { items, bytes: total, words, typos, realUsed: realIndex, realAvailable: real.length };
}

// ---------------------------------------------------------------------------------------
// Writers

function yamlItem(item, id) {
  const lines = [`  - id: ${id}`];
  for (const key of ['messaging_type', 'tag', 'kind']) if (item[key]) lines.push(`    ${key}: ${item[key]}`);
  lines.push(`    text: ${JSON.stringify(item.text)}`); // a JSON string is a YAML double-quoted scalar
  return lines.join('\n');
}

function catalogue(items, firstIndex) {
  return `messages:\n${items.map((item, i) => yamlItem(item, `m${String(firstIndex + i).padStart(6, '0')}`)).join('\n')}\n`;
}

function markdown(items) {
  return items.map((item) => item.text).join('\n\n') + '\n';
}

function lintrc(lang) {
  return `# msglint speed benchmark: no config above this folder applies\nroot: true\nlocale: ${lang}\n`;
}

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Splits `items` over `files` files as evenly as possible (1–2 messages each at 1 MB). */
function split(items, files) {
  const out = [];
  let start = 0;
  for (let f = 0; f < files; f++) {
    const end = Math.round(((f + 1) * items.length) / files);
    out.push(items.slice(start, end));
    start = end;
  }
  return out.filter((chunk) => chunk.length > 0);
}

function prefix(stream, bytes) {
  const items = [];
  let total = 0;
  for (const item of stream.items) {
    if (total >= bytes) break;
    items.push(item);
    total += Buffer.byteLength(item.text);
  }
  return { items, bytes: total };
}

function stats(items) {
  return { messages: items.length, textBytes: items.reduce((n, i) => n + Buffer.byteLength(i.text), 0) };
}

function dirBytes(dir) {
  let n = 0;
  let files = 0;
  for (const path of walkFiles(dir, () => true)) {
    if (path.endsWith('.lintrc')) continue;
    n += statSync(path).size;
    files++;
  }
  return { files, fileBytes: n };
}

/** Every scenario key (`<lang>/<name>`) the corpus can hold. */
export function scenarioKeys() {
  const keys = [];
  for (const lang of LANGS) {
    keys.push(`${lang}/precommit`);
    for (const size of lang === 'en' ? SIZES : [1]) keys.push(`${lang}/one-file-${size}mb`, `${lang}/files-${size}mb`);
  }
  return keys;
}

/**
 * Writes the scenarios `only` (keys as `en/precommit`; default: all) under bench/out and
 * merges them into the manifest. A scenario is always rebuilt whole (its folder first
 * removed); the others are left as they are.
 */
export function build({ only, quiet = false } = {}) {
  const started = Date.now();
  const wanted = new Set(only ?? scenarioKeys());
  const previous = currentManifest();
  const manifest = previous ?? { version: CORPUS_VERSION, seed: SEED, typoRate: TYPO_RATE, scenarios: {}, languages: {} };
  if (!previous) rmSync(OUT, { recursive: true, force: true });
  for (const [li, lang] of LANGS.entries()) {
    const keys = scenarioKeys().filter((k) => k.startsWith(`${lang}/`) && wanted.has(k));
    if (keys.length === 0) continue;
    const peers = lang === 'en';
    const base = join(OUT, lang);
    const add = (name, dir, extra) => {
      const m = join(dir, 'msglint');
      const p = join(dir, 'peers');
      manifest.scenarios[`${lang}/${name}`] = { lang, name, msglint: relative(HERE, m), peers: existsSync(p) ? relative(HERE, p) : null, ...extra, ...dirBytes(m) };
    };

    // Pre-commit: 5 files of 10 messages, from a separate small stream (20% real strings).
    if (wanted.has(`${lang}/precommit`)) {
      const stream = messageStream(lang, Infinity, li * 1000 + 7, 50, 0.2);
      const dir = join(base, 'precommit');
      rmSync(dir, { recursive: true, force: true });
      write(join(dir, 'msglint', '.lintrc'), lintrc(lang));
      split(stream.items, 5).forEach((chunk, f) => {
        write(join(dir, 'msglint', `templates-${f + 1}.yml`), catalogue(chunk, f * 10));
        if (peers) write(join(dir, 'peers', `templates-${f + 1}.md`), markdown(chunk));
      });
      add('precommit', dir, { ...stats(stream.items), words: stream.words, typos: stream.typos, sha256: sha(stream.items) });
    }

    const sized = keys.filter((k) => !k.endsWith('/precommit'));
    if (sized.length === 0) continue;
    const stream = messageStream(lang, Math.max(...SIZES) * MB, li * 1000);
    manifest.languages[lang] = {
      messages: stream.items.length,
      textBytes: stream.bytes,
      words: stream.words,
      typos: stream.typos,
      typoPercent: +((100 * stream.typos) / stream.words).toFixed(2),
      realCorpusStrings: stream.realUsed,
      sha256: sha(stream.items),
    };
    // Smaller sizes (linear growth) are prefixes of the same stream; peers get the 1 MB sets.
    for (const size of lang === 'en' ? SIZES : [1]) {
      const { items } = prefix(stream, size * MB);
      const tag = `${size}mb`;
      const peersHere = peers && size === 1;
      if (wanted.has(`${lang}/one-file-${tag}`)) {
        const one = join(base, `one-file-${tag}`);
        rmSync(one, { recursive: true, force: true });
        write(join(one, 'msglint', '.lintrc'), lintrc(lang));
        write(join(one, 'msglint', 'messages.yml'), catalogue(items, 0));
        if (peersHere) write(join(one, 'peers', 'messages.md'), markdown(items));
        add(`one-file-${tag}`, one, stats(items));
      }
      if (wanted.has(`${lang}/files-${tag}`)) {
        const many = join(base, `files-${tag}`);
        rmSync(many, { recursive: true, force: true });
        write(join(many, 'msglint', '.lintrc'), lintrc(lang));
        let index = 0;
        split(items, Math.round(size * FILES_PER_MB)).forEach((chunk, f) => {
          const folder = `d${String(Math.floor(f / 100)).padStart(3, '0')}`;
          const name = `t${String(f).padStart(5, '0')}`;
          write(join(many, 'msglint', folder, `${name}.yml`), catalogue(chunk, index));
          if (peersHere) write(join(many, 'peers', folder, `${name}.md`), markdown(chunk));
          index += chunk.length;
        });
        add(`files-${tag}`, many, stats(items));
      }
    }
  }
  write(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  if (!quiet) {
    console.log(`bench/out: ${wanted.size} scenario(s) built in ${((Date.now() - started) / 1000).toFixed(1)} s (corpus v${CORPUS_VERSION})`);
    for (const [lang, l] of Object.entries(manifest.languages)) {
      console.log(`  ${lang}: ${l.messages} messages, ${(l.textBytes / MB).toFixed(2)} MB of text, ${l.words} words, ${l.typos} typos (${l.typoPercent}%), ${l.realCorpusStrings} real-corpus strings, sha256 ${l.sha256.slice(0, 12)}`);
    }
  }
  return manifest;
}

function sha(items) {
  return createHash('sha256').update(items.map((i) => i.text).join('\n')).digest('hex');
}

/** The manifest when bench/out is of this corpus version, else undefined. */
export function currentManifest() {
  try {
    const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
    return manifest.version === CORPUS_VERSION ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Builds the scenarios `need` (default: all) that bench/out does not hold yet. */
export function ensureCorpus({ need, force = false, quiet = false } = {}) {
  const manifest = currentManifest();
  const keys = need ?? scenarioKeys();
  const missing = force || !manifest ? keys : keys.filter((k) => !manifest.scenarios[k] || !existsSync(join(HERE, manifest.scenarios[k].msglint)));
  return missing.length ? build({ only: missing, quiet }) : manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--only');
  const need = i >= 0 ? args[i + 1].split(',') : undefined;
  if (args.includes('--list')) console.log(scenarioKeys().join('\n'));
  else ensureCorpus({ need, force: !args.includes('--if-needed'), quiet: args.includes('--quiet') });
}
