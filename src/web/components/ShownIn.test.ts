import { describe, expect, it } from 'vitest';
import { untranslated } from '../../shared/language-names';

describe('a page’s untranslated texts', () => {
  it('names, once each, the languages of the texts not in the reader’s', () => {
    expect(untranslated({ name: 'ja', description: 'id', story: 'id' }, 'ja')).toEqual(['id']);
    expect(untranslated({ name: 'ja', description: 'ja', story: null }, 'ja')).toEqual([]);
    expect(untranslated({ name: 'en', description: 'id', story: null }, 'ja')).toEqual(['en', 'id']);
  });
});
