import { intlLocale } from './languages.js';

/** Languages by name in the reader's language ("インドネシア語"), codes where there is no name for one. */
export function languageNames(codes: readonly string[], locale: string): string {
  try {
    const names = new Intl.DisplayNames([intlLocale(locale)], { type: 'language' });
    return codes.map((code) => names.of(code) ?? code).join(', ');
  } catch {
    return codes.join(', ');
  }
}

/** The languages among `shownIn` that are not the reader's: the texts a page shows untranslated. */
export function untranslated(shownIn: Record<string, string | null>, locale: string): string[] {
  return [...new Set(Object.values(shownIn).filter((l): l is string => l !== null && l !== locale))];
}
