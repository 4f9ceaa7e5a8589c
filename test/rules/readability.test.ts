import { describe, expect, it } from 'vitest';
import rule from '../../rules/readability.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: 'Your order has shipped. It will be with you on Friday.' },
    { text: 'La tua consegna arriverà venerdì mattina.', context: { locale: 'it' } },
    { text: 'Votre colis arrive demain matin chez vous avant midi.', context: { locale: 'fr' } },
    { text: 'Ihr Paket kommt morgen früh bei Ihnen an, vor zwölf Uhr.', context: { locale: 'de' } },
    { text: 'Tu paquete llega mañana por la mañana antes de las doce.', context: { locale: 'es' } },
    { text: 'Pakettisi saapuu huomenna aamulla ennen kahtatoista.', context: { locale: 'fi' } },
  ],
  invalid: [
    {
      text: 'Conformément aux dispositions contractuelles précédemment communiquées, la réglementation européenne impose obligatoirement une vérification administrative particulièrement approfondie.',
      context: { locale: 'fr' },
      findings: [{ message: 'Kandel–Moles score' }],
    },
    {
      text: 'Aufgrund außergewöhnlicher betrieblicher Umstrukturierungsmaßnahmen verzögert sich die ordnungsgemäße Bearbeitung sämtlicher Rückerstattungsanträge voraussichtlich erheblich.',
      context: { locale: 'de' },
      findings: [{ message: 'Amstad score' }],
    },
    {
      text: 'Conforme a las disposiciones contractuales previamente comunicadas, la administración correspondiente necesitará documentación complementaria extraordinariamente detallada.',
      context: { locale: 'es' },
      findings: [{ message: 'Fernández-Huerta score' }],
    },
    {
      text: 'Conformemente alle disposizioni contrattuali precedentemente comunicate, l\'amministrazione richiederà documentazione supplementare straordinariamente dettagliata.',
      context: { locale: 'it' },
      findings: [{ message: 'Gulpease score' }],
    },
    {
      text: 'La consegna del tuo ordine, che abbiamo preparato con cura nel nostro magazzino principale di Milano dopo aver verificato ogni singolo articolo, arriverà probabilmente entro la fine della prossima settimana lavorativa.',
      context: { locale: 'it' },
      findings: [{ message: 'hard to read sentence' }],
    },
  ],
});

// The English check is retext-readability's algorithm with Sets instead of array scans
// (src/language/readability-english.ts): both must report the same sentences with the same
// message, on every English message of the evaluation sets and the example bot, under the
// defaults, the plugin's own defaults and the strict preset's age.
describe('English readability equals retext-readability', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { unified } = await import('unified');
  const retextEnglish = (await import('retext-english')).default;
  const retextReadability = (await import('retext-readability')).default;
  const { parse } = await import('yaml');
  const root = new URL('../../bench/quality/data/', import.meta.url);
  const texts: string[] = [];
  for (const set of readdirSync(root)) {
    const data = parse(readFileSync(new URL(`${set}/en.yml`, root), 'utf8')) as Record<string, unknown>;
    for (const list of Object.values(data)) if (Array.isArray(list)) texts.push(...list.map(String));
  }
  // …and dense sentences, so that the defaults report something too.
  texts.push(
    ...rule.meta.examples!.invalid.map((c) => c.text),
    'Notwithstanding our previous communication, the aforementioned reimbursement necessitates additional documentation regarding your international transaction.',
    'Unfortunately, due to unprecedented operational difficulties affecting international distribution, your personalised merchandise consignment is experiencing considerable delays. Thanks!',
  );
  const optionSets = [
    { age: 16, threshold: 5 / 7, minWords: 8 },
    { age: 16, threshold: 4 / 7, minWords: 5 },
    { age: 14, threshold: 5 / 7, minWords: 8 },
    { age: 10, threshold: 3 / 7, minWords: 3 },
  ];
  const defaults = () => Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([k, spec]) => [k, (spec as { default: unknown }).default]));
  for (const options of optionSets) {
    it(`same findings with ${JSON.stringify(options)} on ${texts.length} messages`, async () => {
      const { VFile } = await import('vfile');
      const reference = unified().use(retextEnglish).use(retextReadability, options);
      const ours = unified().use(retextEnglish).use(() => rule.create({ ...rule.meta.options && defaults(), ...options }));
      let reported = 0;
      for (const text of texts) {
        const findings = async (processor: typeof reference) => {
          const file = new VFile(text);
          file.data.msglint = { language: 'en', raw: text };
          await processor.run(processor.parse(file), file);
          return file.messages.map((m) => [m.place && 'start' in m.place ? m.place.start.offset : undefined, m.reason, m.actual]);
        };
        const expected = await findings(reference);
        expect(await findings(ours as unknown as typeof reference), text).toEqual(expected);
        reported += expected.length;
      }
      expect(reported).toBeGreaterThan(0); // the comparison covers sentences that are reported
    });
  }
});
