// Lexicon validation: every locale has the four lexicons, every file is well formed, every
// pattern compiles and uses the phrase syntax the way the matcher reads it, and per language a
// few phrases that must match and sincere near-misses that must not.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LEXICON_NAMES, lexiconLanguages, lexiconPath, loadLexicon, loadList } from '../../src/language/lexicon.js';
import { compilePhrase } from '../../src/language/phrases.js';
import { normalize, tokenize } from '../../src/language/tokens.js';

const LOCALES = ['en', 'it', 'fr', 'es', 'de', 'fi'];

// ---------------------------------------------------------------------------------------
// Validators (pure functions returning a list of problems, so they can be tested themselves)
// ---------------------------------------------------------------------------------------

/** Structure of a parsed lexicon file: `phrases` mapping, optional `exceptions` and `lists`. */
function structureProblems(data: unknown, name: string): string[] {
  const problems: string[] = [];
  if (!data || typeof data !== 'object' || Array.isArray(data)) return ['the file is not a YAML mapping'];
  const file = data as Record<string, unknown>;
  for (const key of Object.keys(file)) if (!['phrases', 'exceptions', 'lists'].includes(key)) problems.push(`unknown top-level key \`${key}\``);
  const phrases = file.phrases;
  if (!phrases || typeof phrases !== 'object' || Array.isArray(phrases)) problems.push('`phrases` must be a mapping of label → patterns');
  else {
    if (Object.keys(phrases).length === 0) problems.push('`phrases` is empty');
    for (const [label, list] of Object.entries(phrases)) {
      if (!label.trim()) problems.push('empty label');
      if (!Array.isArray(list) || list.length === 0) problems.push(`label \`${label}\` has no patterns`);
      else list.forEach((p, i) => problems.push(...entryProblems(p, `phrases.${label}[${i}]`)));
    }
  }
  if (file.exceptions !== undefined) {
    if (!Array.isArray(file.exceptions) || file.exceptions.length === 0) problems.push('`exceptions` must be a non-empty list when present');
    else file.exceptions.forEach((p, i) => problems.push(...entryProblems(p, `exceptions[${i}]`)));
  }
  if (file.lists !== undefined) {
    if (!file.lists || typeof file.lists !== 'object' || Array.isArray(file.lists)) problems.push('`lists` must be a mapping');
    else
      for (const [list, words] of Object.entries(file.lists)) {
        if (!Array.isArray(words) || words.length === 0) problems.push(`list \`${list}\` is empty`);
        else words.forEach((w, i) => problems.push(...entryProblems(w, `lists.${list}[${i}]`)));
      }
  }
  if (name === 'sarcasm') {
    const words = (file.lists as Record<string, unknown> | undefined)?.secondPersonPossessives;
    if (!Array.isArray(words) || words.length === 0) problems.push('sarcasm.yml needs a non-empty `lists.secondPersonPossessives`');
    else
      for (const w of words) {
        const tokens = tokenize(String(w));
        // The rule compares the single token before the opening quote.
        if (tokens.length !== 1 || tokens[0].kind !== 'word') problems.push(`possessive \`${w}\` is not a single word token`);
      }
  }
  return problems;
}

function entryProblems(entry: unknown, where: string): string[] {
  if (typeof entry !== 'string') return [`${where}: expected a string, got ${entry === null ? 'an empty entry' : typeof entry}`];
  if (!entry.trim()) return [`${where}: empty entry`];
  return [];
}

/**
 * One alternative inside `a|b`, `word*` or `[opt]`. A plain alternative may be several
 * tokens (`it's`, `d'aiuto`: the matcher then treats the chunk as a group); a prefix `word*`
 * must be one token; an elided article alone (`d'`, `all'`) can never match, because the
 * tokenizer only splits it off when a word follows.
 */
