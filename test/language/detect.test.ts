import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/language/detect.js';
import { Linter } from '../../src/engine/lint.js';

describe('language identification', () => {
  it.each([
    ['Your order has shipped and will arrive on Friday.', 'en'],
    ['Il tuo ordine è stato spedito e arriverà venerdì.', 'it'],
    ['Votre commande a été expédiée et arrivera vendredi.', 'fr'],
    ['Tu pedido ha sido enviado y llegará el viernes.', 'es'],
    ['Ihre Bestellung wurde versandt und kommt am Freitag an.', 'de'],
    ['Tilauksesi on lähetetty ja se saapuu perjantaina.', 'fi'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)?.language).toBe(language);
  });

  it('is undecided on texts without evidence', () => {
    expect(detectLanguage('OK')).toBeUndefined();
    expect(detectLanguage('👍')).toBeUndefined();
  });

  it('picks the dictionary for a message without a locale', () => {
    const findings = new Linter({ useConfigFiles: false }).lintText('Il tuo ordine è stato spedito ieri.', '<text>').findings;
    expect(findings.filter((f) => f.ruleId === 'spelling')).toEqual([]);
    const typo = new Linter({ useConfigFiles: false }).lintText('Il tuo ordine è stato spedto ieri.', '<text>').findings;
    expect(typo.find((f) => f.ruleId === 'spelling')?.message).toContain('spedto');
  });
});
