import { describe, expect, it } from 'vitest';
import { localized, shownLanguage } from './localized.js';

describe('localized text', () => {
  it('is shown in the reader’s language, else Indonesian, else English, else any — and says which', () => {
    const text = { id: 'Keripik salak', en: 'Salak chips', de: 'Salak-Chips' };
    expect([localized(text, 'ja'), shownLanguage(text, 'ja')]).toEqual(['Keripik salak', 'id']);
    expect([localized(text, 'en'), shownLanguage(text, 'en')]).toEqual(['Salak chips', 'en']);
    expect([localized({ en: 'Honey' }, 'ja'), shownLanguage({ en: 'Honey' }, 'ja')]).toEqual(['Honey', 'en']);
    expect([localized({ de: 'Honig' }, 'ja'), shownLanguage({ de: 'Honig' }, 'ja')]).toEqual(['Honig', 'de']);
    expect([localized(null, 'ja'), shownLanguage(undefined, 'ja')]).toEqual([null, null]);
  });
});
