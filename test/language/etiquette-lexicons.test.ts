// The etiquette rules' lexicons (set-expectations, offer-human-handoff,
// no-third-party-forwarding, no-sensitive-data-request, one-time-notification-topic): every
// language has every file, label and list; no empty or duplicate entries; every pattern
// compiles and uses the phrase syntax the way the matcher reads it; a few phrases per label and
// language that must match.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lexiconPath } from '../../src/language/lexicon.js';
import { compilePhrase } from '../../src/language/phrases.js';
import { normalize, tokenize } from '../../src/language/tokens.js';
import { lexiconLabels } from '../../rules/set-expectations.js';

const LANGUAGES = ['en', 'it', 'fr', 'es', 'de', 'fi'];

/** Each lexicon of the etiquette rules: its labels (the same in every language) and lists. */
const LEXICONS: Record<string, { labels: string[]; lists: string[] }> = {
  expectations: { labels: ['acknowledgement', 'timeframe', 'reply', 'vague'], lists: ['imperatives'] },
  handoff: { labels: ['person', 'channel'], lists: [] },
  fallback: { labels: ['not understood', 'cannot help'], lists: [] },
  forwarding: { labels: ['transfer', 'third party', 'permission'], lists: ['negations', 'secondPerson', 'imperatives', 'politeness', 'afterRecipient'] },
  'sensitive-data': {
    labels: ['card number', 'security code', 'PIN', 'password', 'one-time code', 'bank account', 'national ID', 'request', 'imperative', 'request after'],
    lists: ['negations', 'gapStops'],
  },
  topics: { labels: ['back in stock', 'price drop', 'order update', 'appointment', 'event', 'product launch'], lists: ['stopwords', 'genericWords', 'suffixes'] },
};

// ── Validators (pure, so that they can be tested themselves) ─────────────────────────────

function splitTopLevel(source: string, separator: (ch: string) => boolean): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (depth < 0) return undefined;
    if (separator(ch) && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) return undefined;
  out.push(current);
  return out;
}

/** Problems of one pattern: it must compile and every alternative must be matchable. */
export function patternProblems(source: string): string[] {
  const problems: string[] = [];
  if (typeof source !== 'string' || !source.trim()) return ['empty pattern'];
  try {
    compilePhrase(source, 'test');
  } catch (error) {
    problems.push(`does not compile: ${(error as Error).message}`);
    return problems;
  }
  const walk = (pattern: string) => {
    const chunks = splitTopLevel(pattern.trim(), (ch) => /\s/.test(ch))?.filter(Boolean);
    if (!chunks) return void problems.push(`unbalanced brackets in \`${pattern}\``);
    for (const chunk of chunks) {
      const optional = chunk.startsWith('[') && chunk.endsWith(']');
      const grouped = chunk.startsWith('(') && chunk.endsWith(')');
      const inner = optional || grouped ? chunk.slice(1, -1) : chunk;
      if ((optional || grouped) && /\s|[()[\]]/.test(inner.trim())) {
        for (const alt of splitTopLevel(inner, (ch) => ch === '|') ?? []) {
          if (!alt.trim()) problems.push(`empty alternative in \`${chunk}\``);
          else walk(alt);
        }
        continue;
      }
      if (/[()[\]]/.test(inner)) problems.push(`stray bracket in \`${chunk}\``);
      const alts = inner.split('|');
      const norms = alts.map((a) => normalize(a));
      if (norms.some((a, i) => norms.indexOf(a) !== i)) problems.push(`repeated alternative in \`${chunk}\``);
      for (const alt of alts) {
        if (alt === '') problems.push(`empty alternative in \`${chunk}\``);
        else if (/^<.*>$/.test(alt)) {
          if (!/^<(num|any)>$/.test(alt)) problems.push(`unknown placeholder \`${alt}\``);
        } else if (alt.endsWith('*')) {
          if (alt.slice(0, -1).includes('*') || tokenize(alt.slice(0, -1)).length !== 1) problems.push(`prefix \`${alt}\` is not one token`);
        } else if (alt.includes('*')) problems.push(`\`*\` inside \`${alt}\``);
        // An elided article alone (`l'`, `d'`) is cut into two tokens and never matches.
        else if (/\p{L}['’]$/u.test(alt)) problems.push(`elided article \`${alt}\` alone never matches: glue it to the word`);
      }
    }
  };
  walk(source);
  return problems;
}

/** A pattern's identity for duplicate detection: normalised, alternatives sorted. */
function patternKey(source: string): string {
  const chunks = splitTopLevel(source.trim(), (ch) => /\s/.test(ch))?.filter(Boolean) ?? [source];
  return chunks
    .map((chunk) => {
      const optional = chunk.startsWith('[') && chunk.endsWith(']');
      const grouped = chunk.startsWith('(') && chunk.endsWith(')');
      const inner = optional || grouped ? chunk.slice(1, -1) : chunk;
      const alts = [...new Set((splitTopLevel(inner, (ch) => ch === '|') ?? [inner]).map((a) => (/\s|[()[\]]/.test(a.trim()) ? patternKey(a) : normalize(a))))]
        .sort()
        .join('|');
      return optional ? `[${alts}]` : grouped || alts.includes('|') ? `(${alts})` : alts;
    })
    .join(' ');
}

export function duplicates(entries: string[], key: (s: string) => string = patternKey): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of entries) {
    const k = key(entry);
    if (seen.has(k)) out.push(entry);
    seen.add(k);
  }
  return out;
}

