import { LANGUAGE_CODES, type LanguageCode } from './languages.js';

/** The interface languages (the registry's, `languages.ts`), Indonesian first: it is the default. */
export const UI_LOCALES = LANGUAGE_CODES as readonly [LanguageCode, ...LanguageCode[]];
export type UiLocale = LanguageCode;
export const DEFAULT_LOCALE: UiLocale = 'id';
