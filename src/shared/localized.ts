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

const LOCALE_KEY = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** A localized text: an object of strings keyed by locales (`{ id: 'Rasa', en: 'Taste' }`). */
const isLocalized = (value: object): value is Localized => {
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([k, v]) => LOCALE_KEY.test(k) && typeof v === 'string');
};

/**
 * Every localized text inside a document (a rating scheme, a course) lacking one of the locales, by
 * its path (`parts.0.name`): what a copy into a program of other languages must still translate.
 */
export function textsMissingLocales(
  value: unknown,
  locales: readonly string[],
  path: string[] = [],
): { path: string; locales: string[] }[] {
  if (value === null || typeof value !== 'object') return [];
  if (!Array.isArray(value) && isLocalized(value)) {
    const missing = locales.filter((l) => !value[l]);
    return missing.length ? [{ path: path.join('.'), locales: missing }] : [];
  }
  return Object.entries(value).flatMap(([key, child]) => textsMissingLocales(child, locales, [...path, key]));
}