/** Structure of a lexicon file against the labels and lists it must have. */
export function fileProblems(data: unknown, expected: { labels: string[]; lists: string[] }): string[] {
  const problems: string[] = [];
  if (!data || typeof data !== 'object' || Array.isArray(data)) return ['not a YAML mapping'];
  const file = data as Record<string, unknown>;
  for (const key of Object.keys(file)) if (!['phrases', 'exceptions', 'lists'].includes(key)) problems.push(`unknown top-level key \`${key}\``);
  const phrases = (file.phrases ?? {}) as Record<string, unknown>;
  if (typeof phrases !== 'object' || Array.isArray(phrases)) return [...problems, '`phrases` must be a mapping'];
  for (const label of expected.labels) if (!(label in phrases)) problems.push(`missing label \`${label}\``);
  for (const label of Object.keys(phrases)) if (!expected.labels.includes(label)) problems.push(`unknown label \`${label}\``);
  const all: string[] = [];
  for (const [label, list] of Object.entries(phrases)) {
    if (!Array.isArray(list) || list.length === 0) {
      problems.push(`label \`${label}\` has no patterns`);
      continue;
    }
    list.forEach((p, i) => {
      if (typeof p !== 'string' || !p.trim()) problems.push(`phrases.${label}[${i}] is empty`);
      else for (const problem of patternProblems(p)) problems.push(`phrases.${label}[${i}] \`${p}\`: ${problem}`);
    });
    for (const d of duplicates(list.filter((p): p is string => typeof p === 'string'))) problems.push(`duplicate pattern \`${d}\` in \`${label}\``);
    all.push(...list.filter((p): p is string => typeof p === 'string'));
  }
  if (file.exceptions !== undefined) {
    if (!Array.isArray(file.exceptions) || file.exceptions.length === 0) problems.push('`exceptions` must be a non-empty list');
    else {
      file.exceptions.forEach((p, i) => {
        if (typeof p !== 'string' || !p.trim()) problems.push(`exceptions[${i}] is empty`);
        else for (const problem of patternProblems(p)) problems.push(`exceptions[${i}] \`${p}\`: ${problem}`);
      });
      for (const d of duplicates(file.exceptions.map(String))) problems.push(`duplicate exception \`${d}\``);
      const keys = new Set(all.map(patternKey));
      for (const e of file.exceptions.map(String)) if (keys.has(patternKey(e))) problems.push(`\`${e}\` is both a phrase and an exception`);
    }
  }
  const lists = (file.lists ?? {}) as Record<string, unknown>;
  for (const name of expected.lists) if (!(name in lists)) problems.push(`missing list \`${name}\``);
  for (const name of Object.keys(lists)) if (!expected.lists.includes(name)) problems.push(`unknown list \`${name}\``);
  for (const [name, words] of Object.entries(lists)) {
    if (!Array.isArray(words) || words.length === 0) {
      problems.push(`list \`${name}\` is empty`);
      continue;
    }
    words.forEach((w, i) => {
      if (typeof w !== 'string' || !w.trim()) problems.push(`lists.${name}[${i}] is empty`);
      // Lists are compared with single tokens (`*` marks a prefix in `afterRecipient`); an
      // elided article (`n'`, `qu'`) is one token in running text (`n'envoyez`).
      else if (!/^\p{L}+['’]$/u.test(w) && tokenize(w.replace(/\*$/, '')).length !== 1) problems.push(`lists.${name}[${i}] \`${w}\` is not one token`);
    });
    for (const d of duplicates(words.map(String), normalize)) problems.push(`duplicate \`${d}\` in list \`${name}\``);
  }
  return problems;
}

describe('etiquette lexicon validators', () => {
  it('reject what the matcher cannot match as written', () => {
    expect(patternProblems('(thanks|thank you) [so much] for (your|the) message')).toEqual([]);
    expect(patternProblems('thanks [so much for')).not.toEqual([]);
    expect(patternProblems("all' ordine")).not.toEqual([]);
    expect(patternProblems("(l'abbiamo|l'ho) inoltrato")).toEqual([]);
    expect(patternProblems('kortin numero*')).toEqual([]);
    expect(patternProblems("l'offerta* speciale")).not.toEqual([]); // a prefix over two tokens
    expect(patternProblems("(offre*|l'offre*) speciale")).not.toEqual([]);
    expect(patternProblems('<price> off')).not.toEqual([]);
    expect(patternProblems('a|b|a c')).not.toEqual([]);
    expect(patternProblems('')).not.toEqual([]);
  });
  it('reject malformed files and duplicates', () => {
    const expected = { labels: ['a', 'b'], lists: ['w'] };
    expect(fileProblems({ phrases: { a: ['x'], b: ['y'] }, lists: { w: ['z'] } }, expected)).toEqual([]);
    expect(fileProblems({ phrases: { a: ['x'] }, lists: { w: ['z'] } }, expected)).toContain('missing label `b`');
    expect(fileProblems({ phrases: { a: ['x'], b: ['y'], c: ['z'] }, lists: { w: ['z'] } }, expected)).toContain('unknown label `c`');
    expect(fileProblems({ phrases: { a: ['x', 'X'], b: ['y'] }, lists: { w: ['z'] } }, expected)).toHaveLength(1);
    expect(fileProblems({ phrases: { a: ['x', ''], b: [] }, lists: { w: ['z', 'Z', 'two words'] } }, expected)).toHaveLength(4);
    expect(fileProblems({ phrases: { a: ['x'], b: ['y'] }, exceptions: ['x'], lists: { w: ['z'] } }, expected)).toHaveLength(1);
    expect(duplicates(['(a|b) c', 'b|a c', 'd'])).toEqual(['b|a c']);
  });
});

describe('etiquette lexicon files', () => {
  for (const language of LANGUAGES)
    for (const [name, expected] of Object.entries(LEXICONS))
      it(`${language}/${name}.yml exists and is well formed`, () => {
        const path = lexiconPath(language, name);
        expect(existsSync(path), path).toBe(true);
        expect(fileProblems(parse(readFileSync(path, 'utf8')), expected)).toEqual([]);
      });
});

// ── Smoke cases: every label of every language matches something ────────────────────────

type Smoke = Record<string, Record<string, string[]>>;

function matches(language: string, name: string, label: string, text: string): string[] {
  const set = lexiconLabels(language, name)?.get(label);
  if (!set) throw new Error(`no ${language}/${name} label ${label}`);
  return set.match(tokenize(text)).map((m) => text.slice(m.start, m.end));
}

const SMOKE: Record<string, Smoke> = {
  en: {
    expectations: {
      acknowledgement: ['Thanks for your message!', 'We have received your request.'],
      timeframe: ['We reply within 2 hours.', 'Back tomorrow from 9 am.', 'Open Mon-Fri 9:00-17:00.'],
      reply: ["We'll get back to you."],
      vague: ['as soon as possible'],
    },
    handoff: { person: ['Type "agent" to talk to a person.', 'We can connect you to an agent.'], channel: ['Call us on 0800 123 456.', 'Visit our help centre.'] },
    fallback: { 'not understood': ["Sorry, I didn't get that.", 'Could you rephrase?'], 'cannot help': ["That's not something I can help with."] },
    forwarding: { transfer: ["I've forwarded your message"], 'third party': ['our delivery partner'], permission: ['May I share'] },
    'sensitive-data': {
      'card number': ['full card number'],
      'security code': ['CVV'],
      PIN: ['PIN'],
      password: ['password'],
      'one-time code': ['the code we just sent'],
      'bank account': ['IBAN'],
      'national ID': ['social security number'],
      request: ['Please send us'],
      imperative: ['Send'],
      'request after': ['please'],
    },
    topics: { 'back in stock': ['back in stock'], 'price drop': ['price drop'], 'order update': ['Your order'], appointment: ['appointment'], event: ['webinar'], 'product launch': ['new collection'] },
  },
  it: {
    expectations: {
      acknowledgement: ['Grazie per il tuo messaggio!', 'Abbiamo ricevuto la tua richiesta.'],
      timeframe: ['Ti rispondiamo entro 2 ore.', 'Domani dalle 9.', 'Aperti lun-ven.'],
      reply: ['Ti risponderemo'],
      vague: ['al più presto', 'il prima possibile'],
    },
    handoff: { person: ['Possiamo metterti in contatto con un operatore.', 'Scrivi "operatore"'], channel: ['Chiamaci al numero verde.', 'Visita il nostro sito.'] },
    fallback: { 'not understood': ['Non ho capito.', 'Puoi riformulare?', 'Non riconosco "ciao".'], 'cannot help': ['Non posso aiutarti con questo.'] },
    forwarding: { transfer: ['Abbiamo inoltrato il tuo messaggio'], 'third party': ['al corriere'], permission: ['se sei d’accordo'] },
    'sensitive-data': {
      'card number': ['numero della carta di credito'],
      'security code': ['CVV'],
      PIN: ['codice PIN'],
      password: ['password'],
      'one-time code': ['codice di verifica'],
      'bank account': ['IBAN'],
      'national ID': ['codice fiscale'],
      request: ['Inviaci'],
      imperative: ['Invia'],
      'request after': ['per favore'],
    },
    topics: { 'back in stock': ['di nuovo disponibile'], 'price drop': ['prezzo ridotto'], 'order update': ['Il tuo ordine'], appointment: ['appuntamento'], event: ['evento'], 'product launch': ['nuova collezione'] },
  },
  fr: {
    expectations: {
      acknowledgement: ['Merci pour votre message !', 'Nous avons bien reçu votre demande.'],
      timeframe: ['Réponse sous 24 h.', 'Demain à partir de 9 h.', 'Du lundi au vendredi.'],
      reply: ['Nous vous répondrons'],
      vague: ['dès que possible', 'dans les meilleurs délais'],
    },
    handoff: { person: ['Nous pouvons vous mettre en relation avec un agent.', 'Tapez « conseiller »'], channel: ['Appelez-nous', 'Consultez notre centre d’aide.'] },
    fallback: { 'not understood': ["Je n'ai pas compris.", 'Je ne reconnais pas « salut ».', 'Pouvez-vous reformuler ?'], 'cannot help': ['Je ne peux pas vous aider avec cela.'] },
    forwarding: { transfer: ['Nous avons transmis votre message'], 'third party': ['notre transporteur'], permission: ['avec votre accord'] },
    'sensitive-data': {
      'card number': ['numéro de carte bancaire'],
      'security code': ['cryptogramme'],
      PIN: ['code PIN'],
      password: ['mot de passe'],
      'one-time code': ['code reçu par SMS'],
      'bank account': ['RIB'],
      'national ID': ['numéro de sécurité sociale'],
      request: ['Envoyez-nous'],
      imperative: ['Envoyez'],
      'request after': ["s'il vous plaît"],
    },
    topics: { 'back in stock': ['de retour en stock'], 'price drop': ['baisse de prix'], 'order update': ['Votre commande'], appointment: ['rendez-vous'], event: ['webinaire'], 'product launch': ['nouvelle collection'] },
  },
  es: {
    expectations: {
      acknowledgement: ['¡Gracias por tu mensaje!', 'Hemos recibido tu consulta.'],
      timeframe: ['Respondemos en 24 horas.', 'Mañana a partir de las 9.', 'De lunes a viernes.'],
      reply: ['Te responderemos'],
      vague: ['lo antes posible', 'en breve'],
    },
    handoff: { person: ['Podemos ponerte en contacto con un agente.', 'Escribe "agente"'], channel: ['Llámanos', 'Visita nuestro centro de ayuda.'] },
    fallback: { 'not understood': ['No te he entendido.', 'No reconozco “hola”.', '¿Puedes reformular?'], 'cannot help': ['No puedo ayudarte con eso.'] },
    forwarding: { transfer: ['Hemos reenviado tu mensaje'], 'third party': ['al transportista'], permission: ['si estás de acuerdo'] },
    'sensitive-data': {
      'card number': ['número de tarjeta'],
      'security code': ['código de seguridad'],
      PIN: ['PIN'],
      password: ['contraseña'],
      'one-time code': ['código de verificación'],
      'bank account': ['IBAN'],
      'national ID': ['DNI'],
      request: ['Envíanos'],
      imperative: ['Envía'],
      'request after': ['por favor'],
    },
    topics: { 'back in stock': ['de nuevo disponible'], 'price drop': ['más barato'], 'order update': ['Tu pedido'], appointment: ['cita'], event: ['evento'], 'product launch': ['nueva colección'] },
  },
  de: {
    expectations: {
      acknowledgement: ['Danke für Ihre Nachricht!', 'Wir haben Ihre Anfrage erhalten.'],
      timeframe: ['Antwort innerhalb von 24 Stunden.', 'Morgen ab 9 Uhr.', 'Mo.–Fr. erreichbar.'],
      reply: ['Wir melden uns'],
      vague: ['so schnell wie möglich', 'in Kürze'],
    },
    handoff: { person: ['Wir verbinden Sie mit einem Mitarbeiter.', 'Schreiben Sie „Mitarbeiter“'], channel: ['Rufen Sie uns an.', 'Besuchen Sie unser Hilfe-Center.'] },
    fallback: { 'not understood': ['Das habe ich leider nicht verstanden.', 'Ich kenne „hallo“ nicht.', 'Können Sie das anders formulieren?'], 'cannot help': ['Dabei kann ich Ihnen leider nicht helfen.'] },
    forwarding: { transfer: ['Wir haben Ihre Nachricht an unseren Lieferpartner weitergeleitet'], 'third party': ['unseren Lieferpartner'], permission: ['mit Ihrer Zustimmung'] },
    'sensitive-data': {
      'card number': ['Kreditkartennummer'],
      'security code': ['Prüfnummer'],
      PIN: ['PIN'],
      password: ['Passwort'],
      'one-time code': ['TAN'],
      'bank account': ['IBAN'],
      'national ID': ['Steuer-ID'],
      request: ['Bitte senden Sie uns'],
      imperative: ['Senden'],
      'request after': ['bitte'],
    },
    topics: { 'back in stock': ['wieder verfügbar'], 'price drop': ['Preis gesenkt'], 'order update': ['Ihre Bestellung'], appointment: ['Termin'], event: ['Webinar'], 'product launch': ['neue Kollektion'] },
  },
  fi: {
    expectations: {
      acknowledgement: ['Kiitos viestistäsi!', 'Olemme vastaanottaneet viestisi.'],
      timeframe: ['Vastaamme 24 tunnin kuluessa.', 'Huomenna klo 9.', 'Avoinna ma–pe.'],
      reply: ['Vastaamme'],
      vague: ['mahdollisimman pian', 'piakkoin'],
    },
    handoff: { person: ['Voit keskustella asiakaspalvelijan kanssa.', 'Kirjoita "asiakaspalvelu"'], channel: ['Soita meille.', 'Ota yhteyttä sähköpostilla.'] },
    fallback: { 'not understood': ['En valitettavasti ymmärtänyt.', 'Voisitko muotoilla kysymyksen toisin?'], 'cannot help': ['En voi auttaa tässä asiassa.'] },
    forwarding: { transfer: ['Välitimme viestisi'], 'third party': ['kuljetuskumppanillemme'], permission: ['luvallasi'] },
    'sensitive-data': {
      'card number': ['korttinumerosi'],
      'security code': ['turvakoodi'],
      PIN: ['PIN-koodisi'],
      password: ['salasanasi'],
      'one-time code': ['vahvistuskoodi'],
      'bank account': ['tilinumerosi'],
      'national ID': ['henkilötunnuksesi'],
      request: ['Lähetä meille'],
      imperative: ['Lähetä'],
      'request after': ['kiitos etukäteen'],
    },
    topics: { 'back in stock': ['taas saatavilla'], 'price drop': ['hinta laskenut'], 'order update': ['Tilauksesi'], appointment: ['ajanvarauksesi'], event: ['tapahtuma'], 'product launch': ['uusi mallisto'] },
  },
};

describe('etiquette lexicon smoke cases', () => {
  for (const [language, lexicons] of Object.entries(SMOKE))
    for (const [name, labels] of Object.entries(lexicons)) {
      it(`${language}/${name}: every label has smoke cases`, () => {
        expect(Object.keys(labels).sort()).toEqual([...LEXICONS[name].labels].sort());
      });
      for (const [label, texts] of Object.entries(labels))
        it.each(texts)(`${language}/${name} \`${label}\` matches %j`, (text) => {
          expect(matches(language, name, label, text)).not.toEqual([]);
        });
    }
});
