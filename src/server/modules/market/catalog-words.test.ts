import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { postgresUrl } from '../../../../test/database.js';
import { buildGroup, publishInOrder } from '../../../../test/factories.js';
import type { Database, Queryable } from '../../db/database.js';
import { catalogRepository } from './catalog.repository.js';
import type { CatalogWordLookup } from './catalog-search.js';
import { CatalogWords, FirstWords, MAX_WITHIN } from './catalog-words.js';

const t = useTestApp();

/**
 * Words of products' texts: village names, product words, words inside words (salak, salakpondoh),
 * words that differ by a letter (kripik, keripik), digits, and a run too long to be a word.
 */
const VOCABULARY = [
  'randugarut',
  'sibetan',
  'karangasem',
  'keripik',
  'kripik',
  'salak',
  'salakpondoh',
  'pondoh',
  'pondok',
  'madu',
  'kopi',
  'kopiluwak',
  'gula',
  'aren',
  'ikat',
  'ikatt',
  'tenun',
  'bambu',
  'anyaman',
  'kopi2',
  'gunung',
  'gunungjati',
  // a run of letters longer than a catalog word may be (63): its words are no catalog words
  'baliaga'.repeat(9),
];

/** Many catalog words containing `salak`: more than a look-up's `within` lists (MAX_WITHIN). */
const MANY = Array.from({ length: MAX_WITHIN + 6 }, (_, i) => `salak${i}x`);

/** A search word: a vocabulary word with a letter left out, changed or added; a part of one; or any. */
const token = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...VOCABULARY),
      fc.nat(),
      fc.constantFrom('drop', 'change', 'add'),
      fc.constantFrom(...'aeiknrsu'),
    )
    .map(([word, at, how, letter]) => {
      const i = at % word.length;
      const edited =
        how === 'drop'
          ? word.slice(0, i) + word.slice(i + 1)
          : how === 'change'
            ? word.slice(0, i) + letter + word.slice(i + 1)
            : word.slice(0, i) + letter + word.slice(i);
      return edited.length >= 3 ? edited : word;
    }),
  fc.tuple(fc.constantFrom(...VOCABULARY), fc.nat(), fc.nat()).map(([word, at, length]) => {
    const start = at % (word.length - 2);
    return word.slice(start, start + 3 + (length % (word.length - start - 2)));
  }),
  fc.stringMatching(/^[a-z0-9]{3,10}$/),
);

async function publish(db: Queryable, groupId: string, texts: string[]): Promise<void> {
  await db.query(
    `INSERT INTO products (id, program_id, group_id, area_path, name, description, story, category, unit,
       price_minor, currency, status, search_text)
     SELECT gen_random_uuid(), g.program_id, g.id, g.area_path, jsonb_build_object('id', x.t), '{}', '{}', 'food', 'kg',
       1000, 'IDR', 'ready', x.t
     FROM producer_groups g, unnest($2::text[]) x(t) WHERE g.id = $1`,
    [groupId, texts],
  );
}

/**
 * All of the catalog's words, read as a server reads them first, added in reverse (the database
 * gives them in no promised order: the look-ups must not depend on it) and in two parts: the last
 * few added after the rest were indexed, as the words of a later version are.
 */
async function readAll(db: Database): Promise<CatalogWords> {
  const read = await catalogRepository.wordsSince(db, -1n, -1n);
  const words = new CatalogWords();
  const all = [...read.words].reverse();
  const later = Math.floor(all.length / 17);
  words.add(all.slice(0, all.length - later));
  words.add(all.slice(all.length - later));
  words.version = BigInt(read.version);
  words.cleared = BigInt(read.cleared);
  return words;
}

/** A look-up as compared: its `within` in order of text, its similarity to single precision's digits. */
const comparable = (l: CatalogWordLookup) => ({
  ...l,
  similarity: l.similarity === null ? null : Number(l.similarity.toPrecision(6)),
  within: l.within === null ? null : [...l.within].sort(),
});

