import { DEFAULT_LOCALE } from './locales.js';

/** Text in several languages, keyed by BCP 47 tag: `{ id: 'Keripik salak', ja: 'サラクチップス' }`. */
export type Localized = Record<string, string>;

/**
 * The one fallback order for localized text: the reader's language, then Indonesian (the
 * default, always present on records the program enters), then English, then any language there is.
 */
export function localized(text: Localized | null | undefined, locale: string): string | null {
  if (!text) return null;
  return text[locale] ?? text[DEFAULT_LOCALE] ?? text.en ?? Object.values(text)[0] ?? null;
}
