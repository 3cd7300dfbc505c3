/**
 * The interface languages: one line each. Adding a language is adding its line here and its
 * messages files (`src/web/i18n/public/XX.json`, `src/web/i18n/staff/XX.json`,
 * `src/shared/messages/errors.XX.ts`); `npm run i18n:report` says how complete each is
 * (decision 026).
 */
export interface InterfaceLanguage {
  /** The BCP 47 language subtag the app and its links use (`?lang=th`). */
  code: string;
  /** The language's name in itself, as the language menu shows it. */
  nativeName: string;
  direction: 'ltr' | 'rtl';
  /** Where a missing message is looked up, in order, after the language itself. */
  fallback: readonly string[];
  /** The locale `Intl` formats dates and numbers with: its region and calendar. */
  intl: string;
  /** Complete languages must have every key of the Indonesian source (a test holds them to it). */
  complete: boolean;
}

export const INTERFACE_LANGUAGES = [
  { code: 'id', nativeName: 'Bahasa Indonesia', direction: 'ltr', fallback: [], intl: 'id-ID', complete: true },
  { code: 'en', nativeName: 'English', direction: 'ltr', fallback: ['id'], intl: 'en', complete: true },
  { code: 'ja', nativeName: '日本語', direction: 'ltr', fallback: ['en', 'id'], intl: 'ja-JP', complete: true },
  {
    code: 'th',
    nativeName: 'ไทย',
    direction: 'ltr',
    fallback: ['en', 'id'],
    intl: 'th-TH-u-ca-buddhist',
    complete: false,
  },
  { code: 'vi', nativeName: 'Tiếng Việt', direction: 'ltr', fallback: ['en', 'id'], intl: 'vi-VN', complete: false },
] as const satisfies readonly InterfaceLanguage[];

export type LanguageCode = (typeof INTERFACE_LANGUAGES)[number]['code'];
export const LANGUAGE_CODES = INTERFACE_LANGUAGES.map((language) => language.code) as unknown as readonly [
  LanguageCode,
  ...LanguageCode[],
];

export function isLanguageCode(tag: string | null | undefined): tag is LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(tag ?? '');
}

export function interfaceLanguage(code: LanguageCode): InterfaceLanguage {
  return INTERFACE_LANGUAGES.find((language) => language.code === code)!;
}

/**
 * The `Intl` locale for a language tag: an interface language's own (Thai dates in the Buddhist
 * era, `th-TH-u-ca-buddhist`), else the tag as given (a tag with its own region or calendar keeps it).
 */
export function intlLocale(tag: string): string {
  const language = INTERFACE_LANGUAGES.find((candidate) => candidate.code === tag);
  return language ? language.intl : tag;
}

/** The language itself, then its fallbacks: where a message is looked up, in order. */
export function lookupChain(code: LanguageCode): readonly LanguageCode[] {
  return [code, ...(interfaceLanguage(code).fallback as readonly LanguageCode[])];
}
