import { describe, expect, it } from 'vitest';
import { firstLocale } from './i18n';

describe('the language of a visit', () => {
  it('follows a link’s ?lang=, then the choice made before, then the browser, then Indonesian', () => {
    expect(firstLocale('?lang=ja', 'en', ['id-ID'])).toBe('ja');
    expect(firstLocale('', 'en', ['ja-JP'])).toBe('en');
    expect(firstLocale('', null, ['ja-JP', 'en-US'])).toBe('ja');
    expect(firstLocale('', null, ['fr-FR', 'en-GB', 'ja'])).toBe('en');
    expect(firstLocale('', null, ['fr-FR', 'de'])).toBe('id');
    expect(firstLocale('', null, [])).toBe('id');
  });

  it('passes over a language it does not speak, however it came', () => {
    expect(firstLocale('?lang=ko', 'xx', ['JA-jp'])).toBe('ja');
    expect(firstLocale('?lang=th', 'xx', ['JA-jp'])).toBe('th');
    expect(firstLocale('', null, ['vi-VN', 'en'])).toBe('vi');
    expect(firstLocale('?lang=', null, ['en'])).toBe('en');
  });
});
