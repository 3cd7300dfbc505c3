import { intlLocale } from './languages.js';

/** A list in the reader's language and its punctuation: "A, B, and C", "A, B, dan C", 「A、B、C」. */
export function formatList(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/**
 * Languages by name in the reader's language, as a list of that language ("インドネシア語、英語、日本語"),
 * codes where there is no name for one: the same words in the app and on the pages the server writes.
 */
export function languageNames(codes: readonly string[], locale: string): string {
  let names: readonly string[] = codes;
  try {
    const display = new Intl.DisplayNames([intlLocale(locale)], { type: 'language' });
    names = codes.map((code) => display.of(code) ?? code);
  } catch {
    // the codes themselves
  }
  return formatList(names, locale);
}

/** The languages among `shownIn` that are not the reader's: the texts a page shows untranslated. */
export function untranslated(shownIn: Record<string, string | null>, locale: string): string[] {
  return [...new Set(Object.values(shownIn).filter((l): l is string => l !== null && l !== locale))];
}
