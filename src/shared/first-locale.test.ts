import { describe, expect, it } from 'vitest';
import { FIRST_LOCALE_CASES } from '../../test/first-locale-cases.js';
import { acceptedLanguages, firstLocale } from './first-locale.js';

describe('the language of a visit', () => {
  it('follows a link’s ?lang=, then the choice made before, then the preferred languages, then Indonesian', () => {
    for (const { lang, chosen, preferred, expected } of FIRST_LOCALE_CASES) {
      expect({ lang, chosen, preferred, locale: firstLocale(lang, chosen, preferred) }).toEqual({
        lang,
        chosen,
        preferred,
        locale: expected,
      });
    }
  });

  it('reads Accept-Language as the browser’s list of preferred languages', () => {
    expect(acceptedLanguages('ja,en;q=0.8')).toEqual(['ja', 'en']);
    expect(acceptedLanguages('en;q=0.5, ja-JP;q=0.9, th')).toEqual(['th', 'ja-JP', 'en']);
    expect(acceptedLanguages('fr, ja;q=0, *;q=0.1')).toEqual(['fr']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('')).toEqual([]);
  });
});