function alternativeProblem(alt: string): string | undefined {
  if (alt === '') return 'empty alternative';
  if (alt === '<num>' || alt === '<any>') return undefined;
  if (/[<>()[\]]/.test(alt)) return `stray bracket in \`${alt}\``;
  const prefix = alt.endsWith('*');
  const word = prefix ? alt.slice(0, -1) : alt;
  if (word === '') return 'a lone `*`';
  if (word.includes('*')) return `\`*\` is only allowed at the end: \`${alt}\``;
  const tokens = tokenize(word);
  if (prefix && tokens.length !== 1) return `the prefix \`${alt}\` spans ${tokens.length} tokens (${tokens.map((t) => t.value).join(' ')}) and can never match`;
  return literalProblem(word);
}

/** A literal that the tokenizer cuts differently from running text. */
function literalProblem(literal: string): string | undefined {
  if (/['’]$/.test(literal))
    return `the elided article \`${literal}\` alone never matches (the tokenizer splits it off only before a word): glue it to the word, e.g. \`d'aiuto\``;
  return undefined;
}

/** Splits `source` at `separator` characters outside brackets and parentheses; undefined if unbalanced. */
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

/** Walks a pattern the way src/language/phrases.ts documents its syntax. */
function syntaxProblems(source: string, problems: string[]): void {
  const chunks = splitTopLevel(source.trim(), (ch) => /\s/.test(ch))?.filter((c) => c !== '');
  if (!chunks) {
    problems.push(`unbalanced brackets in \`${source}\``);
    return;
  }
  for (const chunk of chunks) {
    const optional = chunk.startsWith('[') && chunk.endsWith(']');
    const grouped = chunk.startsWith('(') && chunk.endsWith(')');
    const inner = optional || grouped ? chunk.slice(1, -1) : chunk;
    if ((optional || grouped) && /\s|[()[\]]/.test(inner.trim())) {
      // A sub-phrase group: every alternative is a pattern of its own.
      for (const alt of splitTopLevel(inner, (ch) => ch === '|') ?? []) {
        if (!alt.trim()) problems.push(`empty alternative in \`${chunk}\``);
        else syntaxProblems(alt, problems);
      }
    } else if (optional || grouped || /[*|]/.test(inner) || /^<.*>$/.test(inner)) {
      if (/^<.*>$/.test(inner) && !/^<(num|any)>$/.test(inner)) problems.push(`unknown placeholder \`${inner}\``);
      else {
        const alts = inner.split('|');
        for (const alt of alts) {
          const problem = alternativeProblem(alt);
          if (problem) problems.push(problem);
        }
        const norms = alts.map((a) => normalize(a));
        const repeated = norms.filter((a, i) => norms.indexOf(a) !== i);
        if (repeated.length > 0) problems.push(`repeated alternative \`${repeated.join('|')}\` in \`${chunk}\``);
      }
    } else if (/[()[\]<>]/.test(inner)) problems.push(`stray bracket in \`${chunk}\``);
    else {
      const problem = literalProblem(inner);
      if (problem) problems.push(problem);
    }
  }
}

/** Syntax pitfalls: patterns that do not compile, or compile but can never match as written. */
function patternProblems(source: string): string[] {
  const problems: string[] = [];
  try {
    compilePhrase(source, 'test');
  } catch (error) {
    problems.push(`does not compile: ${(error as Error).message}`);
  }
  syntaxProblems(source, problems);
  return problems;
}

/** A pattern's identity for duplicate detection: normalised tokens, alternatives sorted. */
function patternKey(source: string): string {
  const chunks = splitTopLevel(source.trim(), (ch) => /\s/.test(ch))?.filter((c) => c !== '') ?? [source];
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

function duplicateProblems(patterns: string[]): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const p of patterns) {
    const key = patternKey(p);
    const first = seen.get(key);
    if (first !== undefined) problems.push(`duplicate pattern \`${p}\` (same as \`${first}\`)`);
    else seen.set(key, p);
  }
  return problems;
}

function readRaw(language: string, name: string): Record<string, unknown> {
  return parse(readFileSync(lexiconPath(language, name), 'utf8')) as Record<string, unknown>;
}

function allPatterns(data: Record<string, unknown>): { phrases: string[]; exceptions: string[] } {
  const phrases = Object.values((data.phrases ?? {}) as Record<string, unknown[]>).flatMap((list) => (Array.isArray(list) ? list.map(String) : []));
  const exceptions = Array.isArray(data.exceptions) ? data.exceptions.map(String) : [];
  return { phrases, exceptions };
}

// ---------------------------------------------------------------------------------------
// The validators themselves must be able to fail.
// ---------------------------------------------------------------------------------------

describe('lexicon validators', () => {
  it('reject malformed files', () => {
    expect(structureProblems(null, 'promotional')).not.toEqual([]);
    expect(structureProblems({ phrases: [] }, 'promotional')).not.toEqual([]);
    expect(structureProblems({ phrases: {} }, 'promotional')).toContain('`phrases` is empty');
    expect(structureProblems({ phrases: { offer: [] } }, 'promotional')).toContain('label `offer` has no patterns');
    expect(structureProblems({ phrases: { offer: ['deal', null, '  '] } }, 'promotional')).toHaveLength(2);
    expect(structureProblems({ phrases: { offer: ['deal'] }, extra: 1 }, 'promotional')).toHaveLength(1);
    expect(structureProblems({ phrases: { x: ['y'] } }, 'sarcasm')).toContain('sarcasm.yml needs a non-empty `lists.secondPersonPossessives`');
    expect(structureProblems({ phrases: { x: ['y'] }, lists: { secondPersonPossessives: ['your', 'de votre'] } }, 'sarcasm')).toHaveLength(1);
    expect(structureProblems({ phrases: { offer: ['deal'] }, exceptions: ['point of sale'] }, 'promotional')).toEqual([]);
  });
  it('reject patterns the matcher cannot match as written', () => {
    expect(patternProblems('(thanks|thank you) [a lot|so much] for nothing')).toEqual([]);
    expect(patternProblems('thanks [a lot|so much for nothing')).not.toEqual([]); // unbalanced
    expect(patternProblems('thanks|thank you for nothing')).toEqual([]); // valid, if not what one means
    expect(patternProblems('as I|we already said|told you to')).toEqual([]);
    expect(patternProblems('save 20%|half now')).toEqual([]); // a several-token alternative is a group
    expect(patternProblems("n'hésitez|hésite pas")).toEqual([]);
    expect(patternProblems("(n'hésitez pas|n'hésite pas)")).toEqual([]);
    expect(patternProblems("offre*|l'offre* spéciale")).not.toEqual([]); // a prefix over two tokens
    expect(patternProblems("fino a|ad|all' esaurimento")).not.toEqual([]); // `all'` alone never matches
    expect(patternProblems("fino a|ad|all'esaurimento")).toEqual([]);
    expect(patternProblems("[d'|di] aiuto")).not.toEqual([]);
    expect(patternProblems("c' est")).not.toEqual([]);
    expect(patternProblems('[a] [b]')).not.toEqual([]); // every token optional
    expect(patternProblems('a||b')).toContain('empty alternative');
    expect(patternProblems('offre|Offre spéciale')).not.toEqual([]); // repeated alternative
    expect(patternProblems('(a b|) c')).not.toEqual([]);
    expect(patternProblems('disc*ount|x')).not.toEqual([]);
    expect(patternProblems('<price> off')).not.toEqual([]);
    expect(patternProblems('<num> % off')).toEqual([]);
  });
  it('find duplicates after normalisation', () => {
    expect(duplicateProblems(['Réduction|remise', 'remise|reduction', 'other'])).toHaveLength(1);
    expect(duplicateProblems(['a [b]', 'a b'])).toEqual([]);
    expect(duplicateProblems(['(thanks|thank you) for', '(Thank you|thanks) for'])).toHaveLength(1);
    expect(duplicateProblems(['a|b c', '(a|b) c'])).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------
// Every lexicon of every locale
// ---------------------------------------------------------------------------------------

describe('lexicon files', () => {
  const languages = [...new Set([...LOCALES, ...lexiconLanguages()])].sort();

  it('every locale folder has all four lexicons', () => {
    for (const language of languages)
      for (const name of LEXICON_NAMES) expect(existsSync(lexiconPath(language, name)), `${language}/${name}.yml`).toBe(true);
  });

  for (const language of languages)
    for (const name of LEXICON_NAMES)
      describe(`${language}/${name}.yml`, () => {
        const data = () => readRaw(language, name);

        it('is well formed', () => {
          expect(structureProblems(data(), name)).toEqual([]);
        });

        it('has no duplicate patterns', () => {
          const { phrases, exceptions } = allPatterns(data());
          expect(duplicateProblems(phrases)).toEqual([]);
          expect(duplicateProblems(exceptions)).toEqual([]);
          const phraseKeys = new Set(phrases.map(patternKey));
          expect(exceptions.filter((e) => phraseKeys.has(patternKey(e))), 'a pattern that is also an exception').toEqual([]);
        });

        it('every pattern compiles and uses the syntax as the matcher reads it', () => {
          const { phrases, exceptions } = allPatterns(data());
          const problems = [...phrases, ...exceptions].flatMap((p) => patternProblems(p).map((problem) => `${p}: ${problem}`));
          expect(problems).toEqual([]);
          expect(loadLexicon(language, name)).toBeDefined();
        });
      });
});

// ---------------------------------------------------------------------------------------
// Smoke cases per language
// ---------------------------------------------------------------------------------------

type Name = (typeof LEXICON_NAMES)[number];
interface Cases {
  match: string[];
  noMatch: string[];
}

function matched(language: string, name: Name, text: string): string[] {
  const lexicon = loadLexicon(language, name);
  if (!lexicon) throw new Error(`no lexicon ${language}/${name}`);
  return lexicon.match(tokenize(text)).map((m) => text.slice(m.start, m.end));
}

function smoke(language: string, cases: Partial<Record<Name, Cases>>, possessives: string[]) {
  describe(`${language} smoke cases`, () => {
    for (const [name, { match, noMatch }] of Object.entries(cases) as [Name, Cases][]) {
      it.each(match)(`${name} matches %j`, (text) => {
        expect(matched(language, name, text)).not.toEqual([]);
      });
      it.each(noMatch)(`${name} does not match %j`, (text) => {
        expect(matched(language, name, text)).toEqual([]);
      });
    }
    it('lists the second-person possessives', () => {
      const list = loadList(language, 'sarcasm', 'secondPersonPossessives');
      for (const word of possessives) expect(list.has(normalize(word)), word).toBe(true);
    });
  });
}

smoke(
  'en',
  {
    promotional: {
      match: ['Use code SAVE10 for 10% off your next order!', 'Free shipping on all orders this weekend.', 'You may also like our new summer collection.'],
      noMatch: ['Your order #1234 has shipped and should arrive on Friday.', 'The repair is free of charge.'],
    },
    sarcasm: { match: ['Per my last message, the refund takes 5 days.', 'As I already told you, the store opens at 9.'], noMatch: ['Great news! Your refund has been approved.'] },
    closings: { match: ['Is there anything else I can help you with today?', 'All done! Have a great day.'], noMatch: ['Your ticket has been closed.'] },
    greetings: { match: ['Hi {{first_name}}! How can we help today?'], noMatch: ['How can we help today? Choose an option below.'] },
  },
  ['your'],
);

smoke(
  'it',
  {
    promotional: {
      match: [
        'Usa il codice ESTATE20 per avere il 20% di sconto!',
        'Spedizione gratuita su tutti gli ordini fino a domenica.',
        'Prodotti in offerta fino ad esaurimento scorte.',
        "Approfitta dell'offerta: solo per oggi!",
        'Potrebbe interessarti anche la nuova collezione.',
        'Scopri i nostri saldi: prezzi stracciati.',
      ],
      noMatch: [
        'Ecco lo scontrino del tuo ordine n. 1234.',
        'Lo sconto del 10% è stato applicato al tuo ordine.',
        "Abbiamo il piacere di farti un'offerta di lavoro.",
        'Il saldo da pagare è di 20 €.',
        'Il reso è gratuito entro 30 giorni.',
        'Inserisci il codice 123456 per accedere.',
        'Ne approfitto per ricordarti il ritiro in negozio.',
        'Il conto risparmio è stato aperto.',
      ],
    },
    sarcasm: {
      match: ['Come già detto, il negozio apre alle 9.', "Te l'ho già scritto ieri.", 'Grazie per niente.', 'Avresti dovuto leggere le istruzioni.', 'Se lo dici tu.'],
      noMatch: [
        'Grazie tante per la pazienza!',
        "Ovviamente ti rimborseremo l'intero importo.",
        'Avrebbe dovuto ricevere una mail di conferma.',
        "L'ho già segnalato al corriere.",
        'Come ti abbiamo comunicato via SMS, il pacco arriva domani.',
        'Figurati, è stato un piacere!',
      ],
    },
    closings: {
      match: ['Posso aiutarti in altro?', 'Buona giornata!', 'Rimaniamo a sua disposizione.', "C'è qualcos'altro che posso fare per te?", "Felice di esserti stato d'aiuto!", 'Grazie e a presto.'],
      noMatch: ['Il ticket è stato chiuso.', 'Il rimborso è stato emesso.'],
    },
    greetings: {
      match: ['Ciao Marco!', 'Buongiorno {{1}}, benvenuto!', 'Salve, come possiamo aiutarla?', 'Gentile cliente,', 'Grazie per averci contattato.'],
      noMatch: ['Il tuo ordine è stato spedito.', 'Come possiamo aiutarti oggi?'],
    },
  },
  ['tuo', 'vostra', 'sua'],
);

smoke(
  'fr',
  {
    promotional: {
      match: [
        'Profitez de 20 % de réduction avec le code ETE20 !',
        'Livraison offerte dès 50 € d’achat.',
        'Ne manquez pas nos soldes !',
        'Vous aimerez aussi notre nouvelle collection.',
        'Il ne reste plus que 3 articles en stock, dépêchez-vous !',
        'Offre spéciale : -30 % sur tout le site.',
      ],
      noMatch: [
        'La remise en main propre est prévue demain.',
        'Le retour est gratuit sous 30 jours.',
        'Votre offre de prêt est disponible.',
        'N’hésitez pas à consulter nos offres d’emploi.',
        'Ne manquez pas de nous contacter si besoin.',
        'Votre facture est soldée.',
        'Saisissez le code 123456 pour vous connecter.',
        'Nous vous avons remboursé sous forme d’un bon d’achat.',
        'Profitez-en bien !',
        'Le magasin est ouvert à partir de 14 h.',
        'La réduction a été appliquée à votre commande.',
      ],
    },
    sarcasm: {
      match: ['Comme déjà dit, le magasin ouvre à 9 h.', 'Comme je vous l’ai déjà expliqué, le remboursement prend 5 jours.', 'Merci pour rien.', 'C’est pourtant écrit sur le site.', 'Cf. mon dernier message.'],
      noMatch: [
        'Bien évidemment, nous vous remboursons.',
        'De rien, bonne journée !',
        'Comme indiqué dans votre e-mail de confirmation, la livraison prend 3 jours.',
        'Vous auriez dû recevoir un e-mail.',
        'Oui, c’est ça, le colis part demain.',
      ],
    },
    closings: {
      match: ['N’hésitez pas à revenir vers nous.', 'Bonne journée !', 'Puis-je vous aider pour autre chose ?', 'Ravi d’avoir pu vous aider !', 'Je reste à votre disposition.'],
      noMatch: ['Votre ticket a été clôturé.', 'Le remboursement a été effectué.'],
    },
    greetings: {
      match: ['Bonjour Marie !', 'Bienvenue chez nous.', 'Salut {{first_name}} !', 'Merci de nous avoir contactés.'],
      noMatch: ['Votre colis a été expédié.', 'Comment pouvons-nous vous aider ?'],
    },
  },
  ['votre', 'vos', 'ton', 'ta', 'tes'],
);

smoke(
  'es',
  {
    promotional: {
      match: [
        '¡20% de descuento en toda la tienda!',
        'Envío gratis en pedidos de más de 30 €.',
        'Llévate un bolso de regalo con tu pedido.',
        'Aprovecha nuestras ofertas de verano.',
        'No te lo pierdas: solo hoy 2x1.',
        'También te puede interesar la nueva colección.',
      ],
      noMatch: [
        'Tu compra ya ha sido enviada.',
        'Tu reserva ya está confirmada.',
        'Vale, te enviamos el reembolso.',
        '¿Quieres envoltorio de regalo?',
        'El descuento aplicado es del 10 %.',
        'Se descontará del reembolso.',
        'La devolución es gratuita.',
        'Tenemos una oferta de empleo para ti.',
        '¡Que tengas un buen fin de semana!',
        'Aprovecha al máximo tu suscripción.',
        'Tu pedido tiene 2 unidades en camino.',
      ],
    },
    sarcasm: {
      match: ['Como ya te dije, la tienda abre a las 9.', 'Gracias por nada.', 'Obviamente, el código solo funciona una vez.', 'Deberías haber leído las condiciones.', 'Por enésima vez: no hacemos envíos a Canarias.'],
      noMatch: ['Como ya sabes, el plazo es de 14 días.', 'Deberías haber recibido un correo.', 'Se lo dije al transportista.', '¡Cómo no! Te ayudamos.', 'De nada, ¡un saludo!'],
    },
    closings: {
      match: ['¿Puedo ayudarte en algo más?', '¡Que tengas un buen día!', 'Quedamos a tu disposición.', 'No dudes en escribirnos.', 'Un saludo.'],
      noMatch: ['Tu ticket ha sido cerrado.', 'El reembolso se ha procesado.'],
    },
    greetings: {
      match: ['¡Hola Ana!', 'Buenos días, bienvenido.', 'Estimada clienta:', 'Gracias por escribirnos.'],
      noMatch: ['¡Buenas noticias! Tu pedido ha salido.', '¿En qué podemos ayudarte?'],
    },
  },
  ['tu', 'tus', 'su', 'vuestro'],
);

smoke(
  'de',
  {
    promotional: {
      match: [
        'Sommerrabatt: 20 % auf alles!',
        'Jetzt im Angebot: Laufschuhe.',
        'Kostenloser Versand ab 50 €.',
        'Sichern Sie sich jetzt 10 % Rabatt mit dem Code SOMMER10.',
        'Das könnte Ihnen auch gefallen.',
        'Verpassen Sie keine Angebote mehr!',
      ],
      noMatch: [
        'Der Artikel ist leider ausverkauft.',
        'Anbei erhalten Sie Ihr Angebot wie besprochen.',
        'Die Montage ist im Angebot enthalten.',
        'Keine Aktion erforderlich.',
        'Kostenlose Rücksendung innerhalb von 30 Tagen.',
        'Der Rabatt wurde bereits abgezogen.',
        'Verpassen Sie nicht Ihren Termin am Montag.',
        'Ihr Gutschein über 50 € ist angehängt.',
        'Ihr Stellenangebot ist online.',
        'Die Säle sind für Ihre Feier reserviert.',
      ],
    },
    sarcasm: {
      match: ['Wie bereits erwähnt, öffnet der Laden um 9 Uhr.', 'Wie gesagt: keine Rückerstattung.', 'Danke für nichts.', 'Haben Sie überhaupt die Anleitung gelesen?', 'Siehe meine letzte Nachricht.'],
      noMatch: [
        'Offensichtlich ist beim Versand etwas schiefgelaufen.',
        'Selbstverständlich erstatten wir den Betrag.',
        'Wir versuchen zum dritten Mal die Zustellung.',
        'Das ist gar nicht so schwer, ich zeige es Ihnen.',
        'Ja, klar, das machen wir gern!',
      ],
    },
    closings: {
      match: ['Kann ich Ihnen noch weiterhelfen?', 'Schönen Tag noch!', 'Viele Grüße, Ihr Team', 'Melden Sie sich gerne, wenn Sie Fragen haben.', 'Tschüss und bis bald!', 'Liebe Grüsse'],
      noMatch: ['Ihr Ticket wurde geschlossen.', 'Die Erstattung ist veranlasst.'],
    },
    greetings: {
      match: ['Hallo Anna!', 'Moin {{1}}!', 'Guten Tag, wie können wir helfen?', 'Servus und herzlich willkommen!', 'Grüß Gott!', 'Vielen Dank für Ihre Nachricht.'],
      noMatch: ['Ihre Bestellung wurde versandt.', 'Wie können wir helfen?'],
    },
  },
  ['Ihr', 'Ihre', 'Ihren', 'dein', 'deine'],
);

smoke(
  'fi',
  {
    promotional: {
      match: ['Nyt -20 % alennusta kaikesta!', 'Kengät nyt tarjouksessa!', 'Ilmainen toimitus yli 50 € tilauksiin.', 'Käytä alennuskoodia KESA20.', 'Saatat myös pitää näistä.', 'Vain tänään: hullut päivät!'],
      noMatch: [
        'Tuote on loppuunmyyty.',
        'Lähetämme teille tarjouksen huomenna.',
        'Tarjouksessa mainittu hinta on voimassa 30 päivää.',
        'Ilmainen palautus 30 päivän ajan.',
        'Viimeinen mahdollisuus noutaa paketti on perjantaina.',
        'Alennus on huomioitu laskussa.',
        'Vahvista kirjautuminen koodilla 123456.',
        'Toimi nopeasti ja vaihda salasanasi.',
      ],
    },
    sarcasm: {
      match: ['Kuten jo sanoin, myymälä aukeaa klo 9.', 'Kiitos tyhjästä.', 'Teidän olisi pitänyt lukea ohjeet.', 'Luitteko edes viestiäni?', 'Toistan: palautus ei ole mahdollinen.'],
      noMatch: ['Kiitos! Ei kestä.', 'Ilmeisesti paketti on jäänyt terminaaliin.', 'Meidän olisi pitänyt tarkistaa osoite.', 'Kiitos vielä kerran!', 'Olemme yrittäneet toimitusta jo monta kertaa.'],
    },
    closings: {
      match: ['Voinko auttaa vielä jossain?', 'Mukavaa päivänjatkoa!', 'Kiitos yhteydenotosta.', 'Ota rohkeasti yhteyttä, jos tulee kysyttävää.', 'Ystävällisin terveisin, asiakaspalvelu'],
      noMatch: ['Tiketti on suljettu.', 'Hyvitys on maksettu tilillenne.'],
    },
    greetings: {
      match: ['Hei Matti!', 'Hyvää huomenta ja tervetuloa!', 'Moi {{1}}!', 'Kiitos viestistäsi.'],
      noMatch: ['Toimitus kestää 3 päivää.', 'Miten voimme auttaa?'],
    },
  },
  ['teidän', 'sinun'],
);
