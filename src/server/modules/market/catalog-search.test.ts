import { describe, expect, it } from 'vitest';
import { EXACT_RANK, nearTiers, otherSpellingTiers, searchWords, type WordLookup } from './catalog-search.js';

const lookup = (token: string, known: boolean, word: string | null = null, similarity: number | null = null) =>
  ({ token, known, word, similarity }) satisfies WordLookup;

describe('catalog search words', () => {
  it('splits at spaces and punctuation, lower-cases and keeps each word once', () => {
    expect(searchWords('  Keripik,  SALAK! keripik ')).toEqual(['keripik', 'salak']);
    expect(searchWords('サラク・チップス、はちみつ')).toEqual(['サラク', 'チップス', 'はちみつ']);
    expect(searchWords('100% madu_hutan')).toEqual(['100', 'madu', 'hutan']);
    expect(searchWords(' ')).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
  });

  it('reads what a Japanese keyboard types: full-width letters and digits, half-width katakana', () => {
    expect(searchWords('ＨＯＮＥＹ　ｃｏｆｆｅｅ')).toEqual(['honey', 'coffee']);
    expect(searchWords('ﾊﾁﾐﾂ ２５０ｇ')).toEqual(['ハチミツ', '250g']);
    expect(searchWords('ｻﾗｸ･ﾁｯﾌﾟｽ')).toEqual(['サラク', 'チップス']);
  });

  it('respells a word that occurs nowhere with the closest words of the catalog', () => {
    const tiers = nearTiers(
      ['kripik', 'salak'],
      [lookup('kripik', false, 'keripik', 0.5), lookup('kripik', false, 'krisik', 0.4), lookup('salak', true)],
    );
    expect(tiers.map((t) => t.words)).toEqual([
      ['keripik', 'salak'],
      ['krisik', 'salak'],
    ]);
    expect(tiers.map((t) => t.rank)).toEqual([749, 699]);
  });

  it('never respells a word that occurs in the catalog', () => {
    expect(nearTiers(['kripik', 'salak'], [lookup('kripik', true), lookup('salak', true)])).toEqual([]);
    const tiers = nearTiers(['kripik', 'salk'], [lookup('kripik', true), lookup('salk', false, 'salak', 0.375)]);
    expect(tiers).toEqual([{ rank: 687, words: ['kripik', 'salak'] }]);
  });

  it('gives every tier its own rank below the exact one', () => {
    const tiers = nearTiers(
      ['abc', 'xyz'],
      [
        lookup('abc', false, 'abd', 0.5),
        lookup('abc', false, 'abe', 0.5),
        lookup('xyz', false, 'xyw', 0.5),
        lookup('xyz', false, 'xyv', 0.5),
      ],
    );
    const ranks = tiers.map((t) => t.rank);
    expect(ranks).toHaveLength(4);
    expect(new Set(ranks).size).toBe(4);
    expect(ranks.every((r, i) => r < EXACT_RANK && (i === 0 || r < ranks[i - 1]!))).toBe(true);
  });

  it('finds nothing near a word with no close spelling, and keeps words it cannot respell', () => {
    expect(nearTiers(['zzzq', 'salak'], [lookup('zzzq', false), lookup('salak', true)])).toEqual([]);
    const tiers = nearTiers(['サラク', 'chps'], [lookup('chps', false, 'chips', 0.375)]);
    expect(tiers.map((t) => t.words)).toEqual([['サラク', 'chips']]);
  });

  it('tries a word’s other writings (kanji and kana) below the words as typed', () => {
    expect(otherSpellingTiers([{ rank: EXACT_RANK, words: ['蜂蜜', 'ロンボク'] }])).toEqual([
      { rank: EXACT_RANK - 1, words: ['はちみつ', 'ロンボク'] },
      { rank: EXACT_RANK - 2, words: ['ハチミツ', 'ロンボク'] },
    ]);
    expect(otherSpellingTiers([{ rank: 700, words: ['kopi', 'コーヒー'] }])).toEqual([
      { rank: 699, words: ['kopi', '珈琲'] },
    ]);
    expect(otherSpellingTiers([{ rank: EXACT_RANK, words: ['madu'] }])).toEqual([]);
  });
});
