// Locale names: `en_US`, `en-us`, `EN` → `en-US`, `en`; the language is the primary subtag.

export const DEFAULT_LOCALE = 'en';

export function canonicalLocale(locale: string | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  const [language, region] = locale.trim().replace('_', '-').split('-');
  return region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
}

export function languageOf(locale: string): string {
  return canonicalLocale(locale).split('-')[0];
}
