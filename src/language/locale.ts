// Locale names: `en_US`, `en-us`, `EN` → `en-US`, `en`; the language is the primary subtag.

export const DEFAULT_LOCALE = 'en';

const canonical = new Map<string, string>();

export function canonicalLocale(locale: string | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  // asked for every message, with the few locales of a repository
  let out = canonical.get(locale);
  if (out === undefined) {
    const [language, region] = locale.trim().replace('_', '-').split('-');
    out = region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
    if (canonical.size < 1000) canonical.set(locale, out);
  }
  return out;
}

export function languageOf(locale: string): string {
  return canonicalLocale(locale).split('-')[0];
}
