// Locale names: `en_US`, `en-us`, `EN` → `en-US`, `en`; the language is the primary subtag.

import { memoize } from '../memo.js';

export const DEFAULT_LOCALE = 'en';

export function canonicalLocale(locale: string | undefined): string {
  return locale ? canonical(locale) : DEFAULT_LOCALE;
}

// asked for every message, with the few locales of a repository
const canonical = memoize((locale) => {
  const [language, region] = locale.trim().replace('_', '-').split('-');
  return region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
}, 1000);

export function languageOf(locale: string): string {
  return languageOfCanonical(canonicalLocale(locale));
}

// also asked for every message (a split per call)
const languageOfCanonical = memoize((locale) => locale.split('-')[0], 1000);
