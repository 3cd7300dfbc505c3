/**
 * The language rule's cases, checked on both sides: by the function itself
 * (src/shared/first-locale.test.ts, as the web app calls it with navigator.languages) and through the
 * server's rendered pages (src/server/public-pages.test.ts, as ?lang=, the ovop_lang cookie and
 * Accept-Language).
 */
export interface FirstLocaleCase {
  lang: string | null;
  chosen: string | null;
  preferred: string[];
  expected: string;
}

export const FIRST_LOCALE_CASES: FirstLocaleCase[] = [
  // a link's ?lang=, then the choice made before, then the browser, then Indonesian
  { lang: 'ja', chosen: 'en', preferred: ['id-ID'], expected: 'ja' },
  { lang: null, chosen: 'en', preferred: ['ja-JP'], expected: 'en' },
  { lang: null, chosen: null, preferred: ['ja-JP', 'en-US'], expected: 'ja' },
  { lang: null, chosen: null, preferred: ['fr-FR', 'en-GB', 'ja'], expected: 'en' },
  { lang: null, chosen: null, preferred: ['fr-FR', 'de'], expected: 'id' },
  { lang: null, chosen: null, preferred: [], expected: 'id' },
  // a language it does not speak is passed over, however it came
  { lang: 'ko', chosen: 'xx', preferred: ['JA-jp'], expected: 'ja' },
  { lang: 'th', chosen: 'xx', preferred: ['JA-jp'], expected: 'th' },
  { lang: null, chosen: null, preferred: ['vi-VN', 'en'], expected: 'vi' },
  { lang: '', chosen: null, preferred: ['en'], expected: 'en' },
];