describe("the catalog's words in memory (migration 0063)", () => {
  it('look a word up as the database does: known, its close words, the words that contain each, and whether it is rare', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    const seen = { known: 0, close: 0, none: 0, tooMany: 0, rare: 0, common: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.boolean(),
        fc.array(token, { minLength: 1, maxLength: 6 }),
        async (texts, many, asked) => {
          // 'alak' too: inside more than MAX_WITHIN words when the case has MANY.
          const tokens = [...asked, 'alak'];
          await db.query('DELETE FROM products');
          await db.query('DELETE FROM catalog_words');
          await publish(db, group.id, [...texts.map((words) => words.join(' ')), ...(many ? [MANY.join(' ')] : [])]);
          const words = await readAll(db);
          const first = new FirstWords(await catalogRepository.firstTexts(db));
          const inMemory = tokens.flatMap((tk) => words.lookUp(tk, first));
          const inDatabase = await catalogRepository.wordLookups(db, tokens);
          expect(inMemory.map(comparable), tokens.join(' ')).toEqual(inDatabase.map(comparable));
          for (const l of inDatabase) {
            if (l.known) seen[l.within === null ? 'tooMany' : 'known']++;
            else if (l.word === null) seen.none++;
            else {
              seen.close++;
              seen[l.rare ? 'rare' : 'common']++;
            }
          }
        },
      ),
      { numRuns: 80 },
    );
    // Each kind of answer was compared, not only the easy ones.
    expect(seen.known).toBeGreaterThan(20);
    expect(seen.close).toBeGreaterThan(20);
    expect(seen.none).toBeGreaterThan(5);
    expect(seen.tooMany).toBeGreaterThan(2);
    expect(seen.common).toBeGreaterThan(5);
  });

  it('says a close word is rare exactly when none of the first 200 published products holds it', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    const texts = Array.from({ length: 260 }, (_, i) =>
      i === 2 ? 'keripik salak' : i === 250 ? 'madu randugarut' : 'produk',
    );
    await publishInOrder(db, group.id, texts);
    const words = await readAll(db);
    const firstTexts = await catalogRepository.firstTexts(db);
    expect(firstTexts).toHaveLength(200);
    const first = new FirstWords(firstTexts);
    expect(words.lookUp('kripik', first)).toEqual([
      expect.objectContaining({ word: 'keripik', within: ['keripik'], rare: false }),
    ]);
    expect(words.lookUp('randugrut', first)).toEqual([
      expect.objectContaining({ word: 'randugarut', within: ['randugarut'], rare: true }),
    ]);
  });

  it('reads only the words added since the version it holds, and all of them again once one is removed', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    await publish(db, group.id, ['keripik salak sibetan']);
    const held = await readAll(db);
    expect(held.size).toBe(3);
    // A draft's words are not the catalog's; a published product's new words are.
    await db.query(
      `INSERT INTO products (id, program_id, group_id, area_path, name, description, story, category, unit,
         price_minor, currency, status, search_text)
       SELECT gen_random_uuid(), g.program_id, g.id, g.area_path, '{"id":"x"}', '{}', '{}', 'food', 'kg', 1000, 'IDR',
         'draft', 'dodol durian' FROM producer_groups g WHERE g.id = $1`,
      [group.id],
    );
    await publish(db, group.id, ['madu salak', 'kopi randugarut']);
    const since = await catalogRepository.wordsSince(db, held.version, held.cleared);
    expect([...since.words].sort()).toEqual(['kopi', 'madu', 'randugarut']);
    expect(BigInt(since.version)).toBeGreaterThan(held.version);
    // Nothing new since then: nothing read.
    expect((await catalogRepository.wordsSince(db, BigInt(since.version), held.cleared)).words).toEqual([]);
    // A word removed: words_cleared moves, and every word is read.
    await db.query(`DELETE FROM catalog_words WHERE word = 'kopi'`);
    const again = await catalogRepository.wordsSince(db, BigInt(since.version), held.cleared);
    expect(BigInt(again.cleared)).toBeGreaterThan(held.cleared);
    expect([...again.words].sort()).toEqual(['keripik', 'madu', 'randugarut', 'salak', 'sibetan']);
  });

  it.skipIf(!postgresUrl)(
    'misses no word of a transaction that commits after another began adding words: each waits for the one before',
    async () => {
      const db = t.database.db;
      const group = await buildGroup(db);
      const before = await readAll(db);
      let commitFirst!: () => void;
      const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
      let firstAdded!: () => void;
      const firstHasAdded = new Promise<void>((resolve) => (firstAdded = resolve));
      const first = db.transaction(async (tx) => {
        await publish(tx, group.id, ['tenun ikat']);
        firstAdded();
        await firstMayCommit;
      });
      await firstHasAdded;
      // The second writer waits for the first's lock on the version before it adds a word.
      const second = publish(db, group.id, ['anyaman bambu']);
      await expect
        .poll(
          async () =>
            (
              await db.query<{ waiting: number }>(
                `SELECT count(*)::int AS waiting FROM pg_stat_activity
                 WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO products%'`,
              )
            )[0]!.waiting,
          { timeout: 60_000 },
        )
        .toBe(1);
      expect((await catalogRepository.wordsSince(db, before.version, before.cleared)).words).toEqual([]);
      commitFirst();
      await Promise.all([first, second]);
      const read = await catalogRepository.wordsSince(db, before.version, before.cleared);
      expect([...read.words].sort()).toEqual(['anyaman', 'bambu', 'ikat', 'tenun']);
      const tags = await db.query<{ word: string; added_in: string }>(
        `SELECT word, added_in::text FROM catalog_words WHERE word IN ('ikat', 'bambu')`,
      );
      const tag = (w: string) => BigInt(tags.find((r) => r.word === w)!.added_in);
      // Tagged in the order they committed, each at most the version it committed with.
      expect(tag('ikat')).toBeLessThan(tag('bambu'));
      expect(tag('bambu')).toBeLessThanOrEqual(BigInt(read.version));
    },
  );
});
