import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { likeContaining } from '../../db/sql.js';

const t = useTestApp();

/**
 * A text and a search pattern, each with its trigram bits (migration 0061): whether the text holds
 * the pattern, and whether its bits hold the pattern's — what a probe tests before it reads a row.
 */
async function bitsOf(db: typeof t.database.db, pairs: [string, string][]) {
  return db.query<{ contains: boolean; passes: boolean }>(
    `SELECT x.t LIKE x.p AS contains, catalog_trigram_bits(x.t) & catalog_trigram_bits(x.p) = catalog_trigram_bits(x.p) AS passes
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY x(t, p, n) ORDER BY x.n`,
    [pairs.map(([text]) => text), pairs.map(([, pattern]) => pattern)],
  );
}

/** Letters, digits, spaces and punctuation as products' texts have them, in several scripts, and LIKE's own signs. */
const PIECES = [
  'keripik',
  'salak',
  'madu',
  'kopi2',
  'café',
  'über',
  'ñame',
  'はちみつ',
  '蜂蜜',
  'サラク',
  'kripik-salak',
  'a',
  'k',
  'ri',
  'pik',
  'é',
  'ア',
  ' ',
  '  ',
  '-',
  '_',
  '%',
  '\\',
  '.',
  ',',
  '0',
  '42',
  'Madu',
  'KOPI',
];
const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 24 }).map((p) => p.join(''));

describe("a product's trigram bits (migration 0061)", () => {
  it('hold the bits of every pattern the text matches: a probe that tests the bits first loses no match', async () => {
    const db = t.database.db;
    let inside = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text, fc.nat(), fc.nat({ max: 30 })), { minLength: 1, maxLength: 20 }),
        async (cases) => {
          // A part of the text as the search word: often cut inside a word of it, as a typed word may be.
          const pairs = cases.map(([whole, at, length]): [string, string] => {
            const chars = [...whole];
            const start = at % chars.length;
            const word = chars.slice(start, start + 1 + (length % (chars.length - start))).join('');
            return [whole, likeContaining(word)];
          });
          const rows = await bitsOf(db, pairs);
          for (const [i, row] of rows.entries()) {
            expect(row.contains, pairs[i]!.join(' / ')).toBe(true);
            expect(row.passes, pairs[i]!.join(' / ')).toBe(true);
          }
          inside += pairs.filter(
            ([whole, pattern]) => /[a-z0-9]{3}/.test(pattern) && whole.length > pattern.length,
          ).length;
        },
      ),
      { numRuns: 150 },
    );
    // Parts with three letters in a row inside longer texts: the bits had something to test.
    expect(inside).toBeGreaterThan(200);
  });

  it('leave out most texts that lack a word: a word of five letters or more passes few of them', async () => {
    // Texts of 80 words, about as long as a product's search text (577 bytes on average), from a
    // vocabulary of 400 words of 5–9 letters; each asked for a word of the vocabulary it lacks.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const letters = 'abcdefghijklmnoprstuwy';
    const vocabulary = Array.from({ length: 400 }, () =>
      Array.from({ length: 5 + Math.floor(random() * 5) }, () => letters[Math.floor(random() * letters.length)]).join(
        '',
      ),
    );
    const pairs: [string, string][] = [];
    while (pairs.length < 400) {
      const words = Array.from({ length: 80 }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
      const whole = words.join(' ');
      const absent = vocabulary.find((w, i) => i >= pairs.length % 400 && !whole.includes(w));
      if (absent) pairs.push([whole, likeContaining(absent)]);
    }
    const rows = await bitsOf(t.database.db, pairs);
    expect(rows.every((row) => !row.contains)).toBe(true);
    const passed = rows.filter((row) => row.passes).length;
    expect(passed / rows.length).toBeLessThan(0.02);
  });
});
