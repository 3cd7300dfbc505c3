/** The interface languages, Indonesian first: it is the default. */
export const UI_LOCALES = ['id', 'en', 'ja'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];
export const DEFAULT_LOCALE: UiLocale = 'id';
