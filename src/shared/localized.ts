import { DEFAULT_LOCALE } from './locales.js';

/** Text in several languages, keyed by BCP 47 tag: `{ id: 'Keripik salak', ja: 'サラクチップス' }`. */
export type Localized = Record<string, string>;

/**
 * The one fallback order for localized text: the reader's language, then Indonesian (the
 * default, always present on records the program enters), then English, then any language there is.
 */
export function localized(text: Localized | null | undefined, locale: string): string | null {
  const language = shownLanguage(text, locale);
  return language === null ? null : text![language]!;
}

/** The language `localized` shows a text in (null when there is no text): what a page names when it is not the reader's. */
export function shownLanguage(text: Localized | null | undefined, locale: string): string | null {
  if (!text) return null;
  for (const language of [locale, DEFAULT_LOCALE, 'en']) if (text[language] !== undefined) return language;
  return Object.keys(text)[0] ?? null;
}
